import { useState } from 'react';
import type { SigningIdentity } from '../../../shared/bridge';
import type { Assessment } from '../../../shared/model';
import { notify } from '../../ui/notices';
import { buildSignedBundle, saveBundle, type BundleExportProgress } from './bundle-export';
import { formatDateTime, plural } from '../../ui/format';

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

/** Builds the signed bundle with a progress bar and saves it through the host. */
export function BundleExportPanel({
  assessment,
  identity,
}: {
  assessment: Assessment;
  identity: SigningIdentity | null;
}) {
  const [progress, setProgress] = useState<BundleExportProgress | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const needsPassphrase = identity?.protection === 'passphrase';

  if (!identity) {
    return <p className="field-hint">Create a signing key first: the bundle is signed with it.</p>;
  }
  const run = () => {
    setError(null);
    setProgress({ fraction: 0, step: 'loading' });
    buildSignedBundle(assessment.id, identity, needsPassphrase ? passphrase : undefined, setProgress)
      .then(async (bundle) => {
        const saved = await saveBundle(bundle);
        if (saved.saved)
          notify('success', `Saved ${bundle.fileName}`, [
            `${plural(bundle.files, 'file')}, signed ${formatDateTime(bundle.signedAt)}`,
          ]);
      })
      .catch((e: Error) => setError(`The bundle was not built: ${e.message}`))
      .finally(() => setProgress(null));
  };
  return (
    <>
      <p>
        One zip for the client: the PDF report, the data as JSON and CSV, the diagram and the evidence, with a
        SHA-256 checksum for every file and your signature over them.
      </p>
      {needsPassphrase && (
        <div className="field" style={{ maxWidth: 320, marginBottom: 8 }}>
          <label htmlFor="sign-passphrase" className="field-label">
            Passphrase of your signing key
          </label>
          <input
            id="sign-passphrase"
            className="input"
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
      )}
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={progress !== null || (needsPassphrase && !passphrase)}
          onClick={run}
        >
          Build signed bundle…
        </button>
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
