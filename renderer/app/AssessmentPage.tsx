import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import type { Assessment } from '../../shared/model';
import { getAssessment } from '../db/assessments';
import { SaveIndicator } from '../ui/SaveIndicator';
import { DiagramContributionsContext } from '../ui/diagram-contributions';
import { AssetDetailSectionsContext } from '../ui/asset-detail-contributions';
import { FileHandoffContext } from '../ui/file-handoff';
import type { WorkspaceDefinition } from '../ui/workspace';
import { ASSET_DETAIL_SECTIONS, DIAGRAM_CONTRIBUTIONS, WORKSPACES } from './registry';
import { useWorkspaceHandoff, useWorkspaceKeys } from './workspace-navigation';

/** An open assessment: top bar, left navigation of workspaces, and the chosen workspace. */
export function AssessmentPage({ id, workspaceId }: { id: string; workspaceId: string }) {
  const assessment = useLiveQuery(() => getAssessment(id).then((a) => a ?? null), [id]);
  useWorkspaceKeys(id, WORKSPACES);

  if (assessment === undefined) return null;
  if (assessment === null) return <MissingAssessment />;
  const workspace = WORKSPACES.find((w) => w.id === workspaceId);
  return (
    <div className="shell">
      <ShellTopBar assessment={assessment} />
      <WorkspaceNav assessmentId={id} current={workspaceId} />
      <main className="shell-main" id="workspace">
        {workspace ? (
          <WorkspaceView workspace={workspace} assessment={assessment} />
        ) : (
          <section className="workspace">
            <h1>Unknown workspace</h1>
            <Link href={`/a/${id}/overview`}>Go to the overview</Link>
          </section>
        )}
      </main>
    </div>
  );
}

function MissingAssessment() {
  return (
    <main className="home">
      <div className="empty-state">
        <h2>This assessment does not exist any more</h2>
        <Link href="/">Back to all assessments</Link>
      </div>
    </main>
  );
}

function ShellTopBar({ assessment }: { assessment: Assessment }) {
  return (
    <header className="shell-topbar">
      <Link href="/" className="button button-ghost button-small" aria-label="All assessments">
        ← Assessments
      </Link>
      <div className="shell-title" data-testid="assessment-title">
        {assessment.title}
        {assessment.status === 'archived' && (
          <span className="badge" style={{ marginLeft: 8 }}>
            Archived
          </span>
        )}
      </div>
      <SaveIndicator />
    </header>
  );
}

function WorkspaceNav({ assessmentId, current }: { assessmentId: string; current: string }) {
  return (
    <nav className="shell-nav" aria-label="Workspaces">
      {WORKSPACES.map((w, index) => (
        <Link
          key={w.id}
          href={`/a/${assessmentId}/${w.id}`}
          aria-current={w.id === current ? 'page' : undefined}
        >
          {w.label}
          <span className="nav-shortcut" aria-hidden>
            Alt+{index + 1}
          </span>
        </Link>
      ))}
    </nav>
  );
}

/** The chosen workspace, with what the other workspaces contribute to it handed down by context. */
function WorkspaceView({
  workspace,
  assessment,
}: {
  workspace: WorkspaceDefinition;
  assessment: Assessment;
}) {
  const handoff = useWorkspaceHandoff(assessment.id, WORKSPACES);
  const Workspace = workspace.component;
  return (
    <DiagramContributionsContext.Provider value={DIAGRAM_CONTRIBUTIONS}>
      <AssetDetailSectionsContext.Provider value={ASSET_DETAIL_SECTIONS}>
        <FileHandoffContext.Provider value={handoff}>
          <Workspace key={assessment.id} assessment={assessment} />
        </FileHandoffContext.Provider>
      </AssetDetailSectionsContext.Provider>
    </DiagramContributionsContext.Provider>
  );
}
