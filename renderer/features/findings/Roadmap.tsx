import { useState, type DragEvent } from 'react';
import { ROADMAP_SLOTS, type Finding, type RoadmapSlot } from '../../../shared/model';
import { buildRoadmap, ROADMAP_SLOT_LABELS, suggestedSlot } from '../../../shared/findings';
import { placeOnRoadmap } from '../../db/findings';
import { notify } from '../../ui/notices';

const DRAG_TYPE = 'application/x-conduit-roadmap';

function place(id: string, slot: RoadmapSlot | null) {
  void placeOnRoadmap(id, slot).catch((error: unknown) =>
    notify('error', 'The roadmap was not changed', [(error as Error).message]),
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
  const [over, setOver] = useState<string | null>(null);

  const dropProps = (finding: Finding, slot: RoadmapSlot) => ({
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      setOver(`${finding.id}:${slot}`);
    },
    onDragLeave: () => setOver(null),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(null);
      const id = event.dataTransfer.getData(DRAG_TYPE);
      if (id === finding.id) place(id, slot);
    },
  });

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
          {phase.entries.map(({ finding, slot, placedByAssessor }) => (
            <div
              key={finding.id}
              className="roadmap-row"
              role="row"
              data-testid="roadmap-row"
              data-slot={slot}
            >
              <div role="cell" className="roadmap-label" title={finding.title}>
                {finding.title}
              </div>
              {ROADMAP_SLOTS.map((column) => (
                <div
                  key={column}
                  role="cell"
                  className="roadmap-cell"
                  data-over={over === `${finding.id}:${column}` || undefined}
                  {...dropProps(finding, column)}
                >
                  {column === slot && (
                    <div
                      className={`roadmap-bar severity-${finding.severity}`}
                      draggable
                      data-pinned={placedByAssessor || undefined}
                      title={`${finding.title}: ${ROADMAP_SLOT_LABELS[slot]}${placedByAssessor ? ' (placed by you)' : ' (suggested)'}`}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(DRAG_TYPE, finding.id);
                        event.dataTransfer.effectAllowed = 'move';
                      }}
                    >
                      {finding.severity}
                    </div>
                  )}
                </div>
              ))}
              <div role="cell">
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
              </div>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
