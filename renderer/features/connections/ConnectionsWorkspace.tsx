import { useState } from 'react';
import { hasHandedFiles } from '../../ui/file-handoff';
import { useNavIntent } from '../../ui/nav-intent';
import type { WorkspaceProps } from '../../ui/workspace';
import { CandidatesPanel } from './CandidatesPanel';
import { CaptureImport } from './CaptureImport';
import { FlowsTable } from './FlowsTable';
import { RegisterView } from './RegisterView';
import { useConnectionsData } from './use-connections-data';
import { ZoneMatrix } from './ZoneMatrix';
import './connections.css';

type Tab = 'register' | 'traffic';

/** The register of undocumented connections, and observed traffic reconciled against the conduits. */
export function ConnectionsWorkspace({ assessment }: WorkspaceProps) {
  const data = useConnectionsData(assessment.id);
  // Captures handed over from another workspace, or a link from the Overview, open the traffic view.
  const intent = useNavIntent('connections');
  const [tab, setTab] = useState<Tab>(() =>
    hasHandedFiles('capture') || intent.tab === 'traffic' ? 'traffic' : 'register',
  );
  const [pair, setPair] = useState<string | null>(null);
  if (!data) return <p className="hint">Loading…</p>;
  const openCandidates = data.candidates.filter((c) => c.triage === null).length;
  return (
    <div className="connections-workspace">
      <h1>Connections</h1>
      <div role="tablist" aria-label="Connections views" className="tabs">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'register'}
          onClick={() => setTab('register')}
        >
          Register ({data.connections.length})
        </button>
        <button type="button" role="tab" aria-selected={tab === 'traffic'} onClick={() => setTab('traffic')}>
          Traffic ({openCandidates} open candidates)
        </button>
      </div>
      {tab === 'register' ? (
        <RegisterView assessmentId={assessment.id} data={data} />
      ) : (
        <>
          <CaptureImport assessmentId={assessment.id} batches={data.batches} />
          <ZoneMatrix data={data} selected={pair} onSelect={setPair} />
          <CandidatesPanel assessmentId={assessment.id} data={data} />
          <FlowsTable data={data} pair={pair} onPairChange={setPair} />
        </>
      )}
    </div>
  );
}
