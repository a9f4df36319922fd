import { useState } from 'react';
import type { BundleVerification } from '../../../shared/bundle';
import { platform } from '../../platform';
import { useFileDrop } from '../../ui/useFileDrop';
import { verifyInWorker } from './verify-in-worker';

interface Checked {
  fileName: string;
  result: BundleVerification;
}

const STATUS_LABELS = {
  changed: 'changed',
  missing: 'missing',
  added: 'added',
  renamed: 'renamed',
  ok: 'ok',
};

/** Drop or pick a bundle: the strict verifier says whether it is intact and who signed it. */
export function VerifyPanel() {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const check = (fileName: string, bytes: Uint8Array) => {
    setBusy(true);
    verifyInWorker(bytes)
      .then((result) => setChecked({ fileName, result }))
      .catch((e: Error) =>
        setChecked({
          fileName,
          result: {
            valid: false,
            signer: { name: '', email: '', organization: '', fingerprint: '' },
            signedAt: null,
            files: 0,
            problems: [e.message],
            fileStatus: [],
          },
        }),
      )
      .finally(() => setBusy(false));
  };
  const drop = useFileDrop((files) => {
    const file = files[0];
    if (file) void file.arrayBuffer().then((buffer) => check(file.name, new Uint8Array(buffer)));
  });

  return (
    <>
      <div
        className={drop.active ? 'verify-drop drop-target-active' : 'verify-drop'}
        data-testid="verify-drop"
        {...drop.handlers}
      >
        <p>Drop a report bundle (.zip) here to check its signature and every file, or</p>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            void platform()
              .openFiles({
                title: 'Choose a report bundle',
                filters: [{ name: 'Zip archive', extensions: ['zip'] }],
              })
              .then((files) => files[0] && check(files[0].name, files[0].bytes));
          }}
        >
          Choose bundle…
        </button>
        {busy && <span className="field-hint"> Checking…</span>}
      </div>
      {checked && <VerificationResult checked={checked} />}
    </>
  );
}

function VerificationResult({ checked }: { checked: Checked }) {
  const { result, fileName } = checked;
  const notOk = result.fileStatus.filter((f) => f.status !== 'ok');
  return (
    <div
      className={result.valid ? 'notice notice-success' : 'notice notice-error'}
      role="status"
      data-testid="verify-result"
    >
      <strong>{result.valid ? `${fileName} is valid` : `${fileName} is NOT valid`}</strong>
      <dl className="facts">
        <dt>Signer</dt>
        <dd>
          {result.signer.name || 'unknown'}
          {result.signer.organization && `, ${result.signer.organization}`}
          {result.signer.email && ` <${result.signer.email}>`}
        </dd>
        <dt>Fingerprint</dt>
        <dd className="mono">{result.signer.fingerprint || 'unknown'}</dd>
        <dt>Signed at</dt>
        <dd>{result.signedAt ?? 'unknown'}</dd>
        <dt>Files</dt>
        <dd>{result.files}</dd>
      </dl>
      {result.valid ? (
        <p className="field-hint">
          Trust it only if this fingerprint matches the one the signer gave you separately.
        </p>
      ) : (
        <>
          {notOk.length > 0 && (
            <ul aria-label="Files that do not match">
              {notOk.map((f) => (
                <li key={`${f.status}:${f.path}`}>
                  <span className="mono">{f.path}</span>: {STATUS_LABELS[f.status]}
                  {f.detail ? ` (${f.detail})` : ''}
                </li>
              ))}
            </ul>
          )}
          <ul aria-label="Problems">
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
