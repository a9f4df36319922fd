import { Field } from '../../ui/Field';

export interface AssessmentDraft {
  title: string;
  client: string;
  site: string;
  assessors: string;
  startDate: string;
  endDate: string;
  scope: string;
}

export type DraftErrors = Partial<Record<keyof AssessmentDraft, string>>;

export function splitAssessors(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The assessment's details, as used by the New dialog and the Overview workspace. */
export function AssessmentFields({
  draft,
  errors,
  onChange,
  onBlur,
  showTitle = true,
}: {
  draft: AssessmentDraft;
  errors: DraftErrors;
  onChange: (patch: Partial<AssessmentDraft>) => void;
  onBlur?: () => void;
  showTitle?: boolean;
}) {
  const input = (key: keyof AssessmentDraft, type = 'text', required = false) => (
    <input
      className="input"
      name={key}
      type={type}
      value={draft[key]}
      required={required}
      aria-invalid={errors[key] ? true : undefined}
      onChange={(event) => onChange({ [key]: event.target.value })}
      onBlur={onBlur}
    />
  );
  return (
    <div className="form-grid">
      <Field label="Client" error={errors.client}>
        {input('client', 'text', true)}
      </Field>
      <Field label="Site" error={errors.site}>
        {input('site', 'text', true)}
      </Field>
      {showTitle && (
        <Field label="Title" error={errors.title} hint="Defaults to “client – site”." wide>
          {input('title')}
        </Field>
      )}
      <Field label="Assessors" error={errors.assessors} hint="Separate names with commas." wide>
        {input('assessors')}
      </Field>
      <Field label="Start date" error={errors.startDate}>
        {input('startDate', 'date')}
      </Field>
      <Field label="End date" error={errors.endDate}>
        {input('endDate', 'date')}
      </Field>
      <Field label="Scope" error={errors.scope} wide>
        <textarea
          className="textarea"
          name="scope"
          value={draft.scope}
          onChange={(event) => onChange({ scope: event.target.value })}
          onBlur={onBlur}
        />
      </Field>
    </div>
  );
}
