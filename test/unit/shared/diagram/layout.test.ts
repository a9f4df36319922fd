import { describe, expect, it } from 'vitest';
import { purdueReferenceTemplate, makeZone, autoLayout } from '../../../../shared/diagram';

describe('autoLayout (elkjs)', () => {
  it('stacks Purdue levels from top to bottom, whatever the starting positions', async () => {
    const { zones, conduits } = purdueReferenceTemplate('a1');
    // Scramble: everything on one row, the safety system first.
    const scrambled = [...zones].reverse().map((zone, i) => ({ ...zone, position: { x: i * 10, y: 0 } }));
    const other = makeZone('a1', { name: 'Unsorted', kind: 'other', position: { x: 0, y: 0 } });
    const positions = await autoLayout([...scrambled, other], conduits);
    expect(positions.size).toBe(zones.length + 1);
    const y = (name: string) => positions.get([...zones, other].find((z) => z.name === name)!.id)!.y;
    expect(y('Enterprise network')).toBe(y('Remote access'));
    expect(y('Enterprise network')).toBeLessThan(y('Industrial DMZ'));
    expect(y('Industrial DMZ')).toBeLessThan(y('Site operations'));
    expect(y('Site operations')).toBeLessThan(y('Cell/area A'));
    expect(y('Cell/area A')).toBe(y('Cell/area B'));
    expect(y('Cell/area B')).toBeLessThan(y('Safety system'));
    // A zone without a level goes below the rest.
    expect(y('Unsorted')).toBeGreaterThan(y('Safety system'));
    // No two zones overlap.
    const boxes = [...zones, other].map((z) => ({
      ...positions.get(z.id)!,
      w: z.size.width,
      h: z.size.height,
    }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    }
  });
});
