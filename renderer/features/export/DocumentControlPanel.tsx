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

  return (
    <div className="document-control" onBlur={flush}>
      <DocumentFields draft={draft} assessors={assessment.assessors} onChange={change} />
      <h3>Distribution</h3>
      <DistributionList
        recipients={draft.distribution}
        onChange={(distribution) => change({ distribution })}
        onAdd={() =>
          setDraft({
            ...draft,
            distribution: [...draft.distribution, { name: '', organisation: '', role: '' }],
          })
        }
      />
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

function DocumentFields({
  draft,
  assessors,
  onChange,
}: {
  draft: Draft;
  assessors: string[];
  onChange: (patch: Partial<Draft>) => void;
}) {
  return (
    <div className="document-control-fields">
      <Field id="dc-version" label="Version">
        <input
          id="dc-version"
          className="input"
          value={draft.version}
          placeholder="e.g. 1.0"
          onChange={(e) => onChange({ version: e.target.value })}
        />
      </Field>
      <Field id="dc-status" label="Status">
        <select
          id="dc-status"
          className="input"
          value={draft.status}
          onChange={(e) => onChange({ status: e.target.value === 'final' ? 'final' : 'draft' })}
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
          onChange={(e) => onChange({ date: e.target.value || null })}
        />
      </Field>
      <Field id="dc-author" label="Author">
        <input
          id="dc-author"
          className="input"
          value={draft.author}
          placeholder={assessors.join(', ')}
          onChange={(e) => onChange({ author: e.target.value })}
        />
      </Field>
    </div>
  );
}

const RECIPIENT_FIELDS = [
  ['name', 'Name'],
  ['organisation', 'Organisation'],
  ['role', 'Role'],
] as const;

function DistributionList({
  recipients,
  onChange,
  onAdd,
}: {
  recipients: DistributionEntry[];
  onChange: (next: DistributionEntry[]) => void;
  onAdd: () => void;
}) {
  return (
    <>
      {recipients.length === 0 && <p className="field-hint">No recipients yet.</p>}
      {recipients.map((d, i) => (
        <div className="document-control-recipient" key={i} role="group" aria-label={`Recipient ${i + 1}`}>
          {RECIPIENT_FIELDS.map(([field, label]) => (
            <input
              key={field}
              className="input"
              aria-label={label}
              placeholder={label}
              value={d[field]}
              onChange={(e) =>
                onChange(recipients.map((r, k) => (k === i ? { ...r, [field]: e.target.value } : r)))
              }
            />
          ))}
          <button
            type="button"
            className="button"
            onClick={() => onChange(recipients.filter((_, k) => k !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="button" onClick={onAdd}>
          Add recipient
        </button>
      </div>
    </>
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
