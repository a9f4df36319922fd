import { useEffect, useRef, useState } from 'react';
import { ZodError } from 'zod';
import type { Assessment } from '../../../../shared/model';
import { updateAssessment } from '../../../db/assessments';
import { useAutosave } from '../../../ui/useAutosave';
import { AssessmentFields, type AssessmentDraft, type DraftErrors } from '../AssessmentFields';
import { draftErrors, draftFromAssessment, draftToInput } from '../draft';

/** The engagement's own fields, printed on the report's cover; every change autosaves. */
export function DetailsCard({ assessment }: { assessment: Assessment }) {
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftFromAssessment(assessment));
  const [errors, setErrors] = useState<DraftErrors>({});
  const loadedFor = useRef(assessment.id);

  useEffect(() => {
    if (loadedFor.current !== assessment.id) {
      loadedFor.current = assessment.id;
      setDraft(draftFromAssessment(assessment));
    }
  }, [assessment]);

  const { schedule, flush } = useAutosave(async (next: AssessmentDraft) => {
    const input = draftToInput(next);
    try {
      await updateAssessment(assessment.id, { ...input, title: input.title || assessment.title });
      setErrors({});
    } catch (error) {
      if (error instanceof ZodError) setErrors(draftErrors(error));
      else throw error;
    }
  });

  return (
    <section className="overview-card overview-wide overview-details" aria-labelledby="details-title">
      <h2 id="details-title">Details</h2>
      <p className="hint">They print on the report's cover; every change is saved as you type.</p>
      <AssessmentFields
        draft={draft}
        errors={errors}
        onChange={(patch) => {
          const next = { ...draft, ...patch };
          setDraft(next);
          schedule(next);
        }}
        onBlur={flush}
      />
      <p className="hint overview-meta">
        Created {new Date(assessment.createdAt).toLocaleString()} · catalogue {assessment.catalogueVersion} ·
        id <span className="mono">{assessment.id}</span>
      </p>
    </section>
  );
}
