import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  catalogueForVersion,
  CatalogueTsvError,
  FOUNDATIONAL_REQUIREMENTS,
  IEC62443_3_3,
  IEC62443_3_3_SOURCE_SHA256,
  parseCatalogueTsv,
} from '../../../../shared/catalogue';
import { DEFAULT_CATALOGUE_VERSION } from '../../../../shared/model/version';
import {
  DEFAULT_MODULE_PATH,
  DEFAULT_TSV_PATH,
  generateCatalogueModule,
} from '../../../../scripts/catalogue-module';

const item = (id: string) => IEC62443_3_3.items.find((i) => i.id === id);
const tsvText = readFileSync(DEFAULT_TSV_PATH, 'utf8');

describe('generated catalogue module', () => {
  it('is exactly what scripts/build-catalogue.ts produces from the TSV', async () => {
    expect(readFileSync(DEFAULT_MODULE_PATH, 'utf8')).toBe(await generateCatalogueModule());
  });

  it('holds the same items as parsing the TSV now', () => {
    expect(IEC62443_3_3.items).toEqual(parseCatalogueTsv(tsvText, DEFAULT_TSV_PATH));
  });

  it('records the SHA-256 of its TSV', () => {
    const expected = createHash('sha256').update(readFileSync(DEFAULT_TSV_PATH)).digest('hex');
    expect(IEC62443_3_3_SOURCE_SHA256).toBe(expected);
    const tool = spawnSync('sha256sum', [DEFAULT_TSV_PATH], { encoding: 'utf8' });
    if (tool.status === 0) expect(tool.stdout.split(' ')[0]).toBe(IEC62443_3_3_SOURCE_SHA256);
  });

  it('carries the catalogue version new assessments are stamped with', () => {
    expect(IEC62443_3_3.version).toBe(DEFAULT_CATALOGUE_VERSION);
    expect(catalogueForVersion(DEFAULT_CATALOGUE_VERSION)).toBe(IEC62443_3_3);
    expect(catalogueForVersion('iec62443-3-3:2013/someone-else-7')).toBeUndefined();
  });
});

describe('IEC 62443-3-3 catalogue data', () => {
  it('has 7 FRs with their short and full names, in order', () => {
    expect(IEC62443_3_3.frs).toBe(FOUNDATIONAL_REQUIREMENTS);
    expect(IEC62443_3_3.frs.map((fr) => `${fr.id} ${fr.short}`)).toEqual([
      'FR1 IAC',
      'FR2 UC',
      'FR3 SI',
      'FR4 DC',
      'FR5 RDF',
      'FR6 TRE',
      'FR7 RA',
    ]);
    expect(IEC62443_3_3.frs[0]?.name).toBe('Identification and authentication control');
    expect(IEC62443_3_3.frs[6]?.name).toBe('Resource availability');
  });

  it('has 51 SRs and 49 REs with unique ids shaped like Answer.itemId', () => {
    const srs = IEC62443_3_3.items.filter((i) => i.re === null);
    const res = IEC62443_3_3.items.filter((i) => i.re !== null);
    expect(srs).toHaveLength(51);
    expect(res).toHaveLength(49);
    expect(new Set(IEC62443_3_3.items.map((i) => i.id)).size).toBe(100);
    for (const i of IEC62443_3_3.items) {
      expect(i.id).toMatch(/^SR [1-7]\.\d{1,2}( RE \d{1,2})?$/);
      expect(i.id).toBe(i.re ? `${i.sr} ${i.re}` : i.sr);
      expect(i.sr.startsWith(`SR ${i.fr.slice(2)}.`)).toBe(true);
    }
  });

  it('requires 37, 60, 90 and 100 items at SL1..SL4', () => {
    const counts = [1, 2, 3, 4].map((sl) => IEC62443_3_3.items.filter((i) => i.minLevel <= sl).length);
    expect(counts).toEqual([37, 60, 90, 100]);
  });

  it('maps known rows to their minimum level', () => {
    expect(item('SR 1.1')).toMatchObject({
      fr: 'FR1',
      minLevel: 1,
      title: 'Human user identification and authentication',
    });
    expect(item('SR 1.1 RE 1')).toMatchObject({ sr: 'SR 1.1', re: 'RE 1', minLevel: 2 });
    expect(item('SR 1.1 RE 3')).toMatchObject({
      minLevel: 4,
      title: 'Multifactor authentication for all networks',
    });
    expect(item('SR 5.1 RE 3')).toMatchObject({ fr: 'FR5', minLevel: 4 });
    expect(item('SR 5.2 RE 1')).toMatchObject({
      fr: 'FR5',
      minLevel: 2,
      title: 'Deny by default, allow by exception',
    });
    expect(item('SR 7.8')).toMatchObject({
      fr: 'FR7',
      minLevel: 2,
      title: 'Control system component inventory',
    });
    expect(item('SR 7.3 RE 2')).toMatchObject({ fr: 'FR7', minLevel: 3 });
    expect(item('SR 7.5')).toMatchObject({ fr: 'FR7', minLevel: 1 });
  });

  it('keeps the note column on the disputed rows', () => {
    const noted = IEC62443_3_3.items.filter((i) => i.note !== '').map((i) => i.id);
    expect(noted).toEqual(['SR 1.13 RE 1', 'SR 3.4', 'SR 4.1 RE 2', 'SR 5.3', 'SR 6.2']);
    expect(item('SR 3.4')?.note).toContain('COR1:2014');
    expect(item('SR 1.1')?.note).toBe('');
  });
});

describe('parseCatalogueTsv', () => {
  const header = 'fr\tsr\tre\ttitle\tsl1\tsl2\tsl3\tsl4\tnote';
  const problemsOf = (text: string): readonly string[] => {
    try {
      parseCatalogueTsv(text, 'edited.tsv');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogueTsvError);
      return (error as CatalogueTsvError).problems;
    }
    throw new Error('expected a CatalogueTsvError');
  };

  it('reads a minimal catalogue, with CRLF and a trailing blank line', () => {
    const items = parseCatalogueTsv(
      [
        header,
        'FR1\tSR 1.1\t\tLogin\t0\t1\t1\t1\t',
        'FR1\tSR 1.1\tRE 1\tUnique\t0\t0\t0\t1\tchecked',
        '',
      ].join('\r\n'),
    );
    expect(items).toEqual([
      { id: 'SR 1.1', fr: 'FR1', sr: 'SR 1.1', re: null, title: 'Login', minLevel: 2, note: '' },
      {
        id: 'SR 1.1 RE 1',
        fr: 'FR1',
        sr: 'SR 1.1',
        re: 'RE 1',
        title: 'Unique',
        minLevel: 4,
        note: 'checked',
      },
    ]);
  });

  it('names the file, the line and the problem for every bad row', () => {
    const problems = problemsOf(
      [
        header,
        'FR1\tSR 1.1\t\tLogin\t1\t1\t1\t1\t',
        'FR1\tSR 1.2\t\tDevices\t1\t0\t1\t1\t',
        'FR1\tSR 1.3\t\tAccounts\t0\t0\t0\t0\t',
        'FR1\tSR 1.4\t\tIdentifiers\t1\tyes\t1\t1\t',
        'FR2\tSR 1.5\t\tWrong FR\t1\t1\t1\t1\t',
        'FR1\tSR 1.1\t\tLogin again\t1\t1\t1\t1\t',
        'FR1\tSR 1.6\tRE 1\tOrphan\t0\t1\t1\t1\t',
        'FR1\tSR 1.7\t\t\t1\t1\t1\t1\t',
      ].join('\n'),
    );
    expect(problems).toEqual([
      'edited.tsv:3: levels are cumulative, but sl1..sl4 are 1,0,1,1',
      'edited.tsv:4: no SL column holds 1: the item would never be required',
      'edited.tsv:5: sl2 is "yes", expected 0 or 1',
      'edited.tsv:6: SR 1.5 belongs to FR1, not FR2',
      'edited.tsv:7: SR 1.1 appears already on line 2',
      'edited.tsv:9: the title must have 1 to 200 characters',
      'edited.tsv:8: SR 1.6 RE 1 enhances SR 1.6, which has no row',
    ]);
  });

  it('rejects an RE required before its SR, and a header without the expected columns', () => {
    expect(
      problemsOf(
        [header, 'FR3\tSR 3.4\t\tIntegrity\t0\t1\t1\t1\t', 'FR3\tSR 3.4\tRE 1\tNotify\t1\t1\t1\t1\t'].join(
          '\n',
        ),
      ),
    ).toEqual(['edited.tsv:3: SR 3.4 RE 1 is required from SL1, before its SR 3.4 (SL2)']);
    expect(problemsOf('fr\tsr\ttitle\tsl1\n')).toEqual([
      'edited.tsv:1: the header lacks the column(s) re, sl2, sl3, sl4, note (expected fr, sr, re, title, sl1, sl2, sl3, sl4, note)',
    ]);
    expect(problemsOf(`${header}\n\n`)).toEqual(['edited.tsv:1: no requirement rows']);
  });
});

describe('scripts/build-catalogue.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-catalogue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const script = join(process.cwd(), 'scripts', 'build-catalogue.ts');

  it('regenerates from a corrected TSV, and --check tells a stale module apart', () => {
    const tsv = join(dir, 'corrected.tsv');
    const out = join(dir, 'corrected.data.ts');
    writeFileSync(
      tsv,
      tsvText.replace(/(SR 4\.1\tRE 2\t[^\t]+\t)0\t0\t0\t1/, (_, row: string) => `${row}0\t0\t1\t1`),
    );
    execFileSync(
      tsx,
      [script, '--tsv', tsv, '--out', out, '--catalogue-version', 'iec62443-3-3/licensed-fix-1'],
      {
        stdio: 'pipe',
      },
    );
    const generated = readFileSync(out, 'utf8');
    expect(generated).toContain("version: 'iec62443-3-3/licensed-fix-1'");
    expect(generated).toMatch(/id: 'SR 4\.1 RE 2',[^}]*minLevel: 3,/);
    expect(generated).not.toBe(readFileSync(DEFAULT_MODULE_PATH, 'utf8'));

    const fresh = spawnSync(tsx, [
      script,
      '--tsv',
      tsv,
      '--out',
      out,
      '--catalogue-version',
      'iec62443-3-3/licensed-fix-1',
      '--check',
    ]);
    expect(fresh.status).toBe(0);
    const stale = spawnSync(tsx, [script, '--tsv', tsv, '--out', out, '--check'], { encoding: 'utf8' });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('out of date');
  });

  it('refuses a bad TSV with file and line, writing nothing', () => {
    const tsv = join(dir, 'broken.tsv');
    const out = join(dir, 'broken.data.ts');
    writeFileSync(
      tsv,
      tsvText.replace(
        'FR1\tSR 1.4\t\tIdentifier management\t1\t1\t1\t1',
        'FR1\tSR 1.4\t\tIdentifier management\t1\t0\t1\t1',
      ),
    );
    const run = spawnSync(tsx, [script, '--tsv', tsv, '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${tsv}:10: levels are cumulative`);
    expect(() => readFileSync(out)).toThrow();
  });
});
