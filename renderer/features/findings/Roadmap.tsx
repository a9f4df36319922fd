import { ROADMAP_SLOTS, type Finding, type RoadmapSlot } from '../../../shared/model';
import {
  buildRoadmap,
  ROADMAP_SLOT_LABELS,
  roadmapCounts,
  suggestedSlot,
  type RoadmapEntry,
} from '../../../shared/findings';
import { placeOnRoadmap } from '../../db/findings';
import { notify } from '../../ui/notices';
import { useIdDrag } from '../../ui/useIdDrag';

const DRAG_TYPE = 'application/x-conduit-roadmap';

type RoadmapDrag = ReturnType<typeof useIdDrag>;

function place(id: string, slot: RoadmapSlot | null) {
  void placeOnRoadmap(id, slot).catch((error: unknown) =>
    notify('error', 'The roadmap was not changed', [(error as Error).message]),
  );
}

/** The roadmap with the line above it that says how it was planned and how many fall in each quarter. */
export function RoadmapView({
  findings,
  quarterCapacity,
}: {
  findings: Finding[];
  quarterCapacity: number | null;
}) {
  const counts = roadmapCounts(findings, { quarterCapacity });
  return (
    <>
      <p className="findings-hint">
        Suggested from each finding’s phase, severity and effort along the first year
        {quarterCapacity !== null ? `, at most ${quarterCapacity} effort points a quarter` : ''}; drag a bar
        or pick a quarter to change it.{' '}
        {Object.entries(counts)
          .map(([slot, n]) => `${ROADMAP_SLOT_LABELS[slot as keyof typeof counts]}: ${n}`)
          .join(' · ')}
      </p>
      <Roadmap findings={findings} quarterCapacity={quarterCapacity} />
    </>
  );
}

/**
 * The first year as a Gantt-like chart: a column per quarter, a bar per open finding, grouped by
 * program phase. Drag a bar to another quarter, or choose one in the row's select.
 */
export function Roadmap({
  findings,
  quarterCapacity = null,
}: {
  findings: Finding[];
  quarterCapacity?: number | null;
}) {
  const phases = buildRoadmap(findings, { quarterCapacity });
  const drag = useIdDrag(DRAG_TYPE);

  if (phases.length === 0) return <p className="findings-empty">No open findings to plan.</p>;

  return (
    <div className="roadmap" role="table" aria-label="Roadmap">
      <div className="roadmap-row roadmap-header" role="row">
        <div role="columnheader">Finding</div>
        {ROADMAP_SLOTS.map((slot) => (
          <div key={slot} role="columnheader" className="roadmap-quarter">
            {ROADMAP_SLOT_LABELS[slot]}
          </div>
        ))}
        <div role="columnheader">Quarter</div>
      </div>
      {phases.map((phase) => (
        <div key={phase.phase} role="rowgroup" className="roadmap-phase" aria-label={`Phase ${phase.phase}`}>
          <div className="roadmap-phase-title" role="row">
            <div role="cell">
              Phase {phase.phase} · {phase.label}
            </div>
          </div>
          {phase.entries.map((entry) => (
            <RoadmapRow key={entry.finding.id} entry={entry} drag={drag} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** One finding's row: its title, a cell per quarter (its bar in one of them), and the quarter select. */
function RoadmapRow({ entry, drag }: { entry: RoadmapEntry; drag: RoadmapDrag }) {
  const { finding, slot, placedByAssessor } = entry;
  return (
    <div className="roadmap-row" role="row" data-testid="roadmap-row" data-slot={slot}>
      <div role="cell" className="roadmap-label" title={finding.title}>
        {finding.title}
      </div>
      {ROADMAP_SLOTS.map((column) => {
        const key = `${finding.id}:${column}`;
        return (
          <div
            key={column}
            role="cell"
            className="roadmap-cell"
            data-over={drag.over === key || undefined}
            {...drag.target(key, (id) => id === finding.id && place(id, column))}
          >
            {column === slot && (
              <div
                className={`roadmap-bar severity-${finding.severity}`}
                data-pinned={placedByAssessor || undefined}
                title={`${finding.title}: ${ROADMAP_SLOT_LABELS[slot]}${placedByAssessor ? ' (placed by you)' : ' (suggested)'}`}
                {...drag.source(finding.id)}
              >
                {finding.severity}
              </div>
            )}
          </div>
        );
      })}
      <div role="cell">
        <QuarterSelect finding={finding} />
      </div>
    </div>
  );
}

function QuarterSelect({ finding }: { finding: Finding }) {
  return (
    <select
      className="select roadmap-select"
      aria-label={`Quarter for “${finding.title}”`}
      value={finding.roadmapSlot ?? ''}
      onChange={(event) => place(finding.id, (event.target.value || null) as RoadmapSlot | null)}
    >
      <option value="">Suggested ({ROADMAP_SLOT_LABELS[suggestedSlot(finding)]})</option>
      {ROADMAP_SLOTS.map((s) => (
        <option key={s} value={s}>
          {ROADMAP_SLOT_LABELS[s]}
        </option>
      ))}
    </select>
  );
}
