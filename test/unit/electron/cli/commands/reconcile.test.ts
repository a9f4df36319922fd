import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../electron/cli/run';
import { serializeAssessmentFile } from '../../../../../shared/model';
import { plantAssessment } from '../../../../fixtures/traffic/plant-assessment';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'conduit-reconcile-'));

describe('conduit reconcile', () => {
  it('prints the candidates of an assessment with captured flows, with their triage', async () => {
    const data = await plantAssessment(true);
    const s7Key = `flow:${data.zones[0]!.id}>${data.zones[1]!.id}:tcp/102:S7comm`;
    data.triage = [
      {
        id: '00000000-0000-4000-8000-00000000e001',
        assessmentId: data.assessment.id,
        createdAt: data.assessment.createdAt,
        updatedAt: data.assessment.createdAt,
        candidateKey: s7Key,
        decision: 'dismissed',
        reason: 'engineering access during commissioning',
        connectionId: null,
        conduitId: null,
      },
    ];
    const file = path.join(dir, 'plant.conduit.json');
    writeFileSync(file, serializeAssessmentFile(data));
    const { code, stdout } = await cli('reconcile', file);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      flows: number;
      candidates: { key: string; kind: string; protocol: string | null; triage: { reason: string } | null }[];
    };
    expect(out.flows).toBe(data.flows.length);
    const s7 = out.candidates.find((c) => c.key === s7Key);
    expect(s7?.kind).toBe('undocumented-flow');
    expect(s7?.triage?.reason).toBe('engineering access during commissioning');
    expect(out.candidates.some((c) => c.protocol === 'EtherNet/IP')).toBe(true);
    expect(out.candidates.some((c) => c.protocol === 'Modbus/TCP' && c.kind === 'undocumented-flow')).toBe(
      false,
    );
  });

  it('applies the triage rules in the file, saying which rule decided', async () => {
    const data = await plantAssessment(true);
    const rule = {
      id: '00000000-0000-4000-8000-00000000f001',
      assessmentId: data.assessment.id,
      createdAt: data.assessment.createdAt,
      updatedAt: data.assessment.createdAt,
      kind: null,
      subnet: null,
      zoneAId: data.zones[0]!.id,
      zoneBId: data.zones[1]!.id,
      service: 'EtherNet/IP',
      action: 'expected' as const,
      reason: 'Implicit messaging between the HMI and the drives, agreed with the owner',
    };
    const file = path.join(dir, 'ruled.conduit.json');
    writeFileSync(file, serializeAssessmentFile({ ...data, triageRules: [rule] }));
    const { code, stdout } = await cli('reconcile', file);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      candidates: { protocol: string | null; triage: { decision: string; ruleId?: string } | null }[];
    };
    const enip = out.candidates.filter((c) => c.protocol === 'EtherNet/IP');
    expect(enip.length).toBeGreaterThan(0);
    for (const c of enip)
      expect(c.triage).toEqual({ decision: 'documented', reason: rule.reason, ruleId: rule.id });
    expect(out.candidates.filter((c) => c.triage?.ruleId !== undefined)).toHaveLength(enip.length);
  });

  it('exits 2 naming the file when it is not an assessment', async () => {
    const file = path.join(dir, 'broken.conduit.json');
    writeFileSync(file, '{"format": "nope"');
    const { code, stderr, stdout } = await cli('reconcile', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('broken.conduit.json');
  });
});
