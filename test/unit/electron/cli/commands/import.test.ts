import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/cli/run';
import { parseAssessmentFile } from '../../../../../shared/model';
import { FIXTURES } from '../../../shared/importers/helpers';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const fixture = (path: string) => join(FIXTURES, path);

function sha256sum(file: string): string {
  try {
    return execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;
  } catch {
    return execFileSync('shasum', ['-a', '256', file], { encoding: 'utf8' }).split(' ')[0]!;
  }
}

describe('conduit import', () => {
  it('prints format, distinct assets, flows, merged, skipped and warnings', async () => {
    const { code, stdout, stderr } = await cli('import', fixture('claroty_ctd/ranger_assets_children.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      format: 'claroty-ctd',
      assets: 3,
      flows: 0,
      merged: 0,
      skipped: 1,
      warnings: [{ record: 'record 3', message: 'a broadcast or multicast pseudo-asset, not a device' }],
    });
  });

  it('counts records merged into another one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-import-'));
    const file = join(dir, 'dupes.csv');
    writeFileSync(
      file,
      'Name,IP,MAC\nplc,10.0.0.1,00:11:22:33:44:55\nplc-b,10.0.0.2,00-11-22-33-44-55\nhmi,10.0.0.3,\n',
    );
    const out = JSON.parse((await cli('import', file)).stdout);
    expect(out).toMatchObject({ format: 'csv', assets: 2, merged: 1, skipped: 0 });
  });

  it('takes --format, and refuses an unknown one', async () => {
    const { code, stdout } = await cli('import', fixture('dragos/assets.csv'), '--format', 'dragos');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'dragos', assets: 3 });
    const bad = await cli('import', fixture('dragos/assets.csv'), '--format', 'excel');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/unknown format "excel"/);
  });

  it('exits 2 with a one-line reason for a file it cannot read', async () => {
    const missing = await cli('import', '/nonexistent/export.csv');
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: 'conduit import: /nonexistent/export.csv: no such file\n',
    });
    const dir = mkdtempSync(join(tmpdir(), 'conduit-import-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"result": [{"id": "a", "ip": ');
    const result = await cli('import', broken);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^conduit import: broken\.json: not valid JSON \(.*\)\n$/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a saved column mapping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-import-'));
    const csv = join(dir, 'tags.csv');
    writeFileSync(csv, 'Tag;Addr\nP-101;10.1.1.1\n');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ version: 1, fields: { name: ['Tag'], ips: ['Addr'] } }));
    const { code, stdout } = await cli('import', csv, '--mapping', mapping);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ assets: 1 });
  });

  it('adds the result to an assessment file with --into, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-import-'));
    const file = join(dir, 'acme.conduit.json');
    expect((await cli('new', '--client', 'Acme', '--site', 'Plant 1', '--out', file)).code).toBe(0);
    const devices = fixture('defender_iot/devices_for_connections.json');
    const first = await cli('import', devices, '--into', file);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'defender-iot', assets: 3, flows: 0 });
    const connections = await cli(
      'import',
      fixture('defender_iot/mslearn_sensor_api_v1_devices_connections_example.json'),
      '--into',
      file,
    );
    expect(JSON.parse(connections.stdout)).toMatchObject({ flows: 2, skipped: 0 });

    const data = await parseAssessmentFile(readFileSync(file, 'utf8'));
    expect(data.assets.map((a) => a.name).sort()).toEqual(['HMI-22', 'PLC-171', 'S7-23']);
    expect(data.flows).toHaveLength(2);
    expect(data.importBatches.map((b) => [b.format, b.fileName, b.counts.assets, b.counts.flows])).toEqual([
      ['defender-iot', 'devices_for_connections.json', 3, 0],
      ['defender-iot', 'mslearn_sensor_api_v1_devices_connections_example.json', 0, 2],
    ]);
    expect(data.importBatches[0]!.fileSha256).toBe(sha256sum(devices));
    expect(data.assets.every((a) => a.assessmentId === data.assessment.id)).toBe(true);

    const again = await cli('import', devices, '--into', file);
    expect(JSON.parse(again.stdout)).toMatchObject({ assets: 3, merged: 3 });
    expect(again.stderr).toMatch(/nothing changed/);
    const after = await parseAssessmentFile(readFileSync(file, 'utf8'));
    expect(after.assets).toEqual(data.assets);
    expect(after.flows).toEqual(data.flows);
    expect(after.importBatches).toEqual(data.importBatches);
  });

  it('leaves the assessment file untouched when the import fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-import-'));
    const file = join(dir, 'acme.conduit.json');
    await cli('new', '--client', 'Acme', '--site', 'Plant 1', '--out', file);
    const before = readFileSync(file, 'utf8');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const result = await cli('import', empty, '--into', file);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'conduit import: empty.csv: the file is empty\n' });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('stores vendors and types under the app import’s names, keeping what the file said', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-import-'));
    const file = join(dir, 'acme.conduit.json');
    await cli('new', '--client', 'Acme', '--site', 'Plant 1', '--out', file);
    const csv = join(dir, 'plant.csv');
    writeFileSync(
      csv,
      'Name,IP,Vendor,Type\nplc-1,10.0.0.1,Siemens AG,PLCs\nsw-1,10.0.0.2,Cisco Systems,Switch\nbox,10.0.0.3,Acme Kontrols,Widget\n',
    );
    expect((await cli('import', csv, '--into', file)).code).toBe(0);
    const assets = (await parseAssessmentFile(readFileSync(file, 'utf8'))).assets;
    const byName = Object.fromEntries(assets.map((a) => [a.name, a]));
    expect(byName['plc-1']).toMatchObject({
      vendor: 'Siemens',
      vendorRaw: 'Siemens AG',
      type: 'PLC',
      typeRaw: 'PLCs',
    });
    expect(byName['sw-1']).toMatchObject({ vendor: 'Cisco', vendorRaw: 'Cisco Systems', type: 'Switch' });
    expect(byName['sw-1']!.typeRaw ?? null).toBeNull();
    expect(byName['box']).toMatchObject({ vendor: 'Acme Kontrols', type: 'Widget' });
    expect(byName['box']!.vendorRaw ?? null).toBeNull();
  });
});
