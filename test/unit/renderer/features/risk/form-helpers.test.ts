import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, splitList } from '../../../../../renderer/features/risk/field-errors';
import { parseItemIds } from '../../../../../renderer/features/risk/item-ids';
import { countermeasureSchema, threatScenarioSchema } from '../../../../../shared/risk';

const base = {
  id: '0190a0b4-1c3e-7b2a-9f00-000000000001',
  assessmentId: '0190a0b4-1c3e-7b2a-9f00-000000000002',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

describe('risk editor form helpers', () => {
  it('turns a scenario refused by its schema into one message per field, in words', () => {
    const parsed = threatScenarioSchema.safeParse({
      ...base,
      target: { kind: 'zone', zoneId: base.assessmentId },
      title: '   ',
      source: 'criminal',
      capability: 3,
      entryVector: { kind: 'wireless' },
      techniques: ['T886'],
      likelihood: 3,
    });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!);
    expect(errors).toEqual({
      title: 'A scenario needs a title',
      techniques: 'An ATT&CK technique id looks like T0886',
    });
    expect(Object.values(errors).join(' ')).not.toMatch(/\btechniques\.0\b|\[0\]/);
  });

  it('puts a refinement on the field it names', () => {
    const parsed = countermeasureSchema.safeParse({
      ...base,
      title: 'Jump host',
      kind: 'existing',
      status: 'rejected',
    });
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      status: 'An existing countermeasure is in place: it cannot be rejected (delete it instead)',
    });
  });

  it('normalises requirement ids and lists the ones that are none', () => {
    expect(parseItemIds('sr 1.13; SR  5.1 re 1\nSR 1.13, SR 99, FR1')).toEqual({
      ids: ['SR 1.13', 'SR 5.1 RE 1', 'SR 99', 'FR1'],
      unknown: ['SR 99', 'FR1'],
    });
    expect(splitList('t0883, T0822  t0886;')).toEqual(['T0883', 'T0822', 'T0886']);
  });
});
