import { describe, expect, it } from 'vitest';
import { defaultRiskMethodFields, withMatrixCell } from '../../../../shared/risk';

describe('the risk matrix', () => {
  it('sets one matrix cell by likelihood and consequence, counted from 1', () => {
    const { matrix } = defaultRiskMethodFields();
    const next = withMatrixCell(matrix, 2, 3, 4);
    expect(next[1]![2]).toBe(4);
    next.forEach((row, l) =>
      row.forEach((cell, c) => {
        if (l !== 1 || c !== 2) expect(cell).toBe(matrix[l]![c]);
      }),
    );
    expect(matrix[1]![2]).not.toBe(4);
  });
});
