import { useEffect, useMemo, useState } from 'react';
import type { SigningIdentity } from '../../../shared/bridge';
import { assessmentFileName } from '../../../shared/model';
import { exportAssessmentFile } from '../../db/file-transfer';
import { platform } from '../../platform';
import { notify } from '../../ui/notices';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { BundleExportPanel } from './BundleExportPanel';
import { ReportSettingsPanel } from './ReportSettingsPanel';
import { DocumentControlPanel } from './DocumentControlPanel';
import { NarrativePanel } from './NarrativePanel';
import { useReportData } from './useReportData';
import { completenessWarnings } from '../../../shared/report';
import { SigningIdentityPanel } from './SigningIdentityPanel';
import { VerifyPanel } from './VerifyPanel';
import './export.css';

function ExportWorkspace({ assessment }: WorkspaceProps) {
  const [busy, setBusy] = useState(false);
  const [identity, setIdentity] = useState<SigningIdentity | null | undefined>(undefined);
  const data = useReportData(assessment);
  const warnings = useMemo(() => (data ? completenessWarnings(data) : []), [data]);
  const final = assessment.documentControl?.status === 'final';

  useEffect(() => {
    let live = true;
    platform()
      .getSigningIdentity()
      .then(
        (found) => live && setIdentity(found),
        (e: Error) => {
          if (!live) return;
          setIdentity(null);
          notify('error', `Could not read the signing key: ${e.message}`);
        },
      );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="workspace export-workspace" aria-labelledby="export-title">
      <h1 id="export-title">Export</h1>
      <h2>Signing identity</h2>
      {identity === undefined ? (
        <p className="field-hint">Reading the signing key…</p>
      ) : (
        <SigningIdentityPanel identity={identity} onChange={setIdentity} />
      )}
      <h2>Report settings</h2>
      <ReportSettingsPanel assessment={assessment} />
      <h2>Document control</h2>
      <DocumentControlPanel assessment={assessment} warnings={warnings} />
      <h2>Executive narrative</h2>
      <NarrativePanel
        key={assessment.narrative ? 'edited' : 'generated'}
        assessment={assessment}
        data={data}
      />
      <h2>Signed report bundle</h2>
      {final && warnings.length > 0 && (
        <p className="notice notice-warning" role="alert" data-testid="export-final-warning">
          Marked final, but: {warnings.join(' ')}
        </p>
      )}
      {identity !== undefined && <BundleExportPanel assessment={assessment} identity={identity} />}
      <h2>Verify a bundle</h2>
      <VerifyPanel ownFingerprint={identity?.fingerprint ?? null} />
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
