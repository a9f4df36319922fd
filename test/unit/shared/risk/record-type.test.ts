import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CountermeasureRecord,
  defineRecordType,
  migrateRecord,
  RiskMethodRecord,
  SystemUnderConsiderationRecord,
  ThreatScenarioRecord,
  ZoneRiskRecord,
} from '../../../../shared/risk';

describe('record types', () => {
  it('chains one step per version from any older version', () => {
    const note = defineRecordType({
      typeName: 'note',
      schema: z.object({ text: z.string(), tags: z.array(z.string()), pinned: z.boolean() }),
      version: 3,
      steps: {
        2: (r) => ({ ...r, tags: [] }),
        3: (r) => ({ ...r, pinned: false }),
      },
    });
    expect(migrateRecord(note, { text: 'a' }, 1)).toEqual({ text: 'a', tags: [], pinned: false });
    expect(migrateRecord(note, { text: 'b', tags: ['x'] }, 2)).toEqual({
      text: 'b',
      tags: ['x'],
      pinned: false,
    });
    expect(() => migrateRecord(note, {}, 4)).toThrow(
      'note: written at version 4, newer than this build reads (3)',
    );
  });

  it('refuses a type that misses a step', () => {
    expect(() => defineRecordType({ typeName: 'gap', schema: z.object({}), version: 2, steps: {} })).toThrow(
      'gap: no migration step to version 2',
    );
  });

  it('names every risk record type once', () => {
    const names = [
      RiskMethodRecord,
      SystemUnderConsiderationRecord,
      ZoneRiskRecord,
      ThreatScenarioRecord,
      CountermeasureRecord,
    ].map((t) => t.typeName);
    expect(new Set(names).size).toBe(5);
  });
});
