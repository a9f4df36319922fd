import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Connection } from '../../../shared/model';
import { plural } from '../../../shared/findings';
import { connectionDraftForCandidate, type CandidateKind } from '../../../shared/network';
import { deleteTriage, deleteTriageRecords, saveTriage } from '../../db/connections';
import { deleteTriageRule } from '../../db/triage-rules';
import { trackSave } from '../../db/save-status';
import { CandidateGroup } from './CandidateGroup';
import { ConnectionDialog } from './ConnectionDialog';
import { DismissDialog } from './DismissDialog';
import { DocumentDialog } from './DocumentDialog';
import { blankConnection } from './RegisterView';
import { ResolvedDecisions } from './ResolvedDecisions';
import { RuleDialog } from './RuleDialog';
import { saveConnectionWithPhotos } from './save-connection';
import { TriageRulesView } from './TriageRulesView';
import { UndoBar, type UndoOffer } from './UndoBar';
import { useCandidateSelection } from './use-candidate-selection';
import type { CandidateRow, ConnectionsData } from './use-connections-data';

const KIND_ORDER: CandidateKind[] = [
  'undocumented-flow',
  'public-ip',
  'l2-between-zones',
  'unzoned-endpoint',
  'stale-conduit',
];

type Dialog =
  | { kind: 'confirm'; row: CandidateRow }
  | { kind: 'document'; row: CandidateRow }
  | { kind: 'dismiss'; rows: CandidateRow[] }
  | { kind: 'rule'; candidateKind: CandidateKind | null }
  | null;

/** Arrow keys walk the candidates' checkboxes; with Shift they select as they go; Escape clears. */
function useCheckboxKeys(
  section: React.RefObject<HTMLElement | null>,
  select: (key: string) => void,
  clear: () => void,
) {
  return (event: KeyboardEvent<HTMLInputElement>, row: CandidateRow) => {
    if (event.key === 'Escape') {
      clear();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const boxes = [...(section.current?.querySelectorAll<HTMLInputElement>('[data-candidate-check]') ?? [])];
    const index = boxes.findIndex((b) => b.dataset.candidateCheck === row.key);
    const next = boxes[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    next.focus();
    if (event.shiftKey) select(next.dataset.candidateCheck!);
  };
}

/** The candidates by kind, in display order, and the open ones' keys in that order (for ranges). */
function useGroups(candidates: CandidateRow[], showTriaged: boolean) {
  const groups = useMemo(
    () =>
      KIND_ORDER.map((kind) => ({
        kind,
        rows: candidates.filter((c) => c.kind === kind && (showTriaged || c.triage === null)),
      })).filter((g) => g.rows.length > 0),
    [candidates, showTriaged],
  );
  const order = useMemo(
    () => groups.flatMap((g) => g.rows.filter((r) => r.triage === null).map((r) => r.key)),
    [groups],
  );
  return { groups, order };
}

/** The reconciliation candidates, grouped by kind: triage one by one, many at once, or by rule. */
export function CandidatesPanel({ assessmentId, data }: { assessmentId: string; data: ConnectionsData }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showTriaged, setShowTriaged] = useState(true);
  const [undo, setUndo] = useState<UndoOffer | null>(null);
  const section = useRef<HTMLElement>(null);
  const { groups, order } = useGroups(data.candidates, showTriaged);
  const selection = useCandidateSelection(order);
  const onCheckKey = useCheckboxKeys(section, (key) => selection.setMany([key], true), selection.clear);
  const open = data.candidates.filter((c) => c.triage === null).length;
  const chosen = data.candidates.filter((c) => selection.selected.has(c.key));

  const actions = {
    onConfirm: (row: CandidateRow) => setDialog({ kind: 'confirm', row }),
    onDocument: (row: CandidateRow) => setDialog({ kind: 'document', row }),
    onDismiss: (row: CandidateRow) => setDialog({ kind: 'dismiss', rows: [row] }),
    onReopen: (row: CandidateRow) => void trackSave(deleteTriage(row.triage!.id)),
  };
  const dismissed = (ids: string[]) => {
    selection.clear();
    setUndo({
      message: `Dismissed ${plural(ids.length, 'candidate')}.`,
      undo: () => trackSave(deleteTriageRecords(ids)),
    });
  };

  return (
    <section className="connections-section" aria-label="Candidates" ref={section}>
      <div className="toolbar">
        <h2>
          Candidates ({open} open of {data.candidates.length})
        </h2>
        <label className="checkbox">
          <input type="checkbox" checked={showTriaged} onChange={(e) => setShowTriaged(e.target.checked)} />{' '}
          Show triaged
        </label>
      </div>
      <UndoBar offer={undo} onDone={() => setUndo(null)} />
      <SelectionBar
        count={chosen.length}
        onDismiss={() => setDialog({ kind: 'dismiss', rows: chosen })}
        onClear={selection.clear}
      />
      <TriageRulesView
        data={data}
        onNewRule={() => setDialog({ kind: 'rule', candidateKind: null })}
        onUndoable={setUndo}
      />
      <ReconciliationNotes data={data} />
      {groups.map(({ kind, rows }) => (
        <CandidateGroup
          key={kind}
          kind={kind}
          rows={rows}
          selection={selection}
          onCheckKey={onCheckKey}
          onDismissMany={(many) => setDialog({ kind: 'dismiss', rows: many })}
          onMakeRule={(candidateKind) => setDialog({ kind: 'rule', candidateKind })}
          {...actions}
        />
      ))}
      <ResolvedDecisions data={data} />
      <CandidateDialogs
        assessmentId={assessmentId}
        data={data}
        dialog={dialog}
        onClose={() => setDialog(null)}
        onDismissed={dismissed}
        onUndoable={setUndo}
      />
    </section>
  );
}

/** What is selected, and what can be done with it at once. */
function SelectionBar({ count, onDismiss, onClear }: { count: number; onDismiss(): void; onClear(): void }) {
  if (count === 0) return null;
  return (
    <div className="selection-bar" role="region" aria-label="Selection">
      <span data-testid="selection-count">{plural(count, 'candidate')} selected</span>
      <button type="button" className="button button-small" onClick={onDismiss}>
        Dismiss selected…
      </button>
      <button type="button" className="button button-small button-ghost" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

/** The reconciliation's warnings (a zone range that does not parse), or why there is nothing. */
function ReconciliationNotes({ data }: { data: ConnectionsData }) {
  return (
    <>
      {data.reconciliation.warnings.length > 0 && (
        <ul className="hint">
          {data.reconciliation.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {data.candidates.length === 0 && (
        <p className="empty-state">Nothing to reconcile: import a capture or a sensor's link export first.</p>
      )}
    </>
  );
}

interface DialogsProps {
  assessmentId: string;
  data: ConnectionsData;
  dialog: Dialog;
  onClose(): void;
  onDismissed(ids: string[]): void;
  onUndoable(offer: UndoOffer): void;
}

function CandidateDialogs({ assessmentId, data, dialog, onClose, onDismissed, onUndoable }: DialogsProps) {
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'confirm': {
      const row = dialog.row;
      const initial: Connection = { ...blankConnection(assessmentId), ...connectionDraftForCandidate(row) };
      return (
        <ConnectionDialog
          title="Confirm as undocumented connection"
          initial={initial}
          zones={data.zones}
          assets={data.assets}
          onClose={onClose}
          onSave={async (connection, photos, removed) => {
            const saved = await saveConnectionWithPhotos(connection, photos, removed);
            await trackSave(
              saveTriage(assessmentId, {
                candidateKey: row.key,
                decision: 'confirmed',
                reason: '',
                connectionId: saved.id,
                conduitId: null,
              }),
            );
          }}
        />
      );
    }
    case 'document':
      return (
        <DocumentDialog
          assessmentId={assessmentId}
          candidate={dialog.row}
          conduits={data.conduits}
          zones={data.zones}
          onClose={onClose}
        />
      );
    case 'dismiss':
      return (
        <DismissDialog
          assessmentId={assessmentId}
          candidates={dialog.rows}
          onClose={onClose}
          onDismissed={onDismissed}
        />
      );
    case 'rule':
      return (
        <RuleDialog
          assessmentId={assessmentId}
          data={data}
          initial={{ kind: dialog.candidateKind ?? '' }}
          onClose={onClose}
          onCreated={(rule, applied) =>
            onUndoable({
              message: `Rule created: it triages ${plural(applied, 'candidate')}.`,
              undo: () => trackSave(deleteTriageRule(rule.id)),
            })
          }
        />
      );
  }
}
