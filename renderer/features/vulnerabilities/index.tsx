import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { severityFromCvss } from '../../../shared/findings';
import {
  SEVERITIES,
  VULNERABILITY_DECISION_LABELS,
  VULNERABILITY_DECISIONS,
  type DecisionInput,
  type Severity,
  type Vulnerability,
  type VulnerabilityDecision,
} from '../../../shared/model';
import { db } from '../../db';
import { decideVulnerabilities, listVulnerabilities, storeMatches } from '../../db/vulnerabilities';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { bundledAdvisories, matchInWorker } from './match-client';
import { formatDate, plural } from '../../ui/format';

type View = 'advisory' | 'asset' | 'zone';
interface Filter {
  severity: Severity | 'all';
  kev: 'all' | 'kev';
  decision: VulnerabilityDecision | 'undecided' | 'all';
  confidence: Vulnerability['confidence'] | 'all';
}

function passes(v: Vulnerability, f: Filter): boolean {
  if (f.severity !== 'all' && severityFromCvss(v.cvss) !== f.severity) return false;
  if (f.kev === 'kev' && !v.kev) return false;
  if (f.decision === 'undecided' && v.decision !== null) return false;
  if (f.decision !== 'all' && f.decision !== 'undecided' && v.decision !== f.decision) return false;
  return f.confidence === 'all' || v.confidence === f.confidence;
}

function decisionText(v: Vulnerability): string {
  if (!v.decision) return 'Not decided';
  if (v.decision === 'accept' && v.acceptance) {
    return `Accepted: ${v.acceptance.reason} (${v.acceptance.owner}, review ${formatDate(v.acceptance.reviewDate)})`;
  }
  if (v.decision === 'mitigate' && v.mitigation) return `Mitigated: ${v.mitigation.control}`;
  return VULNERABILITY_DECISION_LABELS[v.decision];
}

function DecisionDialog({
  count,
  conduits,
  onClose,
  onDecide,
}: {
  count: number;
  conduits: Array<{ id: string; label: string }>;
  onClose: () => void;
  onDecide: (input: DecisionInput) => void;
}) {
  const [decision, setDecision] = useState<VulnerabilityDecision>('patch-now');
  const [conduitId, setConduitId] = useState('');
  const [control, setControl] = useState('');
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const ready =
    decision === 'patch-now' ||
    (decision === 'mitigate' && control.trim() !== '') ||
    (decision === 'accept' &&
      reason.trim() !== '' &&
      owner.trim() !== '' &&
      /^\d{4}-\d{2}-\d{2}$/.test(reviewDate));
  const submit = () =>
    onDecide(
      decision === 'patch-now'
        ? { decision }
        : decision === 'mitigate'
          ? { decision, mitigation: { conduitId: conduitId || null, control } }
          : { decision, acceptance: { reason, owner, reviewDate } },
    );
  return (
    <Modal title={`Decide for ${count} ${count === 1 ? 'match' : 'matches'}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) submit();
        }}
      >
        <fieldset>
          <legend>Decision</legend>
          {VULNERABILITY_DECISIONS.map((d) => (
            <label key={d}>
              <input type="radio" name="decision" checked={decision === d} onChange={() => setDecision(d)} />{' '}
              {VULNERABILITY_DECISION_LABELS[d]}
            </label>
          ))}
        </fieldset>
        {decision === 'mitigate' && (
          <>
            <label>
              Conduit whose control mitigates it
              <select value={conduitId} onChange={(e) => setConduitId(e.target.value)}>
                <option value="">No conduit</option>
                {conduits.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Control
              <input value={control} onChange={(e) => setControl(e.target.value)} />
            </label>
          </>
        )}
        {decision === 'accept' && (
          <>
            <label>
              Reason
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <label>
              Owner
              <input value={owner} onChange={(e) => setOwner(e.target.value)} />
            </label>
            <label>
              Review date
              <input type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />
            </label>
          </>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!ready}>
            Save decision
          </button>
        </div>
      </form>
    </Modal>
  );
}

function VulnerabilitiesWorkspace({ assessment }: WorkspaceProps) {
  const assessmentId = assessment.id;
  const records = useLiveQuery(() => listVulnerabilities(assessmentId), [assessmentId]);
  const assets = useLiveQuery(() => db().assets.where({ assessmentId }).toArray(), [assessmentId]);
  const zones = useLiveQuery(() => db().zones.where({ assessmentId }).toArray(), [assessmentId]);
  const conduits = useLiveQuery(() => db().conduits.where({ assessmentId }).toArray(), [assessmentId]);
  const [view, setView] = useState<View>('advisory');
  const [filter, setFilter] = useState<Filter>({
    severity: 'all',
    kev: 'all',
    decision: 'all',
    confidence: 'all',
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [deciding, setDeciding] = useState(false);

  const assetById = useMemo(() => new Map((assets ?? []).map((a) => [a.id, a])), [assets]);
  const zoneName = useMemo(() => new Map((zones ?? []).map((z) => [z.id, z.name])), [zones]);
  const shown = (records ?? []).filter((v) => passes(v, filter));
  const groupOf = (v: Vulnerability): string => {
    const asset = assetById.get(v.assetId);
    if (view === 'advisory') return `${v.advisoryId} · ${v.title}`;
    if (view === 'asset') return asset ? `${asset.name} ${asset.ips[0] ?? ''}`.trim() : v.assetId;
    return asset?.zoneId ? (zoneName.get(asset.zoneId) ?? 'Unknown zone') : 'Not placed in a zone';
  };
  const groups = new Map<string, Vulnerability[]>();
  for (const v of [...shown].sort((a, b) => (b.cvss ?? -1) - (a.cvss ?? -1))) {
    const key = groupOf(v);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }

  const run = async () => {
    const list = (assets ?? []).map((a) => ({
      id: a.id,
      vendor: a.vendor,
      model: a.model,
      firmware: a.firmware,
    }));
    setProgress({ done: 0, total: list.length });
    try {
      const source = await bundledAdvisories();
      const matches = await matchInWorker(list, source, (done, total) => setProgress({ done, total })).result;
      if (matches) {
        const result = await storeMatches(assessmentId, matches);
        notify(
          'success',
          `${plural(result.records.length - result.stale, 'match')} on ${plural(matches.size, 'asset')}`,
          [
            `${result.added} new, ${result.refreshed} seen again, ${result.stale} decisions no longer match (kept, marked stale)`,
          ],
        );
      }
    } catch (error) {
      notify('error', 'Matching failed', [(error as Error).message]);
    } finally {
      setProgress(null);
    }
  };

  const conduitOptions = (conduits ?? []).map((c) => ({
    id: c.id,
    label: c.name || `${zoneName.get(c.fromZoneId) ?? '?'} – ${zoneName.get(c.toZoneId) ?? '?'}`,
  }));
  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });

  return (
    <section className="workspace vulnerabilities-workspace" aria-labelledby="vulnerabilities-title">
      <div className="findings-header">
        <h2 id="vulnerabilities-title">Vulnerabilities</h2>
        <span data-testid="vulnerabilities-summary">
          {records === undefined
            ? ''
            : `${plural(records.length, 'match')} · ${records.filter((v) => v.kev).length} KEV · ${records.filter((v) => v.decision === null).length} undecided`}
        </span>
        <div className="spacer" />
        <div className="segmented" role="group" aria-label="View">
          {(['advisory', 'asset', 'zone'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              By {v}
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          disabled={progress !== null}
          onClick={() => void run()}
        >
          Match against the advisories
        </button>
        {progress && (
          <progress aria-label="Matching" max={Math.max(1, progress.total)} value={progress.done}>
            {progress.done} of {progress.total}
          </progress>
        )}
        <label>
          Severity{' '}
          <select
            value={filter.severity}
            onChange={(e) => setFilter({ ...filter, severity: e.target.value as Filter['severity'] })}
          >
            <option value="all">All</option>
            {SEVERITIES.slice(0, 4).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={filter.kev === 'kev'}
            onChange={(e) => setFilter({ ...filter, kev: e.target.checked ? 'kev' : 'all' })}
          />{' '}
          KEV only
        </label>
        <label>
          Decision{' '}
          <select
            value={filter.decision}
            onChange={(e) => setFilter({ ...filter, decision: e.target.value as Filter['decision'] })}
          >
            <option value="all">All</option>
            <option value="undecided">Not decided</option>
            {VULNERABILITY_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {VULNERABILITY_DECISION_LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Confidence{' '}
          <select
            value={filter.confidence}
            onChange={(e) => setFilter({ ...filter, confidence: e.target.value as Filter['confidence'] })}
          >
            <option value="all">All</option>
            <option value="version-in-range">Version in range</option>
            <option value="version-unknown">Version unknown</option>
            <option value="name-only">Name only</option>
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={selected.size === 0}
          onClick={() => setDeciding(true)}
        >
          Decide for {selected.size} selected
        </button>
      </div>
      {records !== undefined && records.length === 0 && (
        <p className="empty">No advisory matches yet: run the matching once the inventory is imported.</p>
      )}
      {[...groups].map(([group, list]) => (
        <section key={group} className="vulnerability-group" aria-label={group}>
          <h3>
            <label>
              <input
                type="checkbox"
                aria-label={`Select all of ${group}`}
                checked={list.every((v) => selected.has(v.id))}
                onChange={(e) =>
                  toggle(
                    list.map((v) => v.id),
                    e.target.checked,
                  )
                }
              />{' '}
              {group} ({list.length})
            </label>
          </h3>
          <table className="table">
            <thead>
              <tr>
                <th />
                <th>Advisory</th>
                <th>Asset</th>
                <th>CVSS</th>
                <th>Status</th>
                <th>Why</th>
                <th>Remediation</th>
                <th>Decision</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => {
                const asset = assetById.get(v.assetId);
                return (
                  <tr key={v.id} data-testid="vulnerability-row">
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${v.advisoryId} on ${asset?.name ?? v.assetId}`}
                        checked={selected.has(v.id)}
                        onChange={(e) => toggle([v.id], e.target.checked)}
                      />
                    </td>
                    <td>
                      {v.advisoryId}
                      {v.kev && <span className="badge badge-critical"> KEV</span>}
                      <br />
                      <small>{v.cves.join(', ')}</small>
                    </td>
                    <td>
                      {asset ? `${asset.name} · ${asset.model ?? ''} ${asset.firmware ?? ''}` : v.assetId}
                    </td>
                    <td>{v.cvss?.toFixed(1) ?? '–'}</td>
                    <td>
                      {v.status === 'affected' ? 'Affected' : 'Possibly affected'}
                      {v.stale && ' (no longer matches)'}
                    </td>
                    <td>
                      <small>{v.why}</small>
                    </td>
                    <td>
                      <small>{v.remediation}</small>
                    </td>
                    <td data-testid="vulnerability-decision">{decisionText(v)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
      {deciding && (
        <DecisionDialog
          count={selected.size}
          conduits={conduitOptions}
          onClose={() => setDeciding(false)}
          onDecide={(input) => {
            void decideVulnerabilities([...selected], input).then(
              () => {
                setDeciding(false);
                setSelected(new Set());
              },
              (error: Error) => notify('error', 'The decision was not saved', [error.message]),
            );
          }}
        />
      )}
    </section>
  );
}

export const vulnerabilitiesWorkspace: WorkspaceDefinition = {
  id: 'vulnerabilities',
  label: 'Vulnerabilities',
  component: VulnerabilitiesWorkspace,
};
