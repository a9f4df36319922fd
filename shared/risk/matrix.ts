import type { RiskMatrixShape } from './records/risk-method';

/** A level clamped onto a scale of `size` levels (1..size). */
export function clampLevel(level: number, size: number): number {
  return Math.min(Math.max(Math.round(level), 1), size);
}

/** The risk level (1 = lowest) of a likelihood and a consequence on the method's matrix. */
export function riskLevel(method: RiskMatrixShape, likelihood: number, consequence: number): number {
  const l = clampLevel(likelihood, method.likelihoodLevels.length);
  const c = clampLevel(consequence, method.consequenceLevels.length);
  return method.matrix[l - 1]?.[c - 1] ?? method.riskLevels.length;
}

export function isTolerable(method: RiskMatrixShape, level: number): boolean {
  return level <= method.tolerableLevel;
}

export function riskLabel(method: RiskMatrixShape, level: number): string {
  return method.riskLevels[level - 1]?.label ?? `level ${level}`;
}

export function likelihoodLabel(method: RiskMatrixShape, level: number): string {
  return method.likelihoodLevels[level - 1]?.label ?? `level ${level}`;
}

export function consequenceLabel(method: RiskMatrixShape, level: number): string {
  return method.consequenceLevels[level - 1]?.label ?? `level ${level}`;
}

/** The matrix with one cell (likelihood `likelihood`, consequence `consequence`, from 1) set to `level`. */
export function withMatrixCell(
  matrix: RiskMatrixShape['matrix'],
  likelihood: number,
  consequence: number,
  level: number,
): number[][] {
  return matrix.map((row, l) =>
    l === likelihood - 1 ? row.map((cell, c) => (c === consequence - 1 ? level : cell)) : [...row],
  );
}
