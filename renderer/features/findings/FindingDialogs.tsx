import { useState } from 'react';
import { ZodError } from 'zod';
import { SEVERITY_LABELS } from '../../../shared/findings';
import { issuesInWords } from '../../../shared/model';
import {
  PROGRAM_PHASE_LABELS,
  PROGRAM_PHASES,
  SEVERITIES,
  type Finding,
  type ProgramPhase,
  type Severity,
} from '../../../shared/model';
import {
  addManualFinding,
  dismissStoredFinding,
  mergeStoredFindings,
  updateFinding,
} from '../../db/findings';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import type { FindingsDialog } from './commands';

interface Draft {
  title: string;
  description: string;
  severity: Severity;
  phase: ProgramPhase;
  recommendation: string;
}

/** The edit form's draft of a finding (a new manual one when `finding` is null), and its saving. */
function useFindingDraft(assessmentId: string, finding: Finding | null, onSaved: () => void) {
  const [draft, setDraft] = useState<Draft>(() => ({
    title: finding?.title ?? '',
    description: finding?.description ?? '',
    severity: finding?.severity ?? 'medium',
    phase: finding?.phase ?? 1,
    recommendation: finding?.recommendation ?? '',
  }));
  const [error, setError] = useState<string | undefined>();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function save() {
    if (!draft.title.trim()) {
      setError('A finding needs a title.');
      return;
    }
    try {
      const clean = { ...draft, title: draft.title.trim() };
      if (finding) await updateFinding(finding.id, clean);
      else await addManualFinding(assessmentId, clean);
      onSaved();
    } catch (caught) {
      if (caught instanceof ZodError)
        setError(issuesInWords(caught, { title: 'The title' })[0] ?? 'The finding is not valid.');
      else notify('error', 'The finding was not saved', [(caught as Error).message]);
    }
  }

  return { draft, set, error, save };
}

/** Edits a finding, or writes a new manual one when `finding` is null. */
export function FindingDialog({
  assessmentId,
  finding,
  onClose,
}: {
  assessmentId: string;
  finding: Finding | null;
  onClose: () => void;
}) {
  const { draft, set, error, save } = useFindingDraft(assessmentId, finding, onClose);
  return (
    <Modal title={finding ? 'Edit finding' : 'New finding'} onClose={onClose} wide>
      <form
        className="finding-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {finding?.origin === 'auto' && (
          <p className="field-hint">
            Generated from the assessment. What you change here is kept when findings are regenerated.
          </p>
        )}
        <Field label="Title" error={error}>
          <input
            className="input"
            value={draft.title}
            aria-invalid={error ? true : undefined}
            onChange={(e) => set({ title: e.target.value })}
            autoFocus
          />
        </Field>
        <ClassificationFields draft={draft} set={set} />
        <Field label="Description">
          <textarea
            className="textarea"
            rows={7}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </Field>
        <Field label="Recommendation">
          <textarea
            className="textarea"
            rows={4}
            value={draft.recommendation}
            onChange={(e) => set({ recommendation: e.target.value })}
          />
        </Field>
        <FormActions submit={finding ? 'Save finding' : 'Add finding'} onCancel={onClose} />
      </form>
    </Modal>
  );
}

/** Severity and program phase, side by side. */
function ClassificationFields({ draft, set }: { draft: Draft; set: (patch: Partial<Draft>) => void }) {
  return (
    <div className="form-grid">
      <Field label="Severity">
        <select
          className="select"
          value={draft.severity}
          onChange={(e) => set({ severity: e.target.value as Severity })}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Program phase">
        <select
          className="select"
          value={draft.phase}
          onChange={(e) => set({ phase: Number(e.target.value) as ProgramPhase })}
        >
          {PROGRAM_PHASES.map((p) => (
            <option key={p} value={p}>
              {p}. {PROGRAM_PHASE_LABELS[p]}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

export function DismissDialog({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  async function dismiss() {
    if (!reason.trim()) {
      setError('Say why this finding does not apply; the reason is kept with it.');
      return;
    }
    try {
      await dismissStoredFinding(finding.id, reason);
      onClose();
    } catch (caught) {
      notify('error', 'The finding was not dismissed', [(caught as Error).message]);
    }
  }
  return (
    <Modal title="Dismiss finding" onClose={onClose}>
      <form
        className="finding-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void dismiss();
        }}
      >
        <p>
          <strong>{finding.title}</strong> leaves the report and the roadmap. It stays listed under
          “Dismissed”, and can be restored.
        </p>
        <Field label="Reason" error={error}>
          <textarea
            className="textarea"
            value={reason}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
        </Field>
        <FormActions submit="Dismiss finding" onCancel={onClose} tone="danger" />
      </form>
    </Modal>
  );
}

export function MergeDialog({
  findings,
  onClose,
  onMerged,
}: {
  findings: Finding[];
  onClose: () => void;
  onMerged: (merged: Finding) => void;
}) {
  async function merge() {
    try {
      onMerged(await mergeStoredFindings(findings.map((f) => f.id)));
    } catch (caught) {
      notify('error', 'The findings were not merged', [(caught as Error).message]);
    }
  }
  return (
    <Modal title={`Merge ${findings.length} findings`} onClose={onClose}>
      <p>
        These findings become one, with the most severe one’s title and phase, every description and
        recommendation, and all their references. The originals are removed, and regenerating will not bring
        them back.
      </p>
      <ul className="merge-list">
        {findings.map((f) => (
          <li key={f.id}>{f.title}</li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => void merge()}>
          Merge findings
        </button>
      </div>
    </Modal>
  );
}

/** The dialog a Findings command opened, if any. */
export function FindingsDialogs({
  assessmentId,
  dialog,
  onClose,
  onMerged,
}: {
  assessmentId: string;
  dialog: FindingsDialog | null;
  onClose: () => void;
  onMerged: (merged: Finding) => void;
}) {
  switch (dialog?.kind) {
    case 'edit':
      return <FindingDialog assessmentId={assessmentId} finding={dialog.finding} onClose={onClose} />;
    case 'dismiss':
      return <DismissDialog finding={dialog.finding} onClose={onClose} />;
    case 'merge':
      return <MergeDialog findings={dialog.findings} onClose={onClose} onMerged={onMerged} />;
    default:
      return null;
  }
}
