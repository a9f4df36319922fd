import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/cli/run';
import { serializeAssessmentFile } from '../../../../../shared/model';
import { richAssessment } from '../../../../fixtures/rich-assessment';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'conduit-attack-layer-'));

describe('conduit attack-layer', () => {
  it('writes a Navigator layer for the site and for one zone, and names the zones when one is unknown', async () => {
    const data = await richAssessment();
    const file = path.join(dir, 'layer.conduit.json');
    writeFileSync(file, serializeAssessmentFile(data));
    const site = path.join(dir, 'site-layer.json');
    const { code, stdout } = await cli('attack-layer', file, '--out', site);
    expect(code).toBe(0);
    const layer = JSON.parse(readFileSync(site, 'utf8')) as {
      domain: string;
      versions: { layer: string };
      techniques: { techniqueID: string; score: number }[];
    };
    expect(layer.domain).toBe('ics-attack');
    expect(layer.versions.layer).toBe('4.5');
    expect(layer.techniques.length).toBeGreaterThan(0);
    expect(JSON.parse(stdout)).toMatchObject({
      techniques: layer.techniques.length,
      zones: data.zones.map((z) => z.name),
    });

    const one = path.join(dir, 'zone-layer.json');
    expect((await cli('attack-layer', file, '--zone', 'industrial dmz', '--out', one)).code).toBe(0);
    expect(JSON.parse(readFileSync(one, 'utf8'))).toMatchObject({
      name: expect.stringContaining('zone Industrial DMZ'),
    });

    const unknown = await cli('attack-layer', file, '--zone', 'Nowhere', '--out', path.join(dir, 'x.json'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no zone named "Nowhere" (zones: Enterprise IT, Industrial DMZ');
    const again = await cli('attack-layer', file, '--out', site);
    expect(again.code).toBe(64);
    expect(again.stderr).toContain('exists already');
  });
});
