import { ZodError } from 'zod';
import { normalizeIp, normalizeMac, parseCriticality, splitMulti } from '../../../shared/importers';
import { fieldMessages, type Asset } from '../../../shared/model';
import type { AssetEdit } from '../../db/inventory';

/** The plain text fields of the form, with their labels. */
export const TEXT_FIELDS = [
  ['name', 'Name'],
  ['vendor', 'Vendor'],
  ['model', 'Model'],
  ['firmware', 'Firmware'],
  ['os', 'OS'],
  ['serial', 'Serial'],
  ['type', 'Type'],
] as const;

/** The form's fields as typed. */
export type Draft = Record<
  (typeof TEXT_FIELDS)[number][0] | 'ips' | 'macs' | 'protocols' | 'purdue' | 'criticality' | 'notes',
  string
>;

/** The form's fields for an asset, or empty ones for a new asset. */
export function draftOf(asset: Asset | null): Draft {
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

export type DraftErrors = Partial<Record<keyof Draft | 'form', string>>;

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

/** The field messages of a save the store refused (its checks name purdueLevel; the form, purdue). */
export function saveErrors(error: unknown): DraftErrors {
  const messages =
    error instanceof ZodError ? fieldMessages(error, LABELS) : { form: (error as Error).message };
  const { purdueLevel, ...rest } = messages;
  return purdueLevel ? { ...rest, purdue: purdueLevel } : rest;
}
