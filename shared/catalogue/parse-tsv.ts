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
    const cell = (c: Column) => (cells[index[c]] ?? '').trim();
    const rowProblems: string[] = [];

    const fr = cell('fr');
    if (!(FR_IDS as readonly string[]).includes(fr)) rowProblems.push(`fr "${fr}" is not one of FR1..FR7`);
    const sr = cell('sr');
    const srMatch = SR_PATTERN.exec(sr);
    if (!srMatch) rowProblems.push(`sr "${sr}" is not like "SR 1.1"`);
    else if (`FR${srMatch[1]}` !== fr) rowProblems.push(`${sr} belongs to FR${srMatch[1]}, not ${fr}`);
    const re = cell('re');
    if (re !== '' && !RE_PATTERN.test(re)) rowProblems.push(`re "${re}" is not empty or like "RE 1"`);
    const title = cell('title');
    if (title === '' || title.length > MAX_TITLE)
      rowProblems.push(`the title must have 1 to ${MAX_TITLE} characters`);
    const note = cell('note');
    if (note.length > MAX_NOTE) rowProblems.push(`the note is longer than ${MAX_NOTE} characters`);

    const levels = (['sl1', 'sl2', 'sl3', 'sl4'] as const).map((c) => cell(c));
    const badLevel = levels.findIndex((v) => v !== '0' && v !== '1');
    let minLevel: RequiredLevel | null = null;
    if (badLevel >= 0) rowProblems.push(`sl${badLevel + 1} is "${levels[badLevel]}", expected 0 or 1`);
    else {
      const first = levels.indexOf('1');
      if (first < 0) rowProblems.push('no SL column holds 1: the item would never be required');
      else if (levels.slice(first).includes('0'))
        rowProblems.push(`levels are cumulative, but sl1..sl4 are ${levels.join(',')}`);
      else minLevel = (first + 1) as RequiredLevel;
    }

    const id = re === '' ? sr : `${sr} ${re}`;
    const seen = lineOfId.get(id);
    if (seen !== undefined) rowProblems.push(`${id} appears already on line ${seen}`);

    if (rowProblems.length > 0 || minLevel === null) {
      rowProblems.forEach((p) => at(line, p));
      return;
    }
    lineOfId.set(id, line);
    items.push({ id, fr: fr as FrId, sr, re: re === '' ? null : re, title, minLevel, note });
  });

  for (const item of items) {
    if (item.re === null) continue;
    const line = lineOfId.get(item.id) ?? 0;
    const base = items.find((i) => i.id === item.sr);
    if (!base) at(line, `${item.id} enhances ${item.sr}, which has no row`);
    else if (item.minLevel < base.minLevel)
      at(line, `${item.id} is required from SL${item.minLevel}, before its ${item.sr} (SL${base.minLevel})`);
  }
  if (items.length === 0 && problems.length === 0) at(1, 'no requirement rows');
  if (problems.length > 0) throw new CatalogueTsvError(problems);
  return items;
}
