import { useState } from 'react';
import { assessmentFileName } from '../../../shared/model';
import { exportAssessmentFile } from '../assessments/file-transfer';
import { notify } from '../../ui/notices';
import type { WorkspaceDefinition, WorkspaceProps } from '../workspace';

function ExportWorkspace({ assessment }: WorkspaceProps) {
  const [busy, setBusy] = useState(false);
  return (
    <section className="workspace" aria-labelledby="export-title">
      <h1 id="export-title">Export</h1>
      <div className="notice" role="note">
        <strong>The signed report bundle is not built yet.</strong> It will hold the PDF report, the data as
        JSON and CSV, the diagram and the evidence, with checksums and a signature the client can verify with
        ssh-keygen and sha256sum.
      </div>
      <h2>Assessment file</h2>
      <p>
        The whole assessment, evidence included, as{' '}
        <span className="mono">{assessmentFileName(assessment)}</span>: to back it up or to move it to another
        computer.
      </p>
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void exportAssessmentFile(assessment.id)
              .then(
                (r) => r.saved && notify('success', `Exported ${r.fileName}`),
                (error: Error) => notify('error', `Could not export: ${error.message}`),
              )
              .finally(() => setBusy(false));
          }}
        >
          Export assessment file
        </button>
      </div>
    </section>
  );
}

export const exportWorkspace: WorkspaceDefinition = {
  id: 'export',
  label: 'Export',
  component: ExportWorkspace,
};
