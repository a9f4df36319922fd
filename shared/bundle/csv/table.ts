import { toCsv, type CsvColumn } from '../../csv';
import type { AssessmentData } from '../../model';

/** A bundle CSV file: for Excel, so with a byte order mark, and ending in a line end. */
export function bundleCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return toCsv(rows, columns, { bom: true, finalNewline: true });
}

/** Several values in one cell. */
export const cellList = (values: readonly string[]): string => values.join('; ');

/** The look-ups several tables share: names in place of ids. */
export interface CsvLookups {
  /** A zone's name by id ('' for none, the id itself for a zone since deleted). */
  zoneOf(id: string | null): string;
  /** Evidence file names for ids, as one cell. */
  evidenceList(ids: readonly string[]): string;
}

export function csvLookups(data: AssessmentData): CsvLookups {
  const zoneName = new Map(data.zones.map((z) => [z.id, z.name]));
  const evidenceName = new Map(data.evidence.map((e) => [e.id, e.name]));
  return {
    zoneOf: (id) => (id ? (zoneName.get(id) ?? id) : ''),
    evidenceList: (ids) => cellList(ids.map((id) => evidenceName.get(id) ?? id)),
  };
}

/** One CSV file of data/: its file name and how it is written from the assessment. */
export interface BundleCsvFile {
  name: `${string}.csv`;
  render(data: AssessmentData, lookups: CsvLookups): string;
}
