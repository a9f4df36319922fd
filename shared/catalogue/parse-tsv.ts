import { FR_IDS, type FrId } from '../model/common';
import type { CatalogueItem, RequiredLevel } from './types';

export const CATALOGUE_TSV_COLUMNS = ['fr', 'sr', 're', 'title', 'sl1', 'sl2', 'sl3', 'sl4', 'note'] as const;
type Column = (typeof CATALOGUE_TSV_COLUMNS)[number];

/** A catalogue TSV that cannot be used; `problems` are "file:line: what is wrong", one per problem. */
export class CatalogueTsvError extends Error {
  override name = 'CatalogueTsvError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

const SR_PATTERN = /^SR ([1-7])\.([1-9]\d?)$/;
const RE_PATTERN = /^RE ([1-9]\d?)$/;
const MAX_TITLE = 200;
const MAX_NOTE = 1000;

/**
 * Reads the catalogue TSV (header `fr sr re title sl1 sl2 sl3 sl4 note`, tab-separated, one SR or RE a
 * row, SL columns 0/1 and cumulative). Minimum level = the first SL column holding 1.
 *
 * Hand-split rather than papaparse: the format has no quoting, and every message must name the exact
 * source line, which a plain line split gives for free (blank lines included).
 */
export function parseCatalogueTsv(text: string, fileName = 'catalogue.tsv'): CatalogueItem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: string[] = [];
  const at = (line: number, problem: string) => problems.push(`${fileName}:${line}: ${problem}`);

  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const missing = CATALOGUE_TSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    at(
      1,
      `the header lacks the column(s) ${missing.join(', ')} (expected ${CATALOGUE_TSV_COLUMNS.join(', ')})`,
    );
    throw new CatalogueTsvError(problems);
  }
  const index = Object.fromEntries(CATALOGUE_TSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    Column,
    number
  >;

  const items: CatalogueItem[] = [];
  const lineOfId = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = raw.split('\t');
    if (cells.length > header.length) {
      at(line, `${cells.length} columns, but the header has ${header.length}`);
      return;
    }
    const row = readRow((c) => (cells[index[c]] ?? '').trim());
    const seen = lineOfId.get(row.id);
    if (seen !== undefined) row.problems.push(`${row.id} appears already on line ${seen}`);
    if (row.problems.length > 0 || row.item === null) {
      row.problems.forEach((p) => at(line, p));
      return;
    }
    lineOfId.set(row.id, line);
    items.push(row.item);
  });

  for (const item of items) {
    const problem = enhancementProblem(item, items);
    if (problem) at(lineOfId.get(item.id) ?? 0, problem);
  }
  if (items.length === 0 && problems.length === 0) at(1, 'no requirement rows');
  if (problems.length > 0) throw new CatalogueTsvError(problems);
  return items;
}

interface CatalogueRow {
  id: string;
  /** The item, or null when a cell is wrong. */
  item: CatalogueItem | null;
  problems: string[];
}

/** One requirement row from its cells, with every problem its cells have (the id's uniqueness aside). */
function readRow(cell: (column: Column) => string): CatalogueRow {
  const problems: string[] = [];
  const fr = cell('fr');
  if (!(FR_IDS as readonly string[]).includes(fr)) problems.push(`fr "${fr}" is not one of FR1..FR7`);
  const sr = cell('sr');
  const srMatch = SR_PATTERN.exec(sr);
  if (!srMatch) problems.push(`sr "${sr}" is not like "SR 1.1"`);
  else if (`FR${srMatch[1]}` !== fr) problems.push(`${sr} belongs to FR${srMatch[1]}, not ${fr}`);
  const re = cell('re');
  if (re !== '' && !RE_PATTERN.test(re)) problems.push(`re "${re}" is not empty or like "RE 1"`);
  const title = cell('title');
  if (title === '' || title.length > MAX_TITLE)
    problems.push(`the title must have 1 to ${MAX_TITLE} characters`);
  const note = cell('note');
  if (note.length > MAX_NOTE) problems.push(`the note is longer than ${MAX_NOTE} characters`);
  const level = minimumLevel((['sl1', 'sl2', 'sl3', 'sl4'] as const).map((c) => cell(c)));
  if (typeof level === 'string') problems.push(level);

  const id = re === '' ? sr : `${sr} ${re}`;
  const item =
    typeof level === 'number'
      ? { id, fr: fr as FrId, sr, re: re === '' ? null : re, title, minLevel: level, note }
      : null;
  return { id, item, problems };
}

/** The first SL column holding 1, from the sl1..sl4 cells; or what is wrong with them. */
export function minimumLevel(levels: readonly string[]): RequiredLevel | string {
  const badLevel = levels.findIndex((v) => v !== '0' && v !== '1');
  if (badLevel >= 0) return `sl${badLevel + 1} is "${levels[badLevel]}", expected 0 or 1`;
  const first = levels.indexOf('1');
  if (first < 0) return 'no SL column holds 1: the item would never be required';
  if (levels.slice(first).includes('0')) return `levels are cumulative, but sl1..sl4 are ${levels.join(',')}`;
  return (first + 1) as RequiredLevel;
}

/** What is wrong with an enhancement against its base requirement: no base row, or required before it. */
function enhancementProblem(item: CatalogueItem, items: readonly CatalogueItem[]): string | null {
  if (item.re === null) return null;
  const base = items.find((i) => i.id === item.sr);
  if (!base) return `${item.id} enhances ${item.sr}, which has no row`;
  if (item.minLevel < base.minLevel)
    return `${item.id} is required from SL${item.minLevel}, before its ${item.sr} (SL${base.minLevel})`;
  return null;
}
