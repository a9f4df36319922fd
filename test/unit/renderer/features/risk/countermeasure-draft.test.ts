import { describe, expect, it } from 'vitest';
import {
  checkCountermeasure,
  countermeasureDraftOf,
  toggled,
  zonesOfScenarios,
} from '../../../../../renderer/features/risk/countermeasure-draft';
import { aConduit, aCountermeasure, aScenario, aZone } from '../../../../fixtures/builders';

/** A zone scenario and a conduit scenario: only the first names a zone. */
function scenarios() {
  const ops = aZone('Operations');
  const onZone = aScenario(ops, { source: 'insider', capability: 1, likelihood: 3 });
  const onConduit = aScenario(aConduit(ops, aZone('Filling cell')), {
    source: 'criminal',
    capability: 2,
    likelihood: 2,
  });
  return { ops, onZone, onConduit };
}

describe('the countermeasure editor draft', () => {
  it('adds a value once, at the end, and removes it', () => {
    expect(toggled(['firewall'], 'data-diode', true)).toEqual(['firewall', 'data-diode']);
    expect(toggled(['firewall', 'vpn'], 'firewall', true)).toEqual(['vpn', 'firewall']);
    expect(toggled(['firewall', 'vpn'], 'firewall', false)).toEqual(['vpn']);
  });

  it('finds the zones of the chosen zone scenarios, leaving out conduit scenarios', () => {
    const { ops, onZone, onConduit } = scenarios();
    expect(zonesOfScenarios([onZone, onConduit], [onZone.id, onConduit.id])).toEqual(new Set([ops.id]));
    expect(zonesOfScenarios([onZone, onConduit], [onConduit.id])).toEqual(new Set());
    expect(zonesOfScenarios([onZone, onConduit], [])).toEqual(new Set());
  });

  it('reads the requirement ids and the due date, and refuses what is no SR or RE id by name', () => {
    const { onZone } = scenarios();
    const countermeasure = aCountermeasure({ title: 'Allow-listing', scenarioIds: [onZone.id] });
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
