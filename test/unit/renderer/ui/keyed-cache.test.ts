import { describe, expect, it } from 'vitest';
import { KeyedCache } from '../../../../renderer/ui/keyed-cache';

describe('keyed cache', () => {
  it('rebuilds a value only when one of its inputs changed, and forgets keys that went away', () => {
    const cache = new KeyedCache<{ label: string }>();
    let builds = 0;
    const build = (item: { id: string; name: string }) => (builds++, { label: item.name.toUpperCase() });
    const a = { id: 'a', name: 'dmz' };
    const b = { id: 'b', name: 'cell' };
    const first = cache.update(
      [a, b],
      (i) => i.id,
      (i) => [i],
      build,
    );
    expect(builds).toBe(2);
    const second = cache.update(
      [a, b],
      (i) => i.id,
      (i) => [i],
      build,
    );
    expect(builds).toBe(2);
    expect(second.get('a')).toBe(first.get('a'));
    const renamed = { ...b, name: 'cell 2' };
    const third = cache.update(
      [a, renamed],
      (i) => i.id,
      (i) => [i],
      build,
    );
    expect(builds).toBe(3);
    expect(third.get('a')).toBe(first.get('a'));
    expect(third.get('b')).toEqual({ label: 'CELL 2' });
    cache.update(
      [renamed],
      (i) => i.id,
      (i) => [i],
      build,
    );
    cache.update(
      [a, renamed],
      (i) => i.id,
      (i) => [i],
      build,
    );
    expect(builds).toBe(4);
  });
});
