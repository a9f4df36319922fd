import { Credits } from '../../ui/Credits';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { Assessment } from '../../../shared/model';
import { deleteAssessment, duplicateAssessment, listAssessments, setArchived } from '../../db/assessments';
import { platform } from '../../platform';
import { ConfirmDialog } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { SaveIndicator } from '../../ui/SaveIndicator';
import { useFileDrop } from '../../ui/useFileDrop';
import { AssessmentCard, type CardActions } from './AssessmentCard';
import { openDemoPlant } from './demo-plant';
import { exportAssessmentFile, importAssessmentFile, ImportFileError } from '../../db/file-transfer';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { RenameDialog } from './RenameDialog';
import { matchesSearch } from './search';

export const HOME_INTERACTIVE_MARK = 'conduit:home-interactive';

type DialogState =
  | { kind: 'new' }
  | { kind: 'rename'; assessment: Assessment }
  | { kind: 'delete'; assessment: Assessment }
  | null;

export function HomePage() {
  const [, navigate] = useLocation();
  const assessments = useLiveQuery(listAssessments, []);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [openingDemo, setOpeningDemo] = useState(false);

  // Marks the moment the home screen is usable, for the start-up benchmark.
  const loaded = assessments !== undefined;
  useEffect(() => {
    if (loaded && performance.getEntriesByName(HOME_INTERACTIVE_MARK).length === 0)
      performance.mark(HOME_INTERACTIVE_MARK);
  }, [loaded]);

  async function importFiles(files: { name: string; bytes: Uint8Array }[]) {
    for (const file of files) {
      try {
        const { assessment, asCopy } = await importAssessmentFile(file.name, file.bytes);
        notify(
          'success',
          `Imported “${assessment.title}”`,
          asCopy ? ['It was already here, so it came in as a copy.'] : undefined,
        );
      } catch (error) {
        if (error instanceof ImportFileError) notify('error', error.message, error.problems);
        else notify('error', `${file.name} was not imported: ${(error as Error).message}`);
      }
    }
  }

  async function openDemo() {
    setOpeningDemo(true);
    try {
      const { assessment } = await openDemoPlant();
      // Short: the assessment's own title says it is sample data, and a long notice covers the dashboard.
      notify('success', 'Opened the demo plant');
      navigate(`/a/${assessment.id}/overview`);
    } catch (error) {
      if (error instanceof ImportFileError) notify('error', error.message, error.problems);
      else notify('error', `The demo plant could not be opened: ${(error as Error).message}`);
      setOpeningDemo(false);
    }
  }

  const drop = useFileDrop((files) => {
    void Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    ).then(importFiles);
  });

  const actions: CardActions = {
    rename: (assessment) => setDialog({ kind: 'rename', assessment }),
    duplicate: (assessment) =>
      void duplicateAssessment(assessment.id).then(
        (copy) => notify('success', `Duplicated as “${copy.title}”`),
        (error: Error) => notify('error', `Could not duplicate: ${error.message}`),
      ),
    toggleArchive: (assessment) => void setArchived(assessment.id, assessment.status !== 'archived'),
    exportFile: (assessment) =>
      void exportAssessmentFile(assessment.id).then(
        (r) => r.saved && notify('success', `Exported ${r.fileName}`),
        (error: Error) => notify('error', `Could not export: ${error.message}`),
      ),
    remove: (assessment) => setDialog({ kind: 'delete', assessment }),
  };

  const visible = (assessments ?? []).filter(
    (a) => (showArchived || a.status === 'active') && matchesSearch(a, query),
  );
  const archivedCount = (assessments ?? []).filter((a) => a.status === 'archived').length;

  return (
    <main className={drop.active ? 'home drop-target-active' : 'home'} {...drop.handlers}>
      <header className="home-header">
        <div className="brand">
          <div className="brand-name">
            <img
              src={new URL('../../../assets/icons/conduit.svg', import.meta.url).href}
              alt=""
              width={28}
              height={28}
            />
            Conduit
          </div>
          <p className="brand-tagline">OT security assessments against IEC 62443, offline.</p>
        </div>
        <SaveIndicator />
      </header>

      <div className="toolbar">
        <input
          className="input"
          type="search"
          placeholder="Search by client, site, assessor or scope"
          aria-label="Search assessments"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ maxWidth: 380 }}
        />
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Show archived ({archivedCount})
        </label>
        <span className="spacer" />
        <button
          type="button"
          className="button"
          onClick={() =>
            void platform()
              .openFiles({
                title: 'Import assessment',
                multiple: true,
                filters: [{ name: 'Conduit assessment', extensions: ['json'] }],
              })
              .then(importFiles)
          }
        >
          Import file…
        </button>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'new' })}>
          New assessment
        </button>
      </div>

      {assessments === undefined ? null : visible.length > 0 ? (
        <ul className="assessment-list" aria-label="Assessments">
          {visible.map((assessment) => (
            <AssessmentCard key={assessment.id} assessment={assessment} actions={actions} />
          ))}
        </ul>
      ) : (
        <div className="empty-state">
          {assessments.length === 0 ? (
            <>
              <h2>No assessments yet</h2>
              <p>Create one for your next site visit, or drop a .conduit.json file here to import it.</p>
              <div className="empty-state-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setDialog({ kind: 'new' })}
                >
                  New assessment
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={openingDemo}
                  onClick={() => void openDemo()}
                >
                  {openingDemo ? 'Opening the demo plant…' : 'Open the demo plant'}
                </button>
              </div>
              <p className="empty-state-note">
                The demo plant is a complete sample assessment of a fictional dairy: zones and conduits, two
                sensor inventories, a capture, answers, connections and findings.
              </p>
            </>
          ) : (
            <p>
              No assessment matches “{query}”{showArchived ? '' : ' (archived ones are hidden)'}.
            </p>
          )}
        </div>
      )}

      {dialog?.kind === 'new' && (
        <NewAssessmentDialog
          onClose={() => setDialog(null)}
          onCreated={(id) => navigate(`/a/${id}/overview`)}
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog assessment={dialog.assessment} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete assessment?"
          danger
          confirmLabel="Delete for good"
          message={
            <p>
              “{dialog.assessment.title}” and everything in it (zones, assets, answers, evidence, findings)
              will be deleted from this computer. Export it first if you may need it again.
            </p>
          }
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            const { title, id } = dialog.assessment;
            setDialog(null);
            await deleteAssessment(id);
            notify('info', `Deleted “${title}”`);
          }}
        />
      )}
      <Credits />
    </main>
  );
}
