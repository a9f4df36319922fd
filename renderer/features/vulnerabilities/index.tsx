import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { Asset, Vulnerability } from '../../../shared/model';
import { db } from '../../db';
import { addCountermeasure } from '../../db/risk';
import { decideVulnerabilities, listVulnerabilities } from '../../db/vulnerabilities';
import { useNavIntent } from '../../ui/nav-intent';
import { notify } from '../../ui/notices';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { plural } from '../../ui/format';
import { AssetAdvisories } from './AssetAdvisories';
import { DecisionDialog } from './DecisionDialog';
import { FilterBar } from './FilterBar';
import { PackPanel } from './PackPanel';
import { filterFromIntent, passes, type Filter, type View } from './filters';
import { useMatching } from './useMatching';
import { VulnerabilityGroup } from './VulnerabilityGroup';
import './vulnerabilities.css';

/** The assessment's records the workspace reads, live. */
function useVulnerabilityData(assessmentId: string) {
  const records = useLiveQuery(() => listVulnerabilities(assessmentId), [assessmentId]);
  const assets = useLiveQuery(() => db().assets.where({ assessmentId }).toArray(), [assessmentId]);
  const zones = useLiveQuery(() => db().zones.where({ assessmentId }).toArray(), [assessmentId]);
  const conduits = useLiveQuery(() => db().conduits.where({ assessmentId }).toArray(), [assessmentId]);
  const countermeasures = useLiveQuery(
    () => db().countermeasures.where({ assessmentId }).toArray(),
    [assessmentId],
  );
  const assetById = useMemo(() => new Map((assets ?? []).map((a) => [a.id, a])), [assets]);
  const zoneName = useMemo(() => new Map((zones ?? []).map((z) => [z.id, z.name])), [zones]);
  const conduitOptions = (conduits ?? []).map((c) => ({
    id: c.id,
    name: c.name || `${zoneName.get(c.fromZoneId) ?? '?'} – ${zoneName.get(c.toZoneId) ?? '?'}`,
  }));
  const targets = { countermeasures: countermeasures ?? [], conduits: conduitOptions };
  return { records, assets, assetById, zoneName, targets };
}

function groupRecords(
  records: readonly Vulnerability[],
  view: View,
  assetById: ReadonlyMap<string, Asset>,
  zoneName: ReadonlyMap<string, string>,
): Map<string, Vulnerability[]> {
  const groupOf = (v: Vulnerability): string => {
    const asset = assetById.get(v.assetId);
    if (view === 'advisory') return `${v.advisoryId} · ${v.title}`;
    if (view === 'asset') return asset ? `${asset.name} ${asset.ips[0] ?? ''}`.trim() : v.assetId;
    return asset?.zoneId ? (zoneName.get(asset.zoneId) ?? 'Unknown zone') : 'Not placed in a zone';
  };
  const groups = new Map<string, Vulnerability[]>();
  for (const v of [...records].sort((a, b) => (b.cvss ?? -1) - (a.cvss ?? -1))) {
    const key = groupOf(v);
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  }
  return groups;
}

function Summary({ records }: { records: Vulnerability[] | undefined }) {
  return (
    <span data-testid="vulnerabilities-summary">
      {records === undefined
        ? ''
        : `${plural(records.length, 'match')} · ${records.filter((v) => v.kev).length} KEV · ${records.filter((v) => v.decision === null).length} undecided`}
    </span>
  );
}

function Header({
  records,
  view,
  onView,
}: {
  records?: Vulnerability[];
  view: View;
  onView: (v: View) => void;
}) {
  return (
    <div className="findings-header">
      <h2 id="vulnerabilities-title">Vulnerabilities</h2>
      <Summary records={records} />
      <div className="spacer" />
      <div className="segmented" role="group" aria-label="View">
        {(['advisory', 'asset', 'zone'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => onView(v)}>
            By {v}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Runs the matching, with its progress while it runs. */
function MatchButton({ matching }: { matching: ReturnType<typeof useMatching> }) {
  const { progress, run } = matching;
  return (
    <>
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
    </>
  );
}

/** The filters, and the decision over the matches selected: one row at 1280 px. */
function Toolbar({
  filter,
  onFilter,
  selected,
  onDecide,
}: {
  filter: Filter;
  onFilter: (f: Filter) => void;
  selected: number;
  onDecide: () => void;
}) {
  return (
    <div className="toolbar vulnerability-toolbar">
      <div className="vulnerability-filters" role="search" aria-label="Filter matches">
        <FilterBar filter={filter} onChange={onFilter} />
      </div>
      <div className="spacer" />
      <button type="button" className="button" disabled={selected === 0} onClick={onDecide}>
        Decide for {selected} selected
      </button>
    </div>
  );
}

function useSelection() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  return { selected, toggle, clear: () => setSelected(new Set()) };
}

function VulnerabilitiesWorkspace({ assessment }: WorkspaceProps) {
  const assessmentId = assessment.id;
  const { records, assets, assetById, zoneName, targets } = useVulnerabilityData(assessmentId);
  const matching = useMatching(assessmentId, assets);
  const [view, setView] = useState<View>('advisory');
  const intent = useNavIntent('vulnerabilities');
  const [filter, setFilter] = useState<Filter>(() => filterFromIntent(intent));
  const { selected, toggle, clear } = useSelection();
  const [deciding, setDeciding] = useState(false);
  const shown = (records ?? []).filter((v) => passes(v, filter, assetById.get(v.assetId)?.name ?? null));
  const groups = groupRecords(shown, view, assetById, zoneName);
  const createCountermeasure = async (title: string, conduitId: string | null) => {
    const chosen = (records ?? []).filter((v) => selected.has(v.id));
    const created = await addCountermeasure(assessmentId, {
      title,
      kind: 'recommended',
      description: `Mitigates ${[...new Set(chosen.map((v) => v.advisoryId))].join(', ')} (decided in the Vulnerabilities workspace).`,
      conduitIds: conduitId ? [conduitId] : [],
    });
    return created.id;
  };
  return (
    <section className="workspace vulnerabilities-workspace" aria-labelledby="vulnerabilities-title">
      <Header records={records} view={view} onView={setView} />
      <PackPanel onImported={() => void matching.run()}>
        <MatchButton matching={matching} />
      </PackPanel>
      <Toolbar
        filter={filter}
        onFilter={setFilter}
        selected={selected.size}
        onDecide={() => setDeciding(true)}
      />
      {records !== undefined && records.length === 0 && (
        <p className="empty">No advisory matches yet: run the matching once the inventory is imported.</p>
      )}
      {[...groups].map(([group, list]) => (
        <VulnerabilityGroup
          key={group}
          group={group}
          list={list}
          assetById={assetById}
          selected={selected}
          onToggle={toggle}
          targets={targets}
        />
      ))}
      {deciding && (
        <DecisionDialog
          count={selected.size}
          countermeasures={targets.countermeasures.map((c) => ({ id: c.id, label: c.title }))}
          conduits={targets.conduits.map((c) => ({ id: c.id, label: c.name }))}
          onClose={() => setDeciding(false)}
          createCountermeasure={createCountermeasure}
          onDecide={(input) => {
            void decideVulnerabilities([...selected], input).then(
              () => {
                setDeciding(false);
                clear();
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
  assetDetail: { title: 'Advisories', Section: AssetAdvisories },
};
