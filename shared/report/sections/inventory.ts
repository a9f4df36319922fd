import { plural } from '../../findings/types';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { EMPTY } from '../wording';

const TOP = 15;

export function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function topRows(counts: [string, number][], total: number): string[][] {
  const rows = counts.slice(0, TOP).map(([k, n]) => [k, String(n), `${Math.round((100 * n) / total)}%`]);
  const rest = counts.slice(TOP).reduce((s, [, n]) => s + n, 0);
  if (rest > 0)
    rows.push([
      counts.length - TOP === 1 ? '1 other' : `${counts.length - TOP} others`,
      String(rest),
      `${Math.round((100 * rest) / total)}%`,
    ]);
  return rows;
}

export function writeInventory(w: ReportWriter, model: ReportModel): void {
  w.section('Asset inventory summary');
  const assets = model.data.assets;
  if (assets.length === 0) {
    w.empty(EMPTY.assets);
    return;
  }
  const unknownFirmware = assets.filter((a) => !a.firmware?.trim()).length;
  const now = Date.now();
  const endOfSupport = assets.filter((a) => a.endOfSupport && Date.parse(a.endOfSupport) <= now).length;
  const sources = [...new Set(model.data.importBatches.map((b) => b.format))];
  w.paragraph(
    `${plural(assets.length, 'asset')}, from ${plural(model.data.importBatches.length, 'import')}${sources.length ? ` (${sources.join(', ')})` : ''} and manual entries. ` +
      `${unknownFirmware} ${unknownFirmware === 1 ? 'has' : 'have'} no known firmware version; ${endOfSupport} ${endOfSupport === 1 ? 'is' : 'are'} past the vendor's end of support according to the inventory.`,
  );
  const columns = {
    1: { cellWidth: 20, halign: 'right' as const },
    2: { cellWidth: 16, halign: 'right' as const },
  };
  const sections: [string, string, (a: (typeof assets)[number]) => string][] = [
    ['By zone', 'Zone', (a) => (a.zoneId ? model.zoneName(a.zoneId) : 'Not placed in a zone')],
    ['By vendor', 'Vendor', (a) => a.vendor?.trim() || 'Unknown vendor'],
    ['By type', 'Type', (a) => a.type?.trim() || 'Unknown type'],
    [
      'By firmware',
      'Vendor, model and firmware',
      (a) =>
        `${a.vendor?.trim() || '?'} ${a.model?.trim() || ''} · ${a.firmware?.trim() || 'unknown firmware'}`.replace(
          /\s+/g,
          ' ',
        ),
    ],
  ];
  for (const [title, label, key] of sections) {
    w.subheading(title);
    w.table({
      head: [[label, 'Assets', 'Share']],
      body: topRows(countBy(assets, key), assets.length),
      columnStyles: columns,
    });
  }
  w.paragraph('The full inventory is in data/assets.csv of the bundle.', { size: 8.5, color: COLORS.muted });
}
