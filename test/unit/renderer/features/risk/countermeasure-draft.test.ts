import { describe, expect, it } from 'vitest';
import {
  checkCountermeasure,
  countermeasureDraftOf,
  toggled,
  zonesOfScenarios,
} from '../../../../../renderer/features/risk/countermeasure-draft';
import { aConduit, aCountermeasure, anAssessmentData, aScenario, aZone } from '../../../../fixtures/builders';

function plant() {
  const ops = aZone('Operations');
  const cell = aZone('Filling cell');
  const opsToCell = aConduit(ops, cell);
  const usb = aScenario(ops, { source: 'insider', capability: 1, likelihood: 3, techniques: ['T0847'] });
  const onConduit = aScenario(opsToCell, { source: 'criminal', capability: 2, likelihood: 2 });
  const data = anAssessmentData({
    zones: [ops, cell],
    conduits: [opsToCell],
    threatScenarios: [usb, onConduit],
  });
  return { data, ops, cell, opsToCell, usb, onConduit };
}

describe('the countermeasure editor draft', () => {
  it('adds a value once, at the end, and removes it', () => {
    expect(toggled(['firewall'], 'data-diode', true)).toEqual(['firewall', 'data-diode']);
    expect(toggled(['firewall', 'vpn'], 'firewall', true)).toEqual(['vpn', 'firewall']);
    expect(toggled(['firewall', 'vpn'], 'firewall', false)).toEqual(['vpn']);
  });

  it('finds the zones of the chosen zone scenarios, leaving out conduit scenarios', () => {
    const { data, ops, usb, onConduit } = plant();
    expect(zonesOfScenarios(data.threatScenarios, [usb.id, onConduit.id])).toEqual(new Set([ops.id]));
    expect(zonesOfScenarios(data.threatScenarios, [onConduit.id])).toEqual(new Set());
  });

  it('reads the requirement ids and the due date, and refuses what is no SR or RE id by name', () => {
    const { usb } = plant();
    const countermeasure = aCountermeasure({ title: 'Allow-listing', scenarioIds: [usb.id] });
    const draft = countermeasureDraftOf(countermeasure);
    const { record } = checkCountermeasure(countermeasure, {
      ...draft,
      items: 'sr 3.2, SR 5.1 RE 1',
      dueDate: '',
    });
    expect(record?.itemIds).toEqual(['SR 3.2', 'SR 5.1 RE 1']);
    expect(record?.dueDate).toBeNull();
    expect(checkCountermeasure(countermeasure, { ...draft, items: 'SR 3.2, firewall' }).errors).toEqual({
      itemIds: 'Not a requirement id: FIREWALL (write them like SR 1.13 or SR 5.1 RE 1)',
    });
  });
});
