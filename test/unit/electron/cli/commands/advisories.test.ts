import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/cli/run';
import { serializeAssessmentFile } from '../../../../../shared/model';
import { richAssessment } from '../../../../fixtures/rich-assessment';
import { snapshotFile } from '../../../shared/advisories/helpers';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const NOZOMI = join(import.meta.dirname, '../../../../fixtures/importers/nozomi/ibm-car_query_assets.json');
const dir = mkdtempSync(join(tmpdir(), 'conduit-advisories-'));

describe('conduit advisories', () => {
  it('matches an inventory export against the bundled index and KEV', async () => {
    const { code, stdout, stderr } = await cli('advisories', NOZOMI);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 assets, \d+ matches against 2035 advisories/);
    const out = JSON.parse(stdout);
    expect(out.pack).toEqual({ advisories: 2035, from: '2017-01-09', to: '2024-09-24' });
    const match = out.matches.find((m: { advisory: string }) => m.advisory === 'ICSA-20-016-01');
    expect(match).toEqual({
      asset: {
        name: 'plc180.xxxx.corp.com',
        ip: '1.1.1.2',
        vendor: 'Schneider Electric',
        model: 'BMXP342020 Modicon M340 Processor Module',
        firmware: 'v2.9',
      },
      advisory: 'ICSA-20-016-01',
      title: expect.stringContaining('Modicon'),
      cves: ['CVE-2019-6857', 'CVE-2019-6856', 'CVE-2018-7794'],
      cvss: 7.5,
      kev: false,
      status: 'affected',
      confidence: 'version-in-range',
      why: 'Schneider Electric Software, LLC / Modicon M340, versions "< 3.01": firmware v2.9 is in range',
    });
  });

  it('reads an assessment file, a pack given as .tar.gz or folder, and a KEV file', async () => {
    const data = await richAssessment();
    const assessment = join(dir, 'plant.conduit.json');
    writeFileSync(assessment, serializeAssessmentFile(data));
    const a = snapshotFile('icsa-23-257-01.json');
    const pack = join(dir, 'pack.tar.gz');
    writeFileSync(pack, gzipSync(createTar([{ name: '2023/icsa-23-257-01.json', data: a.json.bytes }])));
    const folder = join(dir, 'pack');
    mkdirSync(join(folder, '2023'), { recursive: true });
    writeFileSync(join(folder, '2023/icsa-23-257-01.json'), a.json.bytes);
    writeFileSync(join(folder, '2023/icsa-23-257-01.json.sha512'), a.sidecar.bytes);
    const cve = JSON.parse(new TextDecoder().decode(a.json.bytes)).vulnerabilities[0].cve as string;
    const kev = join(dir, 'kev.json');
    writeFileSync(
      kev,
      JSON.stringify({ catalogVersion: 'test', vulnerabilities: [{ cveID: cve, dateAdded: '2024-01-01' }] }),
    );
    for (const source of [pack, folder]) {
      const { code, stdout } = await cli('advisories', assessment, '--pack', source, '--kev', kev);
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.pack).toEqual({ advisories: 1, from: '2023-09-12', to: '2023-09-12' });
      expect(out.kev).toEqual({ version: 'test', entries: 1 });
      expect(out.matches).toHaveLength(1);
      expect(out.matches[0]).toMatchObject({
        asset: { model: 'S7-1516', firmware: 'V2.9.4' },
        advisory: 'ICSA-23-257-01',
        kev: true,
        status: 'affected',
      });
    }
  });

  it('exits 2 with the file and the reason on a bad input, pack or KEV', async () => {
    expect(await cli('advisories', join(dir, 'missing.json'))).toMatchObject({
      code: 2,
      stderr: `${join(dir, 'missing.json')}: no such file\n`,
    });
    const notPack = join(dir, 'notes.txt');
    writeFileSync(notPack, 'hello');
    const bad = await cli('advisories', NOZOMI, '--pack', notPack);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `${notPack}: cannot be read as an advisory pack (not a .zip, .tar.gz or .tar archive)\n`,
    );
    const a = snapshotFile('icsa-23-257-01.json');
    const tampered = join(dir, 'tampered');
    mkdirSync(tampered);
    writeFileSync(join(tampered, 'icsa-23-257-01.json'), new Uint8Array([...a.json.bytes, 0x0a]));
    writeFileSync(join(tampered, 'icsa-23-257-01.json.sha512'), a.sidecar.bytes);
    const refused = await cli('advisories', NOZOMI, '--pack', tampered);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'icsa-23-257-01.json: does not match its checksum in icsa-23-257-01.json.sha512: the pack is refused\n',
    );
    const badKev = join(dir, 'bad-kev.json');
    writeFileSync(badKev, '{"catalogVersion": 3}');
    const kev = await cli('advisories', NOZOMI, '--kev', badKev);
    expect(kev.code).toBe(2);
    expect(kev.stderr).toMatch(new RegExp(`^${badKev.replace(/[.]/g, '\\.')}: not a CISA KEV catalog`));
    const badInput = join(dir, 'garbage.bin');
    writeFileSync(badInput, new Uint8Array([0, 1, 2, 3, 255, 254]));
    const input = await cli('advisories', badInput);
    expect(input.code).toBe(2);
    expect(input.stderr).toContain('garbage.bin');
  });
});
