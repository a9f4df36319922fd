import { useState, type FormEvent } from 'react';
import { ZodError } from 'zod';
import { normalizeIp, normalizeMac, parseCriticality, splitMulti } from '../../../shared/importers';
import { fieldMessages, type Asset } from '../../../shared/model';
import type { AssetEdit } from '../../db/inventory';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';

const TEXT_FIELDS = [
  ['name', 'Name'],
  ['vendor', 'Vendor'],
  ['model', 'Model'],
  ['firmware', 'Firmware'],
  ['os', 'OS'],
  ['serial', 'Serial'],
  ['type', 'Type'],
] as const;

type Draft = Record<
  (typeof TEXT_FIELDS)[number][0] | 'ips' | 'macs' | 'protocols' | 'purdue' | 'criticality' | 'notes',
  string
>;

function draftOf(asset: Asset | null): Draft {
  return {
    name: asset?.name ?? '',
    vendor: asset?.vendor ?? '',
    model: asset?.model ?? '',
    firmware: asset?.firmware ?? '',
    os: asset?.os ?? '',
    serial: asset?.serial ?? '',
    type: asset?.type ?? '',
    ips: asset?.ips.join(', ') ?? '',
    macs: asset?.macs.join(', ') ?? '',
    protocols: asset?.protocols.join(', ') ?? '',
    purdue: asset?.purdueLevel === null || asset === null ? '' : String(asset.purdueLevel),
    criticality: asset?.criticality ?? '',
    notes: asset?.notes ?? '',
  };
}

type DraftErrors = Partial<Record<keyof Draft | 'form', string>>;

const LABELS: Record<string, string> = {
  ...Object.fromEntries(TEXT_FIELDS),
  ips: 'IP addresses',
  macs: 'MAC addresses',
  protocols: 'Protocols',
  purdueLevel: 'Purdue level',
  criticality: 'Criticality',
  notes: 'Notes',
};

/** The addresses of a comma-separated list, normalised, and the first that is not one. */
function addresses(text: string, normalise: (raw: string) => string | null, what: string) {
  const found: string[] = [];
  for (const raw of splitMulti(text)) {
    const value = normalise(raw);
    if (!value) return { found, error: `“${raw}” is not ${what}` };
    found.push(value);
  }
  return { found, error: undefined };
}

/** Checks the draft and turns it into an edit; returns the field messages instead when there are any. */
export function draftToEdit(draft: Draft): { edit: AssetEdit } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.name.trim()) errors.name = 'An asset needs a name';
  const { found: ips, error: ipError } = addresses(draft.ips, normalizeIp, 'an IP address');
  const { found: macs, error: macError } = addresses(draft.macs, normalizeMac, 'a MAC address');
  if (ipError) errors.ips = ipError;
  if (macError) errors.macs = macError;
  let purdueLevel: number | null = null;
  if (draft.purdue.trim()) {
    purdueLevel = Number(draft.purdue);
    if (!Number.isFinite(purdueLevel) || purdueLevel < 0 || purdueLevel > 5)
      errors.purdue = 'The Purdue level is a number from 0 to 5';
  }
  if (Object.keys(errors).length > 0) return { errors };
  const text = (value: string) => value.trim() || null;
  return {
    edit: {
      name: draft.name.trim(),
      vendor: text(draft.vendor),
      model: text(draft.model),
      firmware: text(draft.firmware),
      os: text(draft.os),
      serial: text(draft.serial),
      type: text(draft.type),
      ips: [...new Set(ips)],
      macs: [...new Set(macs)],
      protocols: [...new Set(splitMulti(draft.protocols))],
      purdueLevel,
      criticality: parseCriticality(draft.criticality),
      notes: draft.notes,
    },
  };
}

/** Adding an asset by hand, or editing one (imported or not). */
export function AssetForm({
  asset,
  onSave,
  onClose,
}: {
  asset: Asset | null;
  onSave: (edit: AssetEdit) => Promise<void>;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(asset));
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = draftToEdit(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    try {
      await onSave(result.edit);
      onClose();
    } catch (error) {
      const messages =
        error instanceof ZodError ? fieldMessages(error, LABELS) : { form: (error as Error).message };
      const { purdueLevel, ...rest } = messages;
      setErrors(purdueLevel ? { ...rest, purdue: purdueLevel } : rest);
    }
  }

  const field = (key: keyof Draft, label: string, hint?: string) => (
    <label className="field" key={key}>
      <span className="field-label">{label}</span>
      <input
        className="input"
        aria-label={label}
        aria-invalid={errors[key] ? true : undefined}
        value={draft[key]}
        onChange={set(key)}
      />
      {errors[key] ? (
        <span className="field-error">{errors[key]}</span>
      ) : (
        hint && <span className="field-hint">{hint}</span>
      )}
    </label>
  );
  const problems = Object.values(errors);

  return (
    <Modal title={asset ? `Edit ${asset.name}` : 'Add asset'} onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          {TEXT_FIELDS.map(([key, label]) => field(key, label))}
          {field('ips', 'IP addresses', 'separated by commas')}
          {field('macs', 'MAC addresses', 'separated by commas')}
          {field('protocols', 'Protocols', 'separated by commas')}
          {field('purdue', 'Purdue level', '0 to 5')}
          <label className="field">
            <span className="field-label">Criticality</span>
            <select
              className="select"
              aria-label="Criticality"
              value={draft.criticality}
              onChange={set('criticality')}
            >
              <option value="">unknown</option>
              <option value="low">low</option>
              <option value="medium">medium</option>
              <option value="high">high</option>
              <option value="critical">critical</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Notes</span>
            <textarea className="textarea" aria-label="Notes" value={draft.notes} onChange={set('notes')} />
          </label>
        </div>
        {problems.length > 0 && (
          <ul className="field-error" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <FormActions submit={asset ? 'Save' : 'Add asset'} onCancel={onClose} />
      </form>
    </Modal>
  );
}
