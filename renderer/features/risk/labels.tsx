import { conduitLabel, riskLabel, type RiskMatrixShape, type RiskResult } from '../../../shared/risk';
import type { AssessmentData } from '../../../shared/model';

export function targetNames(data: Pick<AssessmentData, 'zones' | 'conduits'>) {
  const zones = new Map(data.zones.map((z) => [z.id, z.name]));
  const conduits = new Map(data.conduits.map((c) => [c.id, `Conduit ${conduitLabel(c, zones)}`]));
  return (target: { kind: 'zone'; zoneId: string } | { kind: 'conduit'; conduitId: string }) =>
    target.kind === 'zone'
      ? (zones.get(target.zoneId) ?? 'deleted zone')
      : (conduits.get(target.conduitId) ?? 'deleted conduit');
}

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
