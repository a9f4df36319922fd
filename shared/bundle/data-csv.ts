import type { AssessmentData } from '../model';
import { ANSWERS_CSV } from './csv/answers';
import { ASSETS_CSV } from './csv/assets';
import { CONDUITS_CSV } from './csv/conduits';
import { CONNECTIONS_CSV } from './csv/connections';
import { FINDINGS_CSV } from './csv/findings';
import { csvLookups, type BundleCsvFile } from './csv/table';
import { VULNERABILITIES_CSV } from './csv/vulnerabilities';
import { ZONES_CSV } from './csv/zones';

export { bundleCsv } from './csv/table';

/** The tables of data/, one file each (the risk files are written beside them, by risk-files.ts). */
export const BUNDLE_CSV_FILES: readonly BundleCsvFile[] = [
  ASSETS_CSV,
  ZONES_CSV,
  CONDUITS_CSV,
  ANSWERS_CSV,
  CONNECTIONS_CSV,
  FINDINGS_CSV,
  VULNERABILITIES_CSV,
];

/** The CSV files of data/, by file name. */
export function assessmentCsvFiles(data: AssessmentData): Record<string, string> {
  const lookups = csvLookups(data);
  return Object.fromEntries(BUNDLE_CSV_FILES.map((file) => [file.name, file.render(data, lookups)]));
}
