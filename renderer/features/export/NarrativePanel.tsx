import { useMemo, useState } from 'react';
import type { Assessment, AssessmentData } from '../../../shared/model';
import { buildReportModel, executiveNarrative } from '../../../shared/report';
import { updateAssessment } from '../../db/assessments';
import { useAutosave } from '../../ui/useAutosave';

/**
 * The executive narrative the report prints: generated from the data, or the assessor's own
 * edit of it. An edit stays until "Regenerate"; when the data has changed since the edit, a
 * notice says so.
 */
export function NarrativePanel({
  assessment,
  data,
}: {
  assessment: Assessment;
  data: AssessmentData | null;
}) {
  const generated = useMemo(() => (data ? executiveNarrative(buildReportModel(data)) : null), [data]);
  const override = assessment.narrative;
  const [text, setText] = useState(override?.text ?? '');
  const { schedule, flush } = useAutosave((next: string) =>
    updateAssessment(assessment.id, {
      narrative: { text: next, generated: override?.generated ?? generated ?? '' },
    }),
  );

  if (generated === null) return <p className="field-hint">Generating the narrative from the data…</p>;
  if (!override) {
    return (
      <div className="narrative">
        <p className="field-hint">Generated from the data; it changes as the assessment does.</p>
        <div className="narrative-text" data-testid="narrative-generated">
          {generated.split('\n\n').map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            setText(generated);
            void updateAssessment(assessment.id, { narrative: { text: generated, generated } });
          }}
        >
          Edit
        </button>
      </div>
    );
  }
  const stale = override.generated !== generated;
  return (
    <div className="narrative">
      {stale && (
        <p className="notice notice-warning" role="status" data-testid="narrative-stale">
          The data has changed since you edited this text: its figures may be out of date. Regenerate to start
          again from the current data (your edit is replaced).
        </p>
      )}
      <label htmlFor="narrative-text" className="field-label">
        Executive narrative (your edit; paragraphs separated by a blank line)
      </label>
      <textarea
        id="narrative-text"
        className="input narrative-editor"
        rows={14}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          schedule(e.target.value);
        }}
        onBlur={flush}
      />
      <div>
        <button
          type="button"
          className="button"
          onClick={() => {
            if (!window.confirm('Replace your edited narrative with one generated from the current data?'))
              return;
            void updateAssessment(assessment.id, { narrative: undefined });
          }}
        >
          Regenerate
        </button>
      </div>
    </div>
  );
}
