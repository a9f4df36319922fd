import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { CONFIDENCE_LABELS, decisionText } from './filters';

/** The inventory's asset detail: the advisories matched to this asset, worst first. */
export function AssetAdvisories({ assessmentId, assetId }: { assessmentId: string; assetId: string }) {
  const records = useLiveQuery(
    () => db().vulnerabilities.where({ assessmentId, assetId }).toArray(),
    [assessmentId, assetId],
  );
  const countermeasures = useLiveQuery(
    () => db().countermeasures.where({ assessmentId }).toArray(),
    [assessmentId],
  );
  const conduits = useLiveQuery(() => db().conduits.where({ assessmentId }).toArray(), [assessmentId]);
  if (records === undefined) return null;
  if (records.length === 0) {
    return <p>No published advisory matches this asset, or matching has not been run.</p>;
  }
  const targets = { countermeasures: countermeasures ?? [], conduits: conduits ?? [] };
  const sorted = [...records].sort(
    (a, b) => Number(b.kev) - Number(a.kev) || (b.cvss ?? -1) - (a.cvss ?? -1),
  );
  return (
    <table className="plain-table" aria-label="Advisories of this asset">
      <thead>
        <tr>
          <th>Advisory</th>
          <th>CVSS</th>
          <th>Status</th>
          <th>Confidence</th>
          <th>Why</th>
          <th>Decision</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((v) => (
          <tr key={v.id} data-testid="asset-advisory">
            <td>
              {v.advisoryId}
              {v.kev && <span className="badge badge-critical"> KEV</span>}
              <br />
              <small>{v.title}</small>
            </td>
            <td>{v.cvss?.toFixed(1) ?? '–'}</td>
            <td>
              {v.status === 'affected' ? 'Affected' : 'Possibly affected'}
              {v.stale && ' (no longer matches)'}
            </td>
            <td>{CONFIDENCE_LABELS[v.confidence]}</td>
            <td>
              <small>{v.why}</small>
            </td>
            <td>{decisionText(v, targets)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
