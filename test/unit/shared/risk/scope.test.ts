import { describe, expect, it } from 'vitest';
import type { AssessmentData } from '../../../../shared/model';
import { assessmentRisk, suggestionsFor, type ScopeExclusion } from '../../../../shared/risk';
import {
  aConduit,
  aConnection,
  anAssessmentData,
  anAsset,
  aScenario,
  aScope,
  aZone,
} from '../../../fixtures/builders';

function plant() {
  const cell = aZone('Filling cell', { kind: 'cell' });
  const lab = aZone('Lab', { kind: 'other', purdueLevel: 2 });
  const labToCell = aConduit(lab, cell, { controls: [] });
  const plc = anAsset('PLC-1', { zoneId: cell.id });
  const data = anAssessmentData({
    zones: [cell, lab],
    conduits: [labToCell],
    assets: [plc],
    connections: [
      aConnection({
        from: { kind: 'asset', assetId: plc.id },
        to: { kind: 'text', text: 'Internet' },
        type: 'cellular',
      }),
    ],
    threatScenarios: [
      aScenario(cell, { source: 'nation-state', capability: 4, likelihood: 5 }),
      aScenario(lab, { source: 'criminal', capability: 3, likelihood: 5 }),
      aScenario(labToCell, { source: 'criminal', capability: 3, likelihood: 5 }),
    ],
  });
  const excluding = (...exclusions: ScopeExclusion[]): AssessmentData => ({
    ...data,
    riskScopes: [aScope({ exclusions })],
  });
  return { cell, lab, labToCell, plc, data, excluding };
}

describe('the system under consideration', () => {
  it('derives risk for every zone and conduit when nothing is excluded', () => {
    const { data, excluding } = plant();
    for (const d of [data, excluding()]) {
      const result = assessmentRisk(d);
      expect(result.zones.map((z) => z.name)).toEqual(['Filling cell', 'Lab']);
      expect(result.conduits).toHaveLength(1);
      expect(result.scenarios).toHaveLength(3);
    }
  });

  it('drops excluded zones and conduits, with their scenarios, out of the derivation', () => {
    const { cell, lab, labToCell, excluding } = plant();
    const result = assessmentRisk(
      excluding(
        { kind: 'zone', id: lab.id, reason: 'Run by the lab team, assessed separately' },
        { kind: 'conduit', id: labToCell.id, reason: 'Cabled out during the visit' },
      ),
    );
    expect(result.zones.map((z) => z.name)).toEqual(['Filling cell']);
    expect(result.conduits).toEqual([]);
    expect(result.scenarios.map((s) => s.target)).toEqual([{ kind: 'zone', zoneId: cell.id }]);
    expect(result.warnings).toEqual([]);
  });

  it('suggests nothing from an excluded asset', () => {
    const { plc, data, excluding } = plant();
    expect(suggestionsFor(data).map((s) => s.key.split(':')[0])).toEqual(['connection', 'open-conduit']);
    const keys = suggestionsFor(excluding({ kind: 'asset', id: plc.id, reason: 'Spare, not powered' }));
    expect(keys.map((s) => s.key.split(':')[0])).toEqual(['open-conduit']);
  });
});
