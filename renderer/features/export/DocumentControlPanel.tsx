import { useEffect, useRef, useState } from 'react';
import { ZodError } from 'zod';
import {
  DEFAULT_DOCUMENT_CONTROL,
  type Assessment,
  type DistributionEntry,
  type DocumentControl,
} from '../../../shared/model';
import { updateAssessment } from '../../db/assessments';
import { useAutosave } from '../../ui/useAutosave';

/** A recipient row as typed: the name may still be empty. */
type Draft = DocumentControl;

function problemOf(error: ZodError): string {
  return error.issues.some((i) => i.path.includes('distribution'))
    ? 'Each recipient on the distribution list needs a name.'
    : 'Check the version, date and author.';
}

/** The report's version, status, date, author and distribution list; every change autosaves. */
export function DocumentControlPanel({
  assessment,
  warnings,
}: {
  assessment: Assessment;
  warnings: string[];
}) {
  const [draft, setDraft] = useState<Draft>(() => assessment.documentControl ?? DEFAULT_DOCUMENT_CONTROL);
  const [problem, setProblem] = useState<string | null>(null);
  const loadedFor = useRef(assessment.id);
  useEffect(() => {
    if (loadedFor.current === assessment.id) return;
    loadedFor.current = assessment.id;
    setDraft(assessment.documentControl ?? DEFAULT_DOCUMENT_CONTROL);
  }, [assessment]);

  const { schedule, flush } = useAutosave(async (next: Draft) => {
    try {
      await updateAssessment(assessment.id, { documentControl: next });
      setProblem(null);
    } catch (error) {
      if (error instanceof ZodError) setProblem(problemOf(error));
      else throw error;
    }
  });
  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    schedule(next);
  };
  const changeRecipient = (index: number, patch: Partial<DistributionEntry>) =>
    change({ distribution: draft.distribution.map((d, i) => (i === index ? { ...d, ...patch } : d)) });

  return (
    <div className="document-control" onBlur={flush}>
      <div className="document-control-fields">
        <Field id="dc-version" label="Version">
          <input
            id="dc-version"
            className="input"
            value={draft.version}
            placeholder="e.g. 1.0"
            onChange={(e) => change({ version: e.target.value })}
          />
        </Field>
        <Field id="dc-status" label="Status">
          <select
            id="dc-status"
            className="input"
            value={draft.status}
            onChange={(e) => change({ status: e.target.value === 'final' ? 'final' : 'draft' })}
          >
            <option value="draft">Draft</option>
            <option value="final">Final</option>
          </select>
        </Field>
        <Field id="dc-date" label="Date">
          <input
            id="dc-date"
            className="input"
            type="date"
            value={draft.date ?? ''}
            onChange={(e) => change({ date: e.target.value || null })}
          />
        </Field>
        <Field id="dc-author" label="Author">
          <input
            id="dc-author"
            className="input"
            value={draft.author}
            placeholder={assessment.assessors.join(', ')}
            onChange={(e) => change({ author: e.target.value })}
          />
        </Field>
      </div>
      <h3>Distribution</h3>
      {draft.distribution.length === 0 && <p className="field-hint">No recipients yet.</p>}
      {draft.distribution.map((d, i) => (
        <div className="document-control-recipient" key={i} role="group" aria-label={`Recipient ${i + 1}`}>
          <input
            className="input"
            aria-label="Name"
            placeholder="Name"
            value={d.name}
            onChange={(e) => changeRecipient(i, { name: e.target.value })}
          />
          <input
            className="input"
            aria-label="Organisation"
            placeholder="Organisation"
            value={d.organisation}
            onChange={(e) => changeRecipient(i, { organisation: e.target.value })}
          />
          <input
            className="input"
            aria-label="Role"
            placeholder="Role"
            value={d.role}
            onChange={(e) => changeRecipient(i, { role: e.target.value })}
          />
          <button
            type="button"
            className="button"
            onClick={() => change({ distribution: draft.distribution.filter((_, k) => k !== i) })}
          >
            Remove
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button"
          onClick={() =>
            setDraft({
              ...draft,
              distribution: [...draft.distribution, { name: '', organisation: '', role: '' }],
            })
          }
        >
          Add recipient
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {draft.status === 'final' && warnings.length > 0 && (
        <div className="notice notice-warning" role="alert" data-testid="final-warnings">
          <strong>This report is marked final, but it is not complete:</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
    </div>
  );
}
