import { useEffect, useState } from 'react';
import { FOUNDATIONAL_REQUIREMENTS } from '../../../shared/catalogue';
import { DEFAULT_FR_WEIGHTS } from '../../../shared/findings';
import type { Assessment, FindingSettings, ReportBranding } from '../../../shared/model';
import { LOGO_MAX_BYTES } from '../../../shared/model';
import type { FrId } from '../../../shared/model/common';
import { checkAccentColor, DEFAULT_ACCENT, readLogo } from '../../../shared/report/branding';
import { updateAssessment } from '../../db/assessments';
import { regenerateFindings } from '../../db/findings';
import { Field } from '../../ui/Field';
import { notify } from '../../ui/notices';
import { useAutosave } from '../../ui/useAutosave';

/** Writes one optional assessment field; the findings follow new weights at once. */
async function saveBranding(assessment: Assessment, branding: ReportBranding): Promise<void> {
  await updateAssessment(assessment.id, { branding });
}

async function saveFindingSettings(assessmentId: string, findingSettings: FindingSettings): Promise<void> {
  await updateAssessment(assessmentId, { findingSettings });
  await regenerateFindings(assessmentId);
}

/** The accent colour as typed: checked as it changes, saved when valid (or cleared when empty). */
function useAccentColour(assessment: Assessment) {
  const [text, setText] = useState(assessment.branding?.accentColor ?? '');
  const [error, setError] = useState<string | null>(null);
  const { schedule, flush } = useAutosave((accentColor: string | undefined) =>
    saveBranding(assessment, { ...assessment.branding, accentColor }),
  );

  useEffect(() => setText(assessment.branding?.accentColor ?? ''), [assessment.branding?.accentColor]);

  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setError(null);
      schedule(undefined);
      return;
    }
    const checked = checkAccentColor(next);
    setError(checked.ok ? null : checked.error);
    if (checked.ok) schedule(checked.value);
  };
  return { text, error, edit, flush };
}

/** A chosen logo file: checked for size and format, then saved; what is wrong with it otherwise. */
function useLogoChoice(assessment: Assessment) {
  const [error, setError] = useState<string | null>(null);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > LOGO_MAX_BYTES) {
      setError(
        `${file.name} is ${Math.ceil(file.size / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB`,
      );
      return;
    }
    const checked = readLogo(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    await saveBranding(assessment, { ...assessment.branding, logo: checked.value }).catch((e: Error) =>
      notify('error', 'The logo could not be saved', [e.message]),
    );
  };
  return { error, choose };
}

function BrandingFields({ assessment }: { assessment: Assessment }) {
  const logo = useLogoChoice(assessment);
  return (
    <div className="form-grid report-branding">
      <Field
        label="Client logo (PNG or JPEG)"
        error={logo.error}
        hint={`On the report cover, PDF and Word alike; at most ${LOGO_MAX_BYTES / 1024} KB.`}
      >
        <input
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => {
            void logo.choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </Field>
      <LogoPreview assessment={assessment} />
      <AccentColourFields assessment={assessment} />
    </div>
  );
}

/** The stored logo with its size and a way to remove it, or what the cover shows without one. */
function LogoPreview({ assessment }: { assessment: Assessment }) {
  const logo = assessment.branding?.logo;
  return (
    <div className="field report-logo-preview">
      {logo ? (
        <>
          <img
            src={`data:${logo.mediaType};base64,${logo.base64}`}
            alt={`Logo of ${assessment.client}`}
            data-testid="report-logo"
          />
          <span className="field-hint">
            {logo.fileName} · {logo.width}×{logo.height} px
          </span>
          <button
            type="button"
            className="button"
            onClick={() => {
              const { logo: _removed, ...rest } = assessment.branding ?? {};
              void saveBranding(assessment, rest);
            }}
          >
            Remove logo
          </button>
        </>
      ) : (
        <span className="field-hint">No logo: the cover shows the client’s name only.</span>
      )}
    </div>
  );
}

/** The accent colour as hex text and as a colour picker, the two kept in step. */
function AccentColourFields({ assessment }: { assessment: Assessment }) {
  const accent = useAccentColour(assessment);
  const swatch = checkAccentColor(accent.text || DEFAULT_ACCENT);
  return (
    <>
      <Field
        label="Accent colour"
        error={accent.error}
        hint={`Hex, e.g. #0a7a85; empty for the report’s own (${DEFAULT_ACCENT}). It must contrast with white.`}
      >
        <input
          type="text"
          value={accent.text}
          placeholder={DEFAULT_ACCENT}
          spellCheck={false}
          onChange={(e) => accent.edit(e.target.value)}
          onBlur={accent.flush}
        />
      </Field>
      <div className="field">
        <span className="field-label">Pick</span>
        <input
          type="color"
          aria-label="Pick the accent colour"
          value={swatch.ok ? swatch.value : DEFAULT_ACCENT}
          onChange={(e) => accent.edit(e.target.value)}
          onBlur={accent.flush}
        />
      </div>
    </>
  );
}

type WeightTexts = Record<FrId, string>;

function weightTexts(settings: FindingSettings | undefined): WeightTexts {
  return Object.fromEntries(
    FOUNDATIONAL_REQUIREMENTS.map((fr) => [fr.id, settings?.frWeights?.[fr.id]?.toString() ?? '']),
  ) as WeightTexts;
}

/** Parses the form; returns the settings to store, or the errors per field. */
function parseFindingSettings(
  weights: WeightTexts,
  capacity: string,
): { settings: FindingSettings } | { errors: Partial<Record<FrId | 'capacity', string>> } {
  const errors: Partial<Record<FrId | 'capacity', string>> = {};
  const frWeights: Partial<Record<FrId, number>> = {};
  for (const fr of FOUNDATIONAL_REQUIREMENTS) {
    const text = weights[fr.id].trim();
    if (text === '') continue;
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value) || value < 0 || value > 3) errors[fr.id] = 'a number from 0 to 3';
    else frWeights[fr.id] = value;
  }
  let quarterCapacity: number | null = null;
  if (capacity.trim() !== '') {
    const value = Number(capacity.trim());
    if (!Number.isInteger(value) || value < 1 || value > 100_000)
      errors.capacity = 'a whole number of effort points from 1 to 100000, or empty for no limit';
    else quarterCapacity = value;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { settings: { frWeights, quarterCapacity } };
}

function FindingSettingsFields({ assessment }: { assessment: Assessment }) {
  const [weights, setWeights] = useState(() => weightTexts(assessment.findingSettings));
  const [capacity, setCapacity] = useState(assessment.findingSettings?.quarterCapacity?.toString() ?? '');
  const [errors, setErrors] = useState<Partial<Record<FrId | 'capacity', string>>>({});
  const { schedule, flush } = useAutosave((settings: FindingSettings) =>
    saveFindingSettings(assessment.id, settings),
  );

  const edit = (nextWeights: WeightTexts, nextCapacity: string) => {
    setWeights(nextWeights);
    setCapacity(nextCapacity);
    const parsed = parseFindingSettings(nextWeights, nextCapacity);
    if ('errors' in parsed) setErrors(parsed.errors);
    else {
      setErrors({});
      schedule(parsed.settings);
    }
  };

  return (
    <>
      <p className="field-hint">
        Severity = consequence × exposure × FR weight. Empty fields use the default weight; by default
        availability, integrity and restricted data flow weigh more than confidentiality.
      </p>
      <div className="form-grid report-weights">
        {FOUNDATIONAL_REQUIREMENTS.map((fr) => (
          <Field
            key={fr.id}
            label={`${fr.id} ${fr.name} weight`}
            error={errors[fr.id] ?? null}
            hint={`default ${DEFAULT_FR_WEIGHTS[fr.id]}`}
          >
            <input
              type="text"
              inputMode="decimal"
              value={weights[fr.id]}
              placeholder={String(DEFAULT_FR_WEIGHTS[fr.id])}
              onChange={(e) => edit({ ...weights, [fr.id]: e.target.value }, capacity)}
              onBlur={flush}
            />
          </Field>
        ))}
        <Field
          label="Roadmap capacity per quarter (effort points)"
          error={errors.capacity ?? null}
          hint="S = 1, M = 3, L = 8 points; when a quarter is full, the least severe findings move later. Empty: no limit."
          wide
        >
          <input
            type="text"
            inputMode="numeric"
            value={capacity}
            placeholder="no limit"
            onChange={(e) => edit(weights, e.target.value)}
            onBlur={flush}
          />
        </Field>
      </div>
      <div>
        <button
          type="button"
          className="button"
          onClick={() => edit(weightTexts(undefined), '')}
          disabled={Object.values(weights).every((w) => w === '') && capacity === ''}
        >
          Reset to defaults
        </button>
      </div>
    </>
  );
}

/** The client's branding and how findings are weighed and planned, saved as they are edited. */
export function ReportSettingsPanel({ assessment }: { assessment: Assessment }) {
  return (
    <div className="report-settings" data-testid="report-settings">
      <h3>Branding</h3>
      <BrandingFields assessment={assessment} />
      <h3>Finding severity and roadmap</h3>
      <FindingSettingsFields assessment={assessment} />
    </div>
  );
}
