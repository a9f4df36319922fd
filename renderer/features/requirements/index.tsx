import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { formatVector } from '../../../shared/catalogue';
import type { FrId, Zone } from '../../../shared/model';
import { db } from '../../db';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { useCurrentAssessor } from './assessor';
import { GapBadge, ZoneGapBadge } from './GapBadge';
import { ChartLegend, LevelChart } from './LevelChart';
import { catalogueOf } from '../../../shared/catalogue';
import { useZoneLevels } from './useZoneLevels';
import { ZoneChecklist } from './ZoneChecklist';
import './requirements.css';
import { checklistHelp } from './commands';
import { useNavIntent } from '../../ui/nav-intent';

export { useLevelsOfZone, useZoneLevels, type ZoneLevels } from './useZoneLevels';
export { GapBadge } from './GapBadge';

const ALL_ZONES = 'all';

const SHORTCUTS = checklistHelp();

/** The assessment's zones by name, live; undefined while they are read. */
function useZonesByName(assessmentId: string) {
  const stored = useLiveQuery(() => db().zones.where({ assessmentId }).toArray(), [assessmentId]);
  return useMemo(
    () => stored?.slice().sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    [stored],
  );
}

/** Walk each zone through the IEC 62443-3-3 items its SL-T calls for; levels, gap and progress. */
function RequirementsWorkspace({ assessment }: WorkspaceProps) {
  const { catalogue, known } = catalogueOf(assessment.catalogueVersion);
  const zones = useZonesByName(assessment.id);
  const intent = useNavIntent('requirements');
  const [chosen, setChosen] = useState<string | null>(intent.zoneId ?? null);
  const [frFilter, setFrFilter] = useState<FrId | 'all'>('all');
  const [showAboveTarget, setShowAboveTarget] = useState(false);
  const [assessor, chooseAssessor] = useCurrentAssessor(assessment);

  if (zones === undefined) return null;
  // A zone chosen and since deleted (or none chosen yet) falls back to the first zone.
  const selection =
    chosen === ALL_ZONES || zones.some((z) => z.id === chosen) ? chosen! : (zones[0]?.id ?? ALL_ZONES);

  return (
    <section className="workspace-full req-workspace" aria-labelledby="requirements-title">
      <header className="req-toolbar toolbar">
        <h1 id="requirements-title">Requirements</h1>
        <ZoneSelect zones={zones} value={selection} onChange={setChosen} />
        <AssessorSelect assessors={assessment.assessors} value={assessor} onChange={chooseAssessor} />
        <label className="req-inline-field">
          <input
            type="checkbox"
            checked={showAboveTarget}
            onChange={(event) => setShowAboveTarget(event.target.checked)}
          />
          <span>Show items above SL-T</span>
        </label>
      </header>
      {!known && (
        <p className="notice" role="note">
          This assessment names catalogue “{assessment.catalogueVersion}”, which this version of Conduit does
          not ship; it is checked against {catalogue.version}.
        </p>
      )}
      {zones.length === 0 ? (
        <NoZones />
      ) : selection === ALL_ZONES ? (
        <AllZones assessmentId={assessment.id} onOpen={setChosen} />
      ) : (
        <>
          <ZoneChecklist
            assessmentId={assessment.id}
            catalogue={catalogue}
            zones={zones}
            zoneId={selection}
            assessor={assessor}
            frFilter={frFilter}
            onFrFilter={setFrFilter}
            showAboveTarget={showAboveTarget}
          />
          <ShortcutList />
        </>
      )}
    </section>
  );
}

function ZoneSelect({
  zones,
  value,
  onChange,
}: {
  zones: readonly Zone[];
  value: string;
  onChange: (zoneId: string) => void;
}) {
  return (
    <label className="req-inline-field">
      <span>Zone</span>
      <select
        className="select"
        aria-label="Zone"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="zone-select"
      >
        <option value={ALL_ZONES}>All zones</option>
        {zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Who is answering: one of the assessment's assessors. */
function AssessorSelect({
  assessors,
  value,
  onChange,
}: {
  assessors: readonly string[];
  value: string | null;
  onChange: (name: string) => void;
}) {
  return (
    <label className="req-inline-field">
      <span>Answering as</span>
      {assessors.length > 0 ? (
        <select className="select" value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
          {assessors.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      ) : (
        <span className="req-muted">no assessors named (add them in the Overview)</span>
      )}
    </label>
  );
}

function NoZones() {
  return (
    <div className="empty-state">
      <h2>No zones yet</h2>
      <p>
        Draw the zones in the Diagram workspace and set their target security levels; they are checked here.
      </p>
    </div>
  );
}

/** The checklist's keys, read from its command list. */
function ShortcutList() {
  return (
    <footer className="req-shortcuts" aria-label="Keyboard shortcuts">
      {SHORTCUTS.map(([keys, action]) => (
        <span key={keys}>
          <kbd>{keys}</kbd> {action}
        </span>
      ))}
    </footer>
  );
}

/** Every zone at a glance: SL-T, SL-A, gap, progress and the chart. */
function AllZones({ assessmentId, onOpen }: { assessmentId: string; onOpen: (zoneId: string) => void }) {
  const levels = useZoneLevels(assessmentId);
  if (!levels) return <p className="req-muted">Loading…</p>;
  const rows = [...levels.values()].sort((a, b) => a.zone.name.localeCompare(b.zone.name));
  return (
    <div className="req-all" data-testid="all-zones">
      <ChartLegend />
      <table className="req-all-table">
        <thead>
          <tr>
            <th scope="col">Zone</th>
            <th scope="col">Answered</th>
            <th scope="col">SL-T</th>
            <th scope="col">SL-A</th>
            <th scope="col">Gap</th>
            <th scope="col">Chart</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((zoneLevels) => {
            const { zone, target, achieved, progress, outOfScope, provisional } = zoneLevels;
            return (
              <tr key={zone.id} data-testid="zone-row">
                <th scope="row">
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    onClick={() => onOpen(zone.id)}
                  >
                    {zone.name}
                  </button>
                </th>
                <td>
                  {progress.zone.answered}/{progress.zone.required}
                  {outOfScope > 0 && <span className="req-muted"> (+{outOfScope} out of scope)</span>}
                </td>
                <td className="mono">{formatVector('', target).trim()}</td>
                <td className="mono">
                  {formatVector('', achieved).trim()}
                  {provisional && <span className="req-muted"> provisional</span>}
                </td>
                <td>
                  <GapBadge levels={zoneLevels} />
                </td>
                <td>
                  <LevelChart target={target} achieved={achieved} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export const requirementsWorkspace: WorkspaceDefinition = {
  id: 'requirements',
  label: 'Requirements',
  component: RequirementsWorkspace,
  diagram: { ZoneBadge: ZoneGapBadge },
};
