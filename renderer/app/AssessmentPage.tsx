import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { getAssessment } from '../db/assessments';
import { SaveIndicator } from '../ui/SaveIndicator';
import { DiagramContributionsContext } from '../ui/diagram-contributions';
import { AssetDetailSectionsContext } from '../ui/asset-detail-contributions';
import { FileHandoffContext, leaveHandedFiles, type FileHandoff } from '../ui/file-handoff';
import { ASSET_DETAIL_SECTIONS, DIAGRAM_CONTRIBUTIONS, WORKSPACES } from './registry';

/** An open assessment: top bar, left navigation of workspaces, and the chosen workspace. */
export function AssessmentPage({ id, workspaceId }: { id: string; workspaceId: string }) {
  const [, navigate] = useLocation();
  const assessment = useLiveQuery(() => getAssessment(id).then((a) => a ?? null), [id]);
  const workspace = WORKSPACES.find((w) => w.id === workspaceId);
  const handoff = useMemo<FileHandoff>(() => {
    const taker = (kind: Parameters<FileHandoff['takerOf']>[0]) =>
      WORKSPACES.find((w) => w.takesFiles?.includes(kind));
    return {
      takerOf: (kind) => taker(kind)?.label ?? null,
      handOff: (kind, files) => {
        const target = taker(kind);
        if (!target) return;
        leaveHandedFiles(kind, files);
        navigate(`/a/${id}/${target.id}`);
      },
    };
  }, [id, navigate]);

  // Alt+1..7 jumps between workspaces.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const target = WORKSPACES[index];
      if (target) {
        event.preventDefault();
        navigate(`/a/${id}/${target.id}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, navigate]);

  if (assessment === undefined) return null;
  if (assessment === null) {
    return (
      <main className="home">
        <div className="empty-state">
          <h2>This assessment does not exist any more</h2>
          <Link href="/">Back to all assessments</Link>
        </div>
      </main>
    );
  }
  const Workspace = workspace?.component;
  return (
    <div className="shell">
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
      <nav className="shell-nav" aria-label="Workspaces">
        {WORKSPACES.map((w, index) => (
          <Link key={w.id} href={`/a/${id}/${w.id}`} aria-current={w.id === workspaceId ? 'page' : undefined}>
            {w.label}
            <span className="nav-shortcut" aria-hidden>
              Alt+{index + 1}
            </span>
          </Link>
        ))}
      </nav>
      <main className="shell-main" id="workspace">
        {Workspace ? (
          <DiagramContributionsContext.Provider value={DIAGRAM_CONTRIBUTIONS}>
            <AssetDetailSectionsContext.Provider value={ASSET_DETAIL_SECTIONS}>
              <FileHandoffContext.Provider value={handoff}>
                <Workspace key={assessment.id} assessment={assessment} />
              </FileHandoffContext.Provider>
            </AssetDetailSectionsContext.Provider>
          </DiagramContributionsContext.Provider>
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
