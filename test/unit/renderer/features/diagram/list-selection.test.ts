import { describe, expect, it } from 'vitest';
import { clickSelection } from '../../../../../renderer/features/diagram/list-selection';

const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const plain = { shift: false, toggle: false };

describe('clickSelection', () => {
  it('a plain click selects only that row and anchors there', () => {
    expect(clickSelection(['a', 'b'], rows, 0, 2, plain)).toEqual({ selected: new Set(['c']), anchor: 2 });
  });

  it('Ctrl/Cmd adds a row, and takes a selected one out keeping the anchor', () => {
    expect(clickSelection(['a'], rows, 0, 3, { shift: false, toggle: true })).toEqual({
      selected: new Set(['a', 'd']),
      anchor: 3,
    });
    expect(clickSelection(['a', 'd'], rows, 3, 0, { shift: false, toggle: true })).toEqual({
      selected: new Set(['d']),
      anchor: 3,
    });
  });

  it('Shift adds the range from the anchor, either way, to what is kept', () => {
    expect(clickSelection(['e'], rows, 3, 1, { shift: true, toggle: false }).selected).toEqual(
      new Set(['e', 'b', 'c', 'd']),
    );
    // Without an anchor yet, Shift-click selects the row and anchors there.
    expect(clickSelection([], rows, null, 1, { shift: true, toggle: false })).toEqual({
      selected: new Set(['b']),
      anchor: 1,
    });
  });
});
