import type { RiskResult } from '../../../shared/risk';
import { vector } from './labels';

/**
 * Each conduit's SL-T: what its scenarios derive, the floor its two zones set (the lower of their
 * SL-Ts), and the level it is held to, with the rationale the report prints.
 */
export function ConduitSltTable({ conduits }: { conduits: RiskResult['conduits'] }) {
  if (conduits.length === 0) return null;
  return (
    <section aria-labelledby="risk-conduit-slt">
      <h2 id="risk-conduit-slt">Conduits</h2>
      <table className="risk-table">
        <thead>
          <tr>
            <th>Conduit</th>
            <th>Derived from its scenarios</th>
            <th>Floor from its zones</th>
            <th>SL-T and rationale</th>
          </tr>
        </thead>
        <tbody>
          {conduits.map((c) => (
            <tr key={c.conduitId} data-testid="risk-conduit">
              <td>{c.name}</td>
              <td data-testid="risk-conduit-derived">
                {c.derived.scenarioCount > 0 ? vector(c.derived.slt) : 'no scenarios'}
              </td>
              <td data-testid="risk-conduit-floor">{vector(c.floor)}</td>
              <td>
                <strong data-testid="risk-conduit-slt">{vector(c.slt)}</strong>
                <br />
                <small>{c.rationale}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
