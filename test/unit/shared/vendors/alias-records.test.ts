import { describe, expect, it } from 'vitest';
import { aliasId, foldAliasKeys } from '../../../../shared/vendors';

const alias = (id: string, spelling: string, canonical: string, updatedAt: string) => ({
  id,
  kind: 'type' as const,
  spelling,
  canonical,
  updatedAt,
});

describe('alias keys', () => {
  it('ids a spelling by its kind and today’s key', () => {
    expect(aliasId({ kind: 'type', spelling: 'EngineeringStation' })).toBe('type:engineering station');
    expect(aliasId({ kind: 'vendor', spelling: 'Siemens Mobility GmbH' })).toBe('vendor:siemens mobility');
  });

  it('re-keys stale ids and keeps the alias saved last of those that meet, in either order', () => {
    const stale = alias(
      'type:engineeringstation',
      'EngineeringStation',
      'Engineering workstation',
      '2026-03-02T08:20:00.000Z',
    );
    const later = alias('type:engineering station', 'Engineering Station', 'EWS', '2026-03-05T10:00:00.000Z');
    const other = alias('type:ioModule', 'IOModule', 'I/O module', '2026-03-01T00:00:00.000Z');
    const expected = [{ ...later }, { ...other, id: 'type:io module' }];
    expect(foldAliasKeys([stale, later, other])).toEqual(expected);
    expect(foldAliasKeys([later, stale, other])).toEqual(expected);
    expect(foldAliasKeys([])).toEqual([]);
  });
});
