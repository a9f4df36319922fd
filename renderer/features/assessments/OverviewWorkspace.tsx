import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { CompletionCard } from './overview/CompletionCard';
import { DetailsCard } from './overview/DetailsCard';
import { CandidatesCard, FindingsCard, InventoryCard, NextStepCard } from './overview/StatusCards';
import { useOverview } from './overview/use-overview';
import './overview/overview.css';

/** The assessment at a glance: what is done, what is open, what to do next; and its details. */
function OverviewWorkspace({ assessment }: WorkspaceProps) {
  const { overview, error } = useOverview(assessment);
  return (
    <section className="workspace overview-workspace" aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      {error !== null ? (
        <p className="field-error" role="alert">
          The overview could not be computed: {error}
        </p>
      ) : overview === null ? (
        <p className="hint">Counting…</p>
      ) : (
        <div className="overview-grid" data-testid="overview-dashboard">
          <NextStepCard assessmentId={assessment.id} overview={overview} />
          <FindingsCard assessmentId={assessment.id} overview={overview} />
          <CandidatesCard assessmentId={assessment.id} overview={overview} />
          <InventoryCard assessmentId={assessment.id} overview={overview} />
          <CompletionCard assessmentId={assessment.id} overview={overview} />
        </div>
      )}
      <DetailsCard assessment={assessment} />
    </section>
  );
}

export const overviewWorkspace: WorkspaceDefinition = {
  id: 'overview',
  label: 'Overview',
  component: OverviewWorkspace,
};
