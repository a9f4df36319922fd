import { countOf, describeOutcome, type BinaryContent, type ImportOutcome } from '../../../shared/importers';
import type { Asset } from '../../../shared/model';

/** What became of one file of an import queue. */
export type FileResult =
  | { kind: 'imported'; name: string; outcome: ImportOutcome; inventory: Asset[] }
  | { kind: 'unchanged'; name: string; outcome: ImportOutcome }
  | { kind: 'refused'; name: string; message: string }
  | { kind: 'not-text'; name: string; file: File | Blob; content: BinaryContent }
  | { kind: 'skipped'; name: string };

/** One line per file for the summary: what it held and what was done with it. */
export function resultLine(result: FileResult): string {
  switch (result.kind) {
    case 'imported': {
      const text = describeOutcome(result.name, result.outcome);
      return `${result.name}: ${text.lines.join(' · ')}`;
    }
    case 'unchanged':
      return describeOutcome(result.name, result.outcome).headline;
    case 'refused':
      return result.message;
    case 'not-text':
      return `${result.name}: not a text export (looks like ${result.content.looksLike})`;
    case 'skipped':
      return `${result.name}: skipped, nothing was changed`;
  }
}

/** "3 of 4 files imported: 38 new assets, 2 updated, 12 new connections; 1 not imported". */
export function queueSummary(results: readonly FileResult[]): string {
  const imported = results.filter(
    (r): r is Extract<FileResult, { kind: 'imported' }> => r.kind === 'imported',
  );
  const total = (pick: (o: ImportOutcome) => number) => imported.reduce((n, r) => n + pick(r.outcome), 0);
  const head = `${imported.length.toLocaleString('en')} of ${countOf(results.length, 'file')} imported`;
  const counts = [
    countOf(
      total((o) => o.newAssets),
      'new asset',
    ),
    `${total((o) => o.updatedAssets).toLocaleString('en')} updated`,
    countOf(
      total((o) => o.newConnections),
      'new connection',
    ),
  ];
  const failed = results.filter((r) => r.kind === 'refused' || r.kind === 'not-text').length;
  const tail = failed > 0 ? `; ${failed.toLocaleString('en')} not imported` : '';
  return imported.length > 0 ? `${head}: ${counts.join(', ')}${tail}` : `${head}${tail}`;
}
