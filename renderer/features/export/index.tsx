import { useMemo } from 'react';
import { assessmentFileName } from '../../../shared/model';
import { commandById, CommandButton } from '../../ui/commands';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { BundleExportPanel } from './BundleExportPanel';
import { ReportSettingsPanel } from './ReportSettingsPanel';
import { DocumentControlPanel } from './DocumentControlPanel';
import { NarrativePanel } from './NarrativePanel';
import { useReportData } from './useReportData';
import { completenessWarnings } from '../../../shared/report';
import { SigningIdentityPanel } from './SigningIdentityPanel';
import { VerifyPanel } from './VerifyPanel';
import { EXPORT_COMMANDS } from './commands';
import { useExportWorkspace } from './useExportWorkspace';
import './export.css';

function ExportWorkspace({ assessment }: WorkspaceProps) {
  const { identity, setIdentity, exporter, verifier, keyDialogs, commandState } =
    useExportWorkspace(assessment);
  const data = useReportData(assessment);
  const warnings = useMemo(() => (data ? completenessWarnings(data) : []), [data]);
  const final = assessment.documentControl?.status === 'final';

  return (
    <section className="workspace export-workspace" aria-labelledby="export-title">
      <h1 id="export-title">Export</h1>
      <h2>Signing identity</h2>
      {identity === undefined ? (
        <p className="field-hint">Reading the signing key…</p>
      ) : (
        <SigningIdentityPanel
          identity={identity}
          onChange={setIdentity}
          dialogs={keyDialogs}
          commandState={commandState}
        />
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
      {identity !== undefined && (
        <BundleExportPanel identity={identity} exporter={exporter} commandState={commandState} />
      )}
      <h2>Verify a bundle</h2>
      <VerifyPanel
        verifier={verifier}
        ownFingerprint={identity?.fingerprint ?? null}
        commandState={commandState}
      />
      <h2>Assessment file</h2>
      <p>
        The whole assessment, evidence included, as{' '}
        <span className="mono">{assessmentFileName(assessment)}</span>: to back it up or to move it to another
        computer.
      </p>
      <div>
        <CommandButton
          command={commandById(EXPORT_COMMANDS, 'export-assessment-file')}
          state={commandState}
          className="button button-primary"
        />
      </div>
    </section>
  );
}

export const exportWorkspace: WorkspaceDefinition = {
  id: 'export',
  label: 'Export',
  component: ExportWorkspace,
};
