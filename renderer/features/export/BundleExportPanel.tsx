import type { SigningIdentity } from '../../../shared/bridge';
import { commandById, CommandButton } from '../../ui/commands';
import { EXPORT_COMMANDS, type ExportCommandState } from './commands';
import type { BundleExport } from './useBundleExport';

const STEP_LABELS: Record<string, string> = {
  loading: 'Loading the assessment',
  hashing: 'Hashing files',
  signing: 'Signing',
  zipping: 'Writing the zip',
  done: 'Done',
};

function stepLabel(step: string): string {
  if (step === 'report: docx') return 'Writing the Word report';
  if (step === 'report: xlsx') return 'Writing the findings workbook';
  if (step.startsWith('report')) return 'Writing the PDF report';
  return STEP_LABELS[step] ?? step;
}

/** The signed bundle: its passphrase, the build button, a progress bar while it builds. */
export function BundleExportPanel({
  identity,
  exporter,
  commandState,
}: {
  identity: SigningIdentity | null;
  exporter: BundleExport;
  commandState: ExportCommandState;
}) {
  const { progress, error } = exporter;
  if (!identity) {
    return <p className="field-hint">Create a signing key first: the bundle is signed with it.</p>;
  }
  return (
    <>
      <p>
        One zip for the client: the PDF report, the data as JSON and CSV, the diagram and the evidence, with a
        SHA-256 checksum for every file and your signature over them.
      </p>
      {exporter.needsPassphrase && (
        <div className="field" style={{ maxWidth: 320, marginBottom: 8 }}>
          <label htmlFor="sign-passphrase" className="field-label">
            Passphrase of your signing key
          </label>
          <input
            id="sign-passphrase"
            className="input"
            type="password"
            value={exporter.passphrase}
            onChange={(e) => exporter.setPassphrase(e.target.value)}
          />
        </div>
      )}
      <div>
        <CommandButton
          command={commandById(EXPORT_COMMANDS, 'build-bundle')}
          state={commandState}
          className="button button-primary"
        />
      </div>
      {progress && (
        <div className="bundle-progress" aria-live="polite">
          <progress
            max={1}
            value={progress.fraction}
            aria-label="Building the signed bundle"
            style={{ width: '100%' }}
          />
          <span className="field-hint">
            {stepLabel(progress.step)} · {Math.round(progress.fraction * 100)}%
          </span>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
