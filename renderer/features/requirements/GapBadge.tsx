import { formatVector, vectorToArray } from '../../../shared/catalogue';
import { formatSlt, FR_IDS } from '../../../shared/model';
import { useLevelsOfZone, type ZoneLevels } from './useZoneLevels';

/**
 * A zone's gap in one badge, for the diagram's zone nodes and the all-zones table: "No SL-T",
 * "SL-T met", or the gap vector with the FRs short of their target.
 */
export function GapBadge({ levels }: { levels: ZoneLevels | undefined }) {
  if (!levels) return null;
  const target = vectorToArray(levels.target);
  const detail = `${formatSlt(levels.zone.slt)} · ${formatVector('SL-A', levels.achieved)} · ${levels.progress.zone.answered}/${levels.progress.zone.required} answered`;
  if (target.every((level) => level === 0)) {
    return (
      <span className="badge gap-badge" title={detail} data-testid="gap-badge">
        No SL-T
      </span>
    );
  }
  const short = FR_IDS.filter((fr) => levels.gap[fr] > 0);
  if (short.length === 0) {
    return (
      <span className="badge badge-success gap-badge" title={detail} data-testid="gap-badge">
        SL-T met
      </span>
    );
  }
  return (
    <span
      className="badge badge-danger mono gap-badge"
      title={`Short of SL-T in ${short.join(', ')}. ${detail}`}
      data-testid="gap-badge"
    >
      {formatVector('Gap', levels.gap)}
    </span>
  );
}

/** The gap badge of one zone, live: what the requirements workspace draws on the diagram's zones. */
export function ZoneGapBadge({ assessmentId, zoneId }: { assessmentId: string; zoneId: string }) {
  return <GapBadge levels={useLevelsOfZone(assessmentId, zoneId)} />;
}
