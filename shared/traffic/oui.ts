import { gunzipSync, strFromU8 } from 'fflate';

/**
 * The compact OUI table shipped in assets/oui/: built from the `oui-data` package by scripts/build-oui.ts.
 * Text, gzipped: a header line, the distinct vendor names one per line, an empty line, then one line per
 * prefix: upper-case hex prefix (6, 7 or 9 digits), a space, the vendor's line number in base 36.
 */
export const OUI_FORMAT_HEADER = 'conduit-oui 1';

/** Builds the compact text from oui-data's JSON (prefix -> multi-line registrant record). */
export function buildCompactOuiText(registry: Record<string, string>, sourceVersion: string): string {
  const prefixes = Object.keys(registry)
    .filter((prefix) => /^[0-9A-Fa-f]{6}([0-9A-Fa-f]|[0-9A-Fa-f]{3})?$/.test(prefix))
    .map((prefix) => prefix.toUpperCase())
    .sort();
  const vendorIndex = new Map<string, number>();
  const rows: string[] = [];
  for (const prefix of prefixes) {
    const record = registry[prefix] ?? registry[prefix.toLowerCase()] ?? '';
    const vendor = vendorName(record);
    if (!vendor) continue;
    let index = vendorIndex.get(vendor);
    if (index === undefined) {
      index = vendorIndex.size;
      vendorIndex.set(vendor, index);
    }
    rows.push(`${prefix} ${index.toString(36)}`);
  }
  return [`${OUI_FORMAT_HEADER} oui-data@${sourceVersion}`, ...vendorIndex.keys(), '', ...rows, ''].join(
    '\n',
  );
}

/** The registrant's name: the first line of the record, whitespace collapsed. */
function vendorName(record: string): string {
  return (record.split('\n')[0] ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;]+$/, '')
    .trim();
}

export class OuiTable {
  private constructor(
    private readonly byPrefix: Map<string, string>,
    /** Where the table came from, e.g. "oui-data@2.1.9". */
    readonly source: string,
  ) {}

  get size(): number {
    return this.byPrefix.size;
  }

  static fromGzip(bytes: Uint8Array): OuiTable {
    return OuiTable.fromText(strFromU8(gunzipSync(bytes)));
  }

  static fromText(text: string): OuiTable {
    const lines = text.split('\n');
    const header = lines[0] ?? '';
    if (!header.startsWith(OUI_FORMAT_HEADER)) throw new Error('OUI table: unknown format (bad header line)');
    const blank = lines.indexOf('', 1);
    if (blank < 0) throw new Error('OUI table: missing the line that ends the vendor list');
    const vendors = lines.slice(1, blank);
    const byPrefix = new Map<string, string>();
    for (let i = blank + 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const space = line.indexOf(' ');
      const vendor = vendors[parseInt(line.slice(space + 1), 36)];
      if (space < 0 || vendor === undefined) throw new Error(`OUI table: bad line ${i + 1}`);
      byPrefix.set(line.slice(0, space), vendor);
    }
    return new OuiTable(byPrefix, header.slice(OUI_FORMAT_HEADER.length).trim());
  }

  /**
   * The registered vendor of a MAC ("00:1b:1b:..", "00-1B-1B-..", or 12 hex digits), by longest prefix
   * (MA-S 9 digits, MA-M 7, MA-L 6). Null for locally administered (random or virtual) addresses.
   */
  vendorOf(mac: string): string | null {
    const hex = mac.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
    if (hex.length !== 12) return null;
    if (parseInt(hex.slice(0, 2), 16) & 0x02) return null;
    return (
      this.byPrefix.get(hex.slice(0, 9)) ??
      this.byPrefix.get(hex.slice(0, 7)) ??
      this.byPrefix.get(hex.slice(0, 6)) ??
      null
    );
  }
}
