import { riskLabel, type RiskMatrixShape, type RiskResult } from '../../../shared/risk';

export function RiskBadge({ method, level }: { method: RiskMatrixShape; level: number }) {
  const over = level > method.tolerableLevel;
  return (
    <span
      className={`badge ${over ? 'badge-danger' : 'badge-success'}`}
      title={over ? 'Above the tolerable line' : 'Tolerable'}
    >
      {riskLabel(method, level)}
      {over ? ' ▲' : ''}
    </span>
  );
}

export const vector = (levels: readonly number[]) => `{${levels.join(',')}}`;

export type ScenarioRisks = RiskResult['scenarios'];
