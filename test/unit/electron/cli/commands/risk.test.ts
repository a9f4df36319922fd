import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/cli/run';
import { serializeAssessmentFile } from '../../../../../shared/model';
import { suggestionsFor } from '../../../../../shared/risk';
import { richAssessment } from '../../../../fixtures/rich-assessment';
import { plantAssessment } from '../../../../fixtures/traffic/plant-assessment';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'conduit-risk-'));

interface RiskOut {
  zones: {
    name: string;
    consequence: number | null;
    derivedSlt: number[];
    slt: number[];
    sltSource: string;
    rationale: string;
  }[];
  scenarios: {
    id: string;
    zone?: string;
    source: string;
    techniques: string[];
    likelihood: number;
    consequence: number;
    risk: string;
    residualRisk: string;
    tolerable: boolean;
  }[];
  conduits: {
    name: string;
    derivedSlt: number[];
    floor: number[];
    slt: number[];
    sltSource: string;
    rationale: string;
    justification?: string;
  }[];
  countermeasures: { id: string; title: string }[];
  suggestions: { key: string; zone?: string; title: string }[];
}

describe('conduit risk', () => {
  it('prints SL-T per zone with its source and rationale, the scenarios inherent and residual, and the countermeasures', async () => {
    const data = await richAssessment();
    const file = path.join(dir, 'rich.conduit.json');
    writeFileSync(file, serializeAssessmentFile(data));
    const { code, stdout, stderr } = await cli('risk', file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as RiskOut;
    const cell = out.zones.find((z) => z.name === 'Ligne d’embouteillage — Zelle 3')!;
    // Production Major (4); the 4G scenario: Likely (4) × 4 → High, criminal → SL 3 derived.
    expect(cell).toMatchObject({
      consequence: 4,
      derivedSlt: [3, 3, 3, 3, 3, 3, 3],
      slt: [2, 2, 2, 2, 3, 2, 2],
      sltSource: 'manual',
    });
    expect(cell.rationale).toMatch(/^Set by hand: Agreed with the asset owner on 3 March/);
    const sis = out.zones.find((z) => z.name === '安全計装システム (SIS)')!;
    expect(sis).toMatchObject({
      consequence: 5,
      sltSource: 'manual',
      slt: [3, 3, 3, 3, 3, 3, 3],
      derivedSlt: [0, 0, 0, 0, 0, 0, 0],
    });
    // Jump host, likelihood −2: 2 × 4 = 8 → Medium, under the line.
    expect(out.scenarios).toEqual([
      {
        id: data.threatScenarios[0]!.id,
        zone: 'Ligne d’embouteillage — Zelle 3',
        title: 'Criminal access through the 4G router — Zelle 3',
        source: 'criminal',
        capability: 3,
        entryVector: 'connection',
        techniques: ['T0883', 'T0822'],
        likelihood: 4,
        consequence: 4,
        risk: 'High',
        residualRisk: 'Medium',
        tolerable: true,
        countermeasures: [data.countermeasures[0]!.id],
      },
    ]);
    expect(out.countermeasures.map((c) => c.title)).toEqual([
      'Remove the 4G router; vendor access through the DMZ jump host',
    ]);
    // The conduit whose SL-T was set by hand: its source, level, justification and rationale.
    expect(out.conduits).toEqual([
      {
        name: 'IT ↔ DMZ',
        consequence: null,
        derivedSlt: [0, 0, 0, 0, 0, 0, 0],
        floor: [2, 2, 2, 2, 2, 2, 2],
        slt: [3, 3, 3, 2, 3, 2, 2],
        sltSource: 'manual',
        justification: 'Vendor remote access crosses this conduit: held at SL 3 on FR1–FR3 and FR5.',
        rationale: expect.stringMatching(
          /^Set by hand: Vendor remote access crosses this conduit: held at SL 3 on FR1–FR3 and FR5\. \(the derivation gives \{2,2,2,2,2,2,2\}/,
        ) as string,
      },
    ]);
  });

  it('suggests scenarios from observed flows no conduit allows', async () => {
    const data = await plantAssessment(true);
    const file = path.join(dir, 'plant.conduit.json');
    writeFileSync(file, serializeAssessmentFile(data));
    const { code, stdout } = await cli('risk', file);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as RiskOut;
    const flows = out.suggestions.filter((s) => s.key.startsWith('flow:'));
    expect(flows.length).toBeGreaterThan(0);
    expect(flows.map((s) => s.key)).toEqual(
      suggestionsFor(data)
        .filter((s) => s.key.startsWith('flow:'))
        .map((s) => s.key),
    );
    expect(flows.some((s) => /S7comm/.test(s.title))).toBe(true);
    expect(out.zones.every((z) => z.sltSource === 'manual' && z.slt.every((l) => l === 2))).toBe(true);
  });

  it('explains a bad file and exits 2', async () => {
    const file = path.join(dir, 'broken.conduit.json');
    writeFileSync(file, '{"format":"conduit-assessment","formatVersion":2}');
    const { code, stderr } = await cli('risk', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.conduit\.json: exportedAt/);
  });
});
