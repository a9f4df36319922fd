import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/cli/run';
import { serializeAssessmentFile, type Finding } from '../../../../../shared/model';
import { fixtureId, richAssessment } from '../../../../fixtures/rich-assessment';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'conduit-findings-'));

describe('conduit findings', () => {
  it('prints the generated findings merged with the stored ones', async () => {
    const data = await richAssessment();
    const stored = data.findings[0]!;
    data.findings = [
      { ...stored, title: 'Shared operator accounts in Zelle 3', edited: ['title'], roadmapSlot: 'm1-3' },
      {
        ...stored,
        id: fixtureId(11, 2),
        autoKey: 'connections:wireless',
        title: 'Rogue access point',
        order: 2,
        roadmapSlot: null,
      },
    ];
    const file = path.join(dir, 'rich.conduit.json');
    writeFileSync(file, serializeAssessmentFile(data));
    const { code, stdout, stderr } = await cli('findings', file, '--now', '2026-06-01T00:00:00Z');
    expect(code).toBe(0);
    expect(stderr).toContain('8 findings (7 new, 1 refreshed, 1 no longer apply)');
    const out = JSON.parse(stdout) as {
      counts: Record<string, number>;
      findings: (Finding & { roadmap: string })[];
      removed: { id: string; title: string }[];
    };
    expect(out.counts).toEqual({ findings: 8, open: 8, added: 7, updated: 1, removed: 1 });
    expect(out.removed).toEqual([
      { id: fixtureId(11, 2), autoKey: 'connections:wireless', title: 'Rogue access point' },
    ]);
    // The stored finding is of an earlier version (one per zone and topic): its edited text stays as a
    // manual finding, and its placement passes to the SR 1.1 finding that now covers its item.
    const kept = out.findings.find((f) => f.id === stored.id)!;
    expect(kept).toMatchObject({
      title: 'Shared operator accounts in Zelle 3',
      roadmap: 'm1-3',
      order: 1,
      origin: 'manual',
    });
    const sr11 = out.findings.find((f) => f.autoKey === 'requirements:SR 1.1:p3')!;
    const cell = fixtureId(2, 3);
    expect(sr11).toMatchObject({ phase: 3, status: 'open', roadmap: 'm1-3', effort: 'M' });
    expect(sr11.severity).toMatch(/^(critical|high|medium|low|info)$/);
    expect(sr11.refs).toEqual({
      itemIds: ['SR 1.1'],
      zoneIds: [cell],
      conduitIds: [],
      connectionIds: [],
      assetIds: [fixtureId(4, 1)],
      items: [{ zoneId: cell, itemId: 'SR 1.1' }],
    });
    expect(sr11.description).toContain(
      'SR 1.1 not met: Shared “operator” account on all HMIs. (1 evidence item)',
    );
    const modem = out.findings.find((f) => f.autoKey === 'connections:cellular')!;
    expect(modem).toMatchObject({ severity: 'critical', roadmap: 'm1-3', roadmapSlot: null, origin: 'auto' });
    expect(out.findings.map((f) => f.order)).toEqual([1, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('says why when the file is missing or invalid, and refuses bad usage', async () => {
    const missing = await cli('findings', path.join(dir, 'nope.conduit.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.conduit\.json: no such file/);
    const broken = path.join(dir, 'broken.conduit.json');
    writeFileSync(broken, '{"format":"conduit-assessment","formatVersion":1}');
    const invalid = await cli('findings', broken);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('broken.conduit.json: exportedAt');
    expect((await cli('findings')).code).toBe(64);
    expect((await cli('findings', broken, '--now', 'yesterday')).stderr).toContain(
      '"yesterday" is not a date',
    );
  });
});
