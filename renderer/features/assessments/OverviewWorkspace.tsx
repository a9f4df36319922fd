import { useEffect, useRef, useState } from 'react';
import { ZodError } from 'zod';
import type { Assessment } from '../../../shared/model';
import { updateAssessment } from '../../db/assessments';
import { useAutosave } from '../../ui/useAutosave';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { AssessmentFields, type AssessmentDraft, type DraftErrors } from './AssessmentFields';
import { draftErrors, draftFromAssessment, draftToInput } from './draft';

/** The assessment's details; every change autosaves. */
function OverviewWorkspace({ assessment }: WorkspaceProps) {
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
    <section className="workspace" aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <p style={{ color: 'var(--text-muted)' }}>
        The engagement's details. They print on the report's cover; every change is saved as you type.
      </p>
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
      <Summary assessment={assessment} />
    </section>
  );
}

function Summary({ assessment }: { assessment: Assessment }) {
  return (
    <p style={{ color: 'var(--text-faint)', fontSize: 12 }}>
      Created {new Date(assessment.createdAt).toLocaleString()} · catalogue {assessment.catalogueVersion} · id{' '}
      <span className="mono">{assessment.id}</span>
    </p>
  );
}

export const overviewWorkspace: WorkspaceDefinition = {
  id: 'overview',
  label: 'Overview',
  component: OverviewWorkspace,
};
