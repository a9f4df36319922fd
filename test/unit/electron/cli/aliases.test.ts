import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { parseAssessmentFile } from '../../../../shared/model';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

function matchesIn(stdout: string): string[] {
  return (JSON.parse(stdout) as { matches: { advisory: string }[] }).matches.map((m) => m.advisory);
}

// A Modicon M340 under a vendor spelling no built-in table knows, and a device type in CamelCase.
const CSV =
  'Name,IP,Vendor,Model,Firmware,Type\n' +
  'plc180,10.0.0.2,Groupe SE Automation,BMXP342020 Modicon M340 Processor Module,v2.9,SchaltschrankPC\n';
const ALIASES = [
  { kind: 'vendor', spelling: 'Groupe SE Automation', canonical: 'Schneider Electric' },
  { kind: 'type', spelling: 'SchaltschrankPC', canonical: 'PLC' },
];

describe('the assessor’s aliases in the CLI', () => {
  it('reach `conduit advisories` from --aliases, and from the assessment file once it carries them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-aliases-'));
    const file = join(dir, 'acme.conduit.json');
    const csv = join(dir, 'plant.csv');
    const aliases = join(dir, 'aliases.json');
    writeFileSync(csv, CSV);
    writeFileSync(aliases, JSON.stringify(ALIASES));
    await cli('new', '--client', 'Acme', '--site', 'Plant 1', '--out', file);

    expect((await cli('import', csv, '--into', file)).code).toBe(0);
    const plain = await cli('advisories', file);
    expect(plain.code).toBe(0);
    expect(matchesIn(plain.stdout)).not.toContain('ICSA-20-016-01');
    const withOption = await cli('advisories', file, '--aliases', aliases);
    expect(withOption.code).toBe(0);
    expect(matchesIn(withOption.stdout)).toContain('ICSA-20-016-01');

    // Importing with --aliases normalises the new records and keeps the aliases in the file.
    const second = join(dir, 'second.csv');
    writeFileSync(second, CSV.replace('plc180,10.0.0.2', 'plc181,10.0.0.3'));
    expect((await cli('import', second, '--aliases', aliases, '--into', file)).code).toBe(0);
    const data = await parseAssessmentFile(readFileSync(file, 'utf8'));
    expect(data.aliases!.map((a) => [a.id, a.canonical])).toEqual([
      ['vendor:groupe se automation', 'Schneider Electric'],
      ['type:schaltschrank pc', 'PLC'],
    ]);
    const byName = Object.fromEntries(data.assets.map((a) => [a.name, a]));
    expect(byName['plc181']).toMatchObject({
      vendor: 'Schneider Electric',
      vendorRaw: 'Groupe SE Automation',
      type: 'PLC',
      typeRaw: 'SchaltschrankPC',
    });
    // plc180 was stored before the aliases; the file's aliases now name its vendor for the matcher.
    expect(byName['plc180']).toMatchObject({ vendor: 'Groupe SE Automation' });
    const fromFile = await cli('advisories', file);
    const out = JSON.parse(fromFile.stdout) as { matches: { advisory: string; asset: { name: string } }[] };
    expect(out.matches.filter((m) => m.advisory === 'ICSA-20-016-01').map((m) => m.asset.name)).toEqual([
      'plc180',
      'plc181',
    ]);
  });

  it('explains a bad --aliases file by name and entry, and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-aliases-'));
    const file = join(dir, 'acme.conduit.json');
    const csv = join(dir, 'plant.csv');
    const aliases = join(dir, 'aliases.json');
    writeFileSync(csv, CSV);
    writeFileSync(aliases, JSON.stringify([ALIASES[0], { kind: 'model', spelling: 'x', canonical: 'y' }]));
    await cli('new', '--client', 'Acme', '--site', 'Plant 1', '--out', file);
    const before = readFileSync(file, 'utf8');
    expect(await cli('import', csv, '--aliases', aliases, '--into', file)).toEqual({
      code: 2,
      stdout: '',
      stderr: `conduit import: ${aliases}: alias 2: the kind must be "vendor" or "type"\n`,
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await cli('advisories', csv, '--aliases', join(dir, 'missing.json'))).toEqual({
      code: 2,
      stdout: '',
      stderr: `conduit advisories: ${join(dir, 'missing.json')}: no such file\n`,
    });
  });
});
