import { TYPE_ALIASES } from './type-aliases';
import { VENDOR_ALIASES, vendorKey } from './vendor-aliases';

export type AliasKind = 'vendor' | 'type';

/** One spelling the assessor maps to a name (a vendor or a device type), on top of the built-in tables. */
export interface AliasEdit {
  kind: AliasKind;
  /** The spelling as found in exports ("Siemens Mobility GmbH"). */
  spelling: string;
  /** The name to store and show ("Siemens"). */
  canonical: string;
}

/** The comparable form of a device type: words split, lower case, no accents or punctuation, no plural "s". */
export function typeKey(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      // Exports write types in CamelCase too ("EngineeringStation", "IOModule").
      .replace(/(\p{Ll})(\p{Lu})|(\p{Lu})(\p{Lu}\p{Ll}{2})/gu, (_, a, b, c, d) => `${a ?? c} ${b ?? d}`)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .split(' ')
      .map((word) =>
        word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
      )
      .join(' ')
  );
}

/**
 * The one table that turns the spellings of vendors and device types into one name each: the
 * built-in tables (the advisory matcher's vendor table among them) with the assessor's edits over
 * them. Unknown spellings stay as they are (trimmed).
 */
export class Normaliser {
  private readonly vendors = new Map<string, string>();
  private readonly types = new Map<string, string>();

  constructor(edits: readonly AliasEdit[] = []) {
    for (const [canonical, spellings] of Object.entries(VENDOR_ALIASES))
      for (const s of [canonical, ...spellings]) this.vendors.set(vendorKey(s), canonical);
    for (const [canonical, spellings] of Object.entries(TYPE_ALIASES))
      for (const s of [canonical, ...spellings]) this.types.set(typeKey(s), canonical);
    for (const edit of edits) {
      if (edit.kind === 'vendor') this.vendors.set(vendorKey(edit.spelling), edit.canonical.trim());
      else this.types.set(typeKey(edit.spelling), edit.canonical.trim());
    }
  }

  vendor(raw: string | null): string | null {
    if (raw === null || raw.trim() === '') return raw;
    return this.vendors.get(vendorKey(raw)) ?? raw.trim();
  }

  type(raw: string | null): string | null {
    if (raw === null || raw.trim() === '') return raw;
    return this.types.get(typeKey(raw)) ?? raw.trim();
  }
}

interface Normalisable {
  vendor: string | null;
  type: string | null;
  /** What the source said, when it differs from the stored name. */
  vendorRaw?: string | null;
  typeRaw?: string | null;
}

/**
 * A record with its vendor and type normalised, the spelling it came with kept as the raw value
 * (once raw, always raw: normalising again, after the aliases change, starts from it). The same
 * object when nothing changes.
 */
export function normaliseNames<T extends Normalisable>(record: T, normaliser: Normaliser): T {
  const vendorRaw = record.vendorRaw ?? record.vendor;
  const typeRaw = record.typeRaw ?? record.type;
  const vendor = normaliser.vendor(vendorRaw);
  const type = normaliser.type(typeRaw);
  const next = {
    vendor,
    type,
    vendorRaw: vendor === vendorRaw ? null : vendorRaw,
    typeRaw: type === typeRaw ? null : typeRaw,
  };
  const same =
    next.vendor === record.vendor &&
    next.type === record.type &&
    next.vendorRaw === (record.vendorRaw ?? null) &&
    next.typeRaw === (record.typeRaw ?? null);
  return same ? record : { ...record, ...next };
}
