import { describe, expect, it } from 'vitest';
import { withConsequence } from '../../../../shared/risk';

describe("a zone's consequence ratings", () => {
  it('rates or unrates one impact category without touching the others or the original', () => {
    const stored = { safety: 4, production: 3 };
    expect(withConsequence(stored, 'environment', 2)).toEqual({ safety: 4, production: 3, environment: 2 });
    expect(withConsequence(stored, 'safety', null)).toEqual({ production: 3 });
    expect(withConsequence(undefined, 'safety', 5)).toEqual({ safety: 5 });
    expect(stored).toEqual({ safety: 4, production: 3 });
  });
});
