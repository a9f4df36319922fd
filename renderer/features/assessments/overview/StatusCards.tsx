import { SEVERITIES } from '../../../../shared/model';
import { CANDIDATE_KIND_LABELS } from '../../../../shared/network';
import { plural, type Overview } from '../../../../shared/findings';
import { WorkspaceLink } from './WorkspaceLink';

const SEVERITY_LABELS = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

interface Props {
  assessmentId: string;
  overview: Overview;
}

/** The next suggested step, as one prominent link. */
export function NextStepCard({ assessmentId, overview }: Props) {
  const step = overview.nextStep;
  return (
    <section className="overview-card overview-next" aria-labelledby="next-step-title">
      <h2 id="next-step-title">Next step</h2>
      <WorkspaceLink
        assessmentId={assessmentId}
        workspace={step.workspace}
        focus={step.focus}
        className="overview-next-link"
        testId="next-step"
      >
        {step.title} →
      </WorkspaceLink>
      <p className="hint">{step.detail}</p>
    </section>
  );
}

export function FindingsCard({ assessmentId, overview }: Props) {
  const total = SEVERITIES.reduce((sum, s) => sum + overview.openFindings[s], 0);
  return (
    <section className="overview-card" aria-labelledby="open-findings-title">
      <h2 id="open-findings-title">Open findings</h2>
      <WorkspaceLink
        assessmentId={assessmentId}
        workspace="findings"
        className="overview-figure"
        testId="open-findings"
      >
        {plural(total, 'open finding')}
      </WorkspaceLink>
      <ul className="overview-list">
        {SEVERITIES.filter((s) => overview.openFindings[s] > 0).map((s) => (
          <li key={s}>
            <WorkspaceLink
              assessmentId={assessmentId}
              workspace="findings"
              focus={{ severity: s }}
              testId={`findings-${s}`}
            >
              <span className={`severity severity-${s}`}>{SEVERITY_LABELS[s]}</span>{' '}
              {overview.openFindings[s]}
            </WorkspaceLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CandidatesCard({ assessmentId, overview }: Props) {
  const { untriaged, total, byKind } = overview.candidates;
  return (
    <section className="overview-card" aria-labelledby="untriaged-title">
      <h2 id="untriaged-title">Traffic candidates</h2>
      <WorkspaceLink
        assessmentId={assessmentId}
        workspace="connections"
        focus={{ tab: 'traffic' }}
        className="overview-figure"
        testId="untriaged-candidates"
      >
        {untriaged} untriaged of {total}
      </WorkspaceLink>
      <ul className="overview-list">
        {(Object.keys(byKind) as (keyof typeof byKind)[])
          .filter((k) => byKind[k] > 0)
          .map((k) => (
            <li key={k}>
              {CANDIDATE_KIND_LABELS[k]}: {byKind[k]}
            </li>
          ))}
      </ul>
    </section>
  );
}

export function InventoryCard({ assessmentId, overview }: Props) {
  const { total, unzoned } = overview.assets;
  const { undecided, total: matches } = overview.vulnerabilities;
  return (
    <section className="overview-card" aria-labelledby="inventory-status-title">
      <h2 id="inventory-status-title">Assets and vulnerabilities</h2>
      <WorkspaceLink
        assessmentId={assessmentId}
        workspace="inventory"
        focus={{ zone: 'none' }}
        className="overview-figure"
        testId="unzoned-assets"
      >
        {unzoned} of {plural(total, 'asset')} in no zone
      </WorkspaceLink>
      <WorkspaceLink
        assessmentId={assessmentId}
        workspace="vulnerabilities"
        focus={{ decision: 'undecided' }}
        testId="undecided-vulnerabilities"
      >
        {undecided} of {plural(matches, 'vulnerability match', 'vulnerability matches')} need a decision
      </WorkspaceLink>
    </section>
  );
}
