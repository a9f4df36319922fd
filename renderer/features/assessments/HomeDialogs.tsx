import { useLocation } from 'wouter';
import type { Assessment } from '../../../shared/model';
import { deleteAssessment } from '../../db/assessments';
import { ConfirmDialog } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { RenameDialog } from './RenameDialog';

/** The dialog the home page has open, if any. */
export type HomeDialog =
  | { kind: 'new' }
  | { kind: 'rename'; assessment: Assessment }
  | { kind: 'delete'; assessment: Assessment }
  | null;

/** Creating, renaming and deleting an assessment. */
export function HomeDialogs({ dialog, onClose }: { dialog: HomeDialog; onClose: () => void }) {
  const [, navigate] = useLocation();
  switch (dialog?.kind) {
    case 'new':
      return <NewAssessmentDialog onClose={onClose} onCreated={(id) => navigate(`/a/${id}/overview`)} />;
    case 'rename':
      return <RenameDialog assessment={dialog.assessment} onClose={onClose} />;
    case 'delete':
      return <DeleteAssessmentDialog assessment={dialog.assessment} onClose={onClose} />;
    default:
      return null;
  }
}

function DeleteAssessmentDialog({ assessment, onClose }: { assessment: Assessment; onClose: () => void }) {
  return (
    <ConfirmDialog
      title="Delete assessment?"
      danger
      confirmLabel="Delete for good"
      message={
        <p>
          “{assessment.title}” and everything in it (zones, assets, answers, evidence, findings) will be
          deleted from this computer. Export it first if you may need it again.
        </p>
      }
      onCancel={onClose}
      onConfirm={async () => {
        const { title, id } = assessment;
        onClose();
        await deleteAssessment(id);
        notify('info', `Deleted “${title}”`);
      }}
    />
  );
}
