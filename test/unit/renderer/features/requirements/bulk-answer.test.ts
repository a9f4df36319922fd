import { describe, expect, it } from 'vitest';
import { catalogueOf } from '../../../../../shared/catalogue';
import {
  bulkAnswerProblem,
  toggledIn,
  zonesRequiring,
} from '../../../../../renderer/features/requirements/bulk-answer';
import { aZone } from '../../../../fixtures/builders';

describe('applying one answer to several zones', () => {
  const { catalogue } = catalogueOf(undefined);
  const item = (id: string) => {
    const found = catalogue.items.find((i) => i.id === id);
    if (!found) throw new Error(`no ${id} in the catalogue`);
    return found;
  };

  it('offers the zones whose SL-T calls for the item', () => {
    const low = aZone('Enterprise', { slt: { base: 1, overrides: {} } });
    const high = aZone('Safety', { slt: { base: 3, overrides: {} } });
    const fr1Only = aZone('Cell', { slt: { base: 1, overrides: { FR1: 3 } } });
    const zones = [low, high, fr1Only];
    expect(zonesRequiring(zones, item('SR 1.1')).map((z) => z.name)).toEqual([
      'Enterprise',
      'Safety',
      'Cell',
    ]);
    const fr1Re = item('SR 1.1 RE 2');
    expect(fr1Re.minLevel).toBe(3);
    expect(zonesRequiring(zones, fr1Re).map((z) => z.name)).toEqual(['Safety', 'Cell']);
  });

  it('ticks and unticks a zone without changing the set it was given', () => {
    const chosen = new Set(['a']);
    expect([...toggledIn(chosen, 'b')]).toEqual(['a', 'b']);
    expect([...toggledIn(chosen, 'a')]).toEqual([]);
    expect([...chosen]).toEqual(['a']);
  });

  it('needs a zone first, then the reason or the compensating control', () => {
    expect(bulkAnswerProblem('met', '', 0)).toBe('Choose at least one zone.');
    expect(bulkAnswerProblem('met', '', 2)).toBeNull();
    expect(bulkAnswerProblem('not-applicable', '  ', 1)).toBe('Give the reason.');
    expect(bulkAnswerProblem('compensating', '', 1)).toBe('Describe the compensating control.');
    expect(bulkAnswerProblem('compensating', 'Jump host with MFA', 1)).toBeNull();
  });
});
