import { toCsv, type CsvColumn } from '../../../shared/csv';
import {
  ASSET_ORIGIN_LABELS,
  assetOrigin,
  type Asset,
  type AssetOrigin,
  type Zone,
} from '../../../shared/model';
import { normaliseForSearch, searchWords } from '../../../shared/text/search';

/** A column of the inventory table: how to show one asset's value as text. */
export interface AssetColumn {
  id: string;
  label: string;
  width: number;
  text(asset: Asset, zones: ReadonlyMap<string, string>): string;
  /** The field an inline edit writes, for the columns that can be edited in place. */
  edit?: 'name' | 'vendor' | 'model' | 'firmware' | 'os' | 'serial' | 'type';
  /** Sorted as numbers rather than text. */
  numeric?: boolean;
  /** More than the text says, for a tooltip and the detail (the spelling a name was normalised from). */
  hint?(asset: Asset): string | null;
}

const asExported = (raw: string | null | undefined) => (raw ? `As exported: ${raw}` : null);

const joined = (values: readonly string[]) => values.join(', ');

export const ASSET_COLUMNS: AssetColumn[] = [
  { id: 'name', label: 'Name', width: 200, text: (a) => a.name, edit: 'name' },
  { id: 'ips', label: 'IP addresses', width: 150, text: (a) => joined(a.ips) },
  { id: 'macs', label: 'MAC addresses', width: 150, text: (a) => joined(a.macs) },
  {
    id: 'vendor',
    label: 'Vendor',
    width: 150,
    text: (a) => a.vendor ?? '',
    edit: 'vendor',
    hint: (a) => asExported(a.vendorRaw),
  },
  { id: 'model', label: 'Model', width: 180, text: (a) => a.model ?? '', edit: 'model' },
  { id: 'firmware', label: 'Firmware', width: 110, text: (a) => a.firmware ?? '', edit: 'firmware' },
  {
    id: 'type',
    label: 'Type',
    width: 110,
    text: (a) => a.type ?? '',
    edit: 'type',
    hint: (a) => asExported(a.typeRaw),
  },
  {
    id: 'zone',
    label: 'Zone',
    width: 130,
    text: (a, zones) => (a.zoneId ? (zones.get(a.zoneId) ?? '') : ''),
  },
  { id: 'protocols', label: 'Protocols', width: 150, text: (a) => joined(a.protocols) },
  { id: 'os', label: 'OS', width: 150, text: (a) => a.os ?? '', edit: 'os' },
  { id: 'serial', label: 'Serial', width: 120, text: (a) => a.serial ?? '', edit: 'serial' },
  {
    id: 'purdueLevel',
    label: 'Purdue level',
    width: 90,
    numeric: true,
    text: (a) => (a.purdueLevel === null ? '' : String(a.purdueLevel)),
  },
  { id: 'criticality', label: 'Criticality', width: 90, text: (a) => a.criticality ?? '' },
  { id: 'hostnames', label: 'Host names', width: 150, text: (a) => joined(a.hostnames) },
  { id: 'sources', label: 'Sources', width: 120, text: (a) => joined(sourceFormats(a)) },
  { id: 'origin', label: 'Origin', width: 120, text: (a) => ASSET_ORIGIN_LABELS[assetOrigin(a)] },
  { id: 'firstSeen', label: 'First seen', width: 170, text: (a) => a.firstSeen ?? '' },
  { id: 'lastSeen', label: 'Last seen', width: 170, text: (a) => a.lastSeen ?? '' },
  { id: 'conflicts', label: 'Conflicts', width: 80, numeric: true, text: (a) => String(a.conflicts.length) },
];

export const DEFAULT_VISIBLE_COLUMNS = [
  'name',
  'ips',
  'macs',
  'vendor',
  'model',
  'firmware',
  'type',
  'zone',
  'protocols',
  'sources',
  'origin',
];

export function sourceFormats(asset: Asset): string[] {
  const formats: string[] = [];
  for (const s of asset.sources) if (!formats.includes(s.format)) formats.push(s.format);
  return formats;
}

export interface AssetFilter {
  text: string;
  vendor: string;
  /** A zone id, "none" for assets in no zone, or "" for any. */
  zone: string;
  protocol: string;
  source: string;
  firmware: string;
  /** Sensor assets, endpoints only seen in traffic, assets added by hand, or "" for all. */
  origin: AssetOrigin | '';
}

export const NO_FILTER: AssetFilter = {
  text: '',
  vendor: '',
  zone: '',
  protocol: '',
  source: '',
  firmware: '',
  origin: '',
};

export function isFiltering(filter: AssetFilter): boolean {
  return Object.values(filter).some((v) => v !== '');
}

const contains = (value: string | null, needle: string) =>
  value !== null && value.toLowerCase().includes(needle);

/** Each asset's searchable text, normalised once (assets are immutable: an edit makes a new object). */
const searchTexts = new WeakMap<Asset, string>();

function searchText(asset: Asset): string {
  let text = searchTexts.get(asset);
  if (text === undefined) {
    const { name, vendor, vendorRaw, model, serial, type, typeRaw, ips, macs, hostnames } = asset;
    const fields = [name, vendor, vendorRaw, model, serial, type, typeRaw, ...ips, ...macs, ...hostnames];
    text = normaliseForSearch(fields.filter(Boolean).join('\n'));
    searchTexts.set(asset, text);
  }
  return text;
}

/** The assets a filter keeps; one pass with no allocation per asset, so it stays quick at 100,000. */
export function filterAssets(assets: readonly Asset[], filter: AssetFilter): readonly Asset[] {
  if (!isFiltering(filter)) return assets;
  const words = searchWords(filter.text);
  const firmware = filter.firmware.trim().toLowerCase();
  const protocol = filter.protocol.toLowerCase();
  return assets.filter((a) => {
    if (filter.vendor && a.vendor !== filter.vendor) return false;
    if (filter.zone && (filter.zone === 'none' ? a.zoneId !== null : a.zoneId !== filter.zone)) return false;
    if (protocol && !a.protocols.some((p) => p.toLowerCase() === protocol)) return false;
    if (filter.source && !a.sources.some((s) => s.format === filter.source)) return false;
    if (firmware && !contains(a.firmware, firmware)) return false;
    if (filter.origin && assetOrigin(a) !== filter.origin) return false;
    return words.length === 0 || words.every((word) => searchText(a).includes(word));
  });
}

/** The distinct values the filter menus offer (vendors, protocols, sources), sorted. */
export function filterChoices(assets: readonly Asset[]) {
  const vendors = new Set<string>();
  const protocols = new Map<string, string>();
  const sources = new Set<string>();
  for (const a of assets) {
    if (a.vendor) vendors.add(a.vendor);
    for (const p of a.protocols) {
      const key = p.toLowerCase();
      if (!protocols.has(key)) protocols.set(key, p);
    }
    for (const s of a.sources) sources.add(s.format);
  }
  const sorted = (values: Iterable<string>) => [...values].sort((x, y) => x.localeCompare(y));
  return { vendors: sorted(vendors), protocols: sorted(protocols.values()), sources: sorted(sources) };
}

export function zoneNames(zones: readonly Pick<Zone, 'id' | 'name'>[]): Map<string, string> {
  return new Map(zones.map((z) => [z.id, z.name]));
}

/** The table as CSV: the given columns, the given rows, formula cells defused (see toCsv). */
export function assetsToCsv(
  assets: readonly Asset[],
  columns: readonly AssetColumn[],
  zones: ReadonlyMap<string, string>,
): string {
  return toCsv(
    assets,
    columns.map((c): CsvColumn<Asset> => [c.label, (a) => c.text(a, zones)]),
  );
}

export interface SortBy {
  id: string;
  desc: boolean;
}

/**
 * The assets in the order of one column: each key is computed once, then an index array is
 * sorted (stable: ties keep their order). The table sorts here rather than through TanStack's
 * row models, whose per-row objects cost seconds at 100,000 assets.
 */
export function sortAssets(
  assets: readonly Asset[],
  sorting: readonly SortBy[],
  zones: ReadonlyMap<string, string>,
): readonly Asset[] {
  const first = sorting[0];
  const column = first && ASSET_COLUMNS.find((c) => c.id === first.id);
  if (!first || !column) return assets;
  const keys: (string | number)[] = assets.map((a) => {
    const text = column.text(a, zones);
    if (!column.numeric) return text.toLowerCase();
    return text === '' ? -Infinity : Number(text);
  });
  const sign = first.desc ? -1 : 1;
  const order = Array.from(keys, (_, i) => i);
  order.sort((x, y) => {
    const a = keys[x]!;
    const b = keys[y]!;
    return a < b ? -sign : a > b ? sign : x - y;
  });
  return order.map((i) => assets[i]!);
}
