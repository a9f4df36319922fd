import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { Assessment } from '../../../shared/model';
import { duplicateAssessment, listAssessments, setArchived } from '../../db/assessments';
import { exportAssessmentFile, ImportFileError } from '../../db/file-transfer';
import { Credits } from '../../ui/Credits';
import { notify } from '../../ui/notices';
import { SaveIndicator } from '../../ui/SaveIndicator';
import { useFileDrop } from '../../ui/useFileDrop';
import { AssessmentCard, type CardActions } from './AssessmentCard';
import { openDemoPlant } from './demo-plant';
import { HomeDialogs, type HomeDialog } from './HomeDialogs';
import { HomeEmpty } from './HomeEmpty';
import { importDroppedAssessments, pickAndImportAssessments } from './import-assessment-files';
import { homeListing } from './search';

export const HOME_INTERACTIVE_MARK = 'conduit:home-interactive';

/** Marks the moment the home screen is usable, for the start-up benchmark. */
function useInteractiveMark(loaded: boolean) {
  useEffect(() => {
    if (loaded && performance.getEntriesByName(HOME_INTERACTIVE_MARK).length === 0)
      performance.mark(HOME_INTERACTIVE_MARK);
  }, [loaded]);
}

/** Opening the demo plant: whether it is under way, and the command that opens it. */
function useDemoPlant() {
  const [, navigate] = useLocation();
  const [opening, setOpening] = useState(false);
  async function open() {
    setOpening(true);
    try {
      const { assessment } = await openDemoPlant();
      // Short: the assessment's own title says it is sample data, and a long notice covers the dashboard.
      notify('success', 'Opened the demo plant');
      navigate(`/a/${assessment.id}/overview`);
    } catch (error) {
      if (error instanceof ImportFileError) notify('error', error.message, error.problems);
      else notify('error', `The demo plant could not be opened: ${(error as Error).message}`);
      setOpening(false);
    }
  }
  return { opening, open };
}

/** What each card's buttons do: some open a dialog, the others run at once and say how it went. */
function cardActions(openDialog: (dialog: HomeDialog) => void): CardActions {
  return {
    rename: (assessment) => openDialog({ kind: 'rename', assessment }),
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
    remove: (assessment) => openDialog({ kind: 'delete', assessment }),
  };
}

/** The list of assessments: search, archive, import, create, and the demo plant on a first start. */
export function HomePage() {
  const assessments = useLiveQuery(listAssessments, []);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<HomeDialog>(null);
  const demo = useDemoPlant();
  useInteractiveMark(assessments !== undefined);
  const drop = useFileDrop((files) => void importDroppedAssessments(files));
  const { visible, archivedCount } = homeListing(assessments ?? [], query, showArchived);
  const openNew = () => setDialog({ kind: 'new' });

  return (
    <main className={drop.active ? 'home drop-target-active' : 'home'} {...drop.handlers}>
      <HomeHeader />
      <HomeToolbar
        query={query}
        onQuery={setQuery}
        showArchived={showArchived}
        onShowArchived={setShowArchived}
        archivedCount={archivedCount}
        onNew={openNew}
      />
      {assessments === undefined ? null : visible.length > 0 ? (
        <AssessmentList assessments={visible} actions={cardActions(setDialog)} />
      ) : (
        <HomeEmpty
          noneYet={assessments.length === 0}
          query={query}
          showArchived={showArchived}
          openingDemo={demo.opening}
          onNew={openNew}
          onOpenDemo={() => void demo.open()}
        />
      )}
      <HomeDialogs dialog={dialog} onClose={() => setDialog(null)} />
      <Credits />
    </main>
  );
}

function HomeHeader() {
  return (
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
  );
}

function HomeToolbar({
  query,
  onQuery,
  showArchived,
  onShowArchived,
  archivedCount,
  onNew,
}: {
  query: string;
  onQuery: (query: string) => void;
  showArchived: boolean;
  onShowArchived: (show: boolean) => void;
  archivedCount: number;
  onNew: () => void;
}) {
  return (
    <div className="toolbar">
      <input
        className="input"
        type="search"
        placeholder="Search by client, site, assessor or scope"
        aria-label="Search assessments"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        style={{ maxWidth: 380 }}
      />
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        <input type="checkbox" checked={showArchived} onChange={(e) => onShowArchived(e.target.checked)} />
        Show archived ({archivedCount})
      </label>
      <span className="spacer" />
      <button type="button" className="button" onClick={() => void pickAndImportAssessments()}>
        Import file…
      </button>
      <button type="button" className="button button-primary" onClick={onNew}>
        New assessment
      </button>
    </div>
  );
}

function AssessmentList({ assessments, actions }: { assessments: Assessment[]; actions: CardActions }) {
  return (
    <ul className="assessment-list" aria-label="Assessments">
      {assessments.map((assessment) => (
        <AssessmentCard key={assessment.id} assessment={assessment} actions={actions} />
      ))}
    </ul>
  );
}
