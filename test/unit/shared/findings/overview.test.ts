import { describe, expect, it } from 'vitest';
import { assessmentOverview } from '../../../../shared/findings';
import type { AssessmentData, Flow } from '../../../../shared/model';
import { PlantBuilder } from '../../../fixtures/builders';

const AT = '2026-03-01T10:00:00.000Z';
const NOW = new Date('2026-03-05T10:00:00.000Z');

function publicFlow(n: number): Flow {
  return {
    id: `flow-${n}`,
    assessmentId: 'assessment-1',
    createdAt: AT,
    updatedAt: AT,
    batchId: null,
    source: 'pcap',
    a: { ip: '10.1.0.5', mac: null, port: 50000, assetId: null },
    b: { ip: `52.1.0.${n}`, mac: null, port: 443, assetId: null },
    transport: 'tcp',
    ethertype: null,
    server: 'b',
    protocol: null,
    recognizedBy: null,
    packets: 1,
    bytes: 60,
    firstSeen: AT,
    lastSeen: AT,
  };
}

function plant(): AssessmentData {
  const data = new PlantBuilder()
    .zone('ops', 'Operations', { sl: 1 })
    .zone('cell', 'Cell 1', { sl: 2 })
    .answer('ops', 'met', 'SR 1.1', 'SR 1.3')
    .answer('cell', 'not-met', 'SR 1.1')
    .asset('plc-1', { zoneId: 'z-cell' })
    .asset('hmi-1', { zoneId: null })
    .build();
  data.zones[0]!.ranges = ['10.1.0.0/16'];
  data.flows = [publicFlow(1), publicFlow(2), publicFlow(3)];
  return data;
}

describe('assessmentOverview', () => {
  it('counts completion per zone and FR as answered of required', () => {
    const overview = assessmentOverview(plant(), NOW);
    const ops = overview.completion.find((z) => z.name === 'Operations')!;
    const cell = overview.completion.find((z) => z.name === 'Cell 1')!;
    expect(ops.perFr.FR1.answered).toBe(2);
    expect(cell.perFr.FR1.answered).toBe(1);
    expect(cell.perFr.FR1.required).toBeGreaterThan(ops.perFr.FR1.required);
    expect(overview.required).toBe(ops.total.required + cell.total.required);
    expect(overview.answered).toBe(3);
  });

  it('counts untriaged candidates after rules, unzoned assets, and open findings by severity', () => {
    const data = plant();
    const before = assessmentOverview(data, NOW);
    expect(before.candidates).toMatchObject({ untriaged: 3, total: 3 });
    expect(before.candidates.byKind['public-ip']).toBe(3);
    expect(before.assets).toEqual({ total: 2, unzoned: 1 });
    const open = Object.values(before.openFindings).reduce((a, b) => a + b, 0);
    expect(open).toBeGreaterThan(0);

    data.triageRules = [
      {
        id: 'rule-1',
        assessmentId: 'assessment-1',
        createdAt: AT,
        updatedAt: AT,
        kind: null,
        subnet: '52.1.0.0/30',
        zoneAId: null,
        zoneBId: null,
        service: null,
        action: 'dismiss',
        reason: 'Vendor licence server',
      },
    ];
    const after = assessmentOverview(data, NOW);
    // 52.1.0.1..3 are in the /30 (52.1.0.0-52.1.0.3).
    expect(after.candidates.untriaged).toBe(0);
    const openAfter = Object.values(after.openFindings).reduce((a, b) => a + b, 0);
    expect(openAfter).toBe(open - 1); // the public-address finding is gone
  });

  it('suggests the next step in the order an assessment runs, with where to go', () => {
    const data = plant();
    expect(assessmentOverview(data, NOW).nextStep).toMatchObject({ workspace: 'diagram' });
    data.assets[1]!.zoneId = 'z-ops';
    const next = assessmentOverview(data, NOW).nextStep;
    expect(next).toMatchObject({ workspace: 'requirements', focus: { zoneId: 'z-cell' } });
    expect(next.title).toBe('Assess the requirements of Cell 1');
    const empty = new PlantBuilder().build();
    expect(assessmentOverview(empty, NOW).nextStep.workspace).toBe('inventory');
  });
});
