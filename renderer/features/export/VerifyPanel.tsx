import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { commandById, CommandButton } from '../../ui/commands';
import { EXPORT_COMMANDS, type ExportCommandState } from './commands';
import type { BundleVerifier, Checked } from './useBundleVerifier';
import { problemsBesideFiles, type BundleVerification } from '../../../shared/bundle';
import {
  normaliseFingerprint,
  signerStanding,
  type SignerStanding,
} from '../../../shared/bundle/known-signers';
import { listKnownSigners, trustSigner } from '../../db/known-signers';
import { formatDate, formatDateTime } from '../../ui/format';

const STATUS_LABELS = {
  changed: 'changed',
  missing: 'missing',
  added: 'added',
  renamed: 'renamed',
  ok: 'ok',
};

/** Drop or pick a bundle: the strict verifier says whether it is intact and who signed it. */
export function VerifyPanel({
  verifier,
  ownFingerprint,
  commandState,
}: {
  verifier: BundleVerifier;
  ownFingerprint: string | null;
  commandState: ExportCommandState;
}) {
  const { checked, drop } = verifier;
  return (
    <>
      <div
        className={drop.active ? 'verify-drop drop-target-active' : 'verify-drop'}
        data-testid="verify-drop"
        {...drop.handlers}
      >
        <p>Drop a report bundle (.zip) here to check its signature and every file, or</p>
        <CommandButton
          command={commandById(EXPORT_COMMANDS, 'verify-bundle')}
          state={commandState}
          className="button"
        />
        {verifier.busy && <span className="field-hint"> Checking…</span>}
      </div>
      {checked && <VerificationResult checked={checked} ownFingerprint={ownFingerprint} />}
    </>
  );
}

function VerificationResult({
  checked,
  ownFingerprint,
}: {
  checked: Checked;
  ownFingerprint: string | null;
}) {
  const { result, fileName } = checked;
  const known = useLiveQuery(listKnownSigners, [], []);
  if (result.notABundle) {
    return (
      <div className="notice notice-error" role="status" data-testid="verify-result">
        <strong>{fileName} is not a Conduit bundle</strong>
        <p>
          It is {result.notABundle}. A report bundle is the .zip that Export writes, with SHA256SUMS, its
          signature and manifest.json inside.
        </p>
      </div>
    );
  }
  return <VerificationFacts checked={checked} known={known} ownFingerprint={ownFingerprint} />;
}

function VerificationFacts({
  checked,
  known,
  ownFingerprint,
}: {
  checked: Checked;
  known: Parameters<typeof signerStanding>[1];
  ownFingerprint: string | null;
}) {
  const { result, fileName } = checked;
  const standing = signerStanding(result.signer, known, ownFingerprint);
  const notOk = result.fileStatus.filter((f) => f.status !== 'ok');
  const trusted = result.valid && standing.kind !== 'unknown';
  const unknownKey = result.untrustedSigner === true || (result.valid && standing.kind === 'unknown');
  return (
    <div
      className={trusted ? 'notice notice-success' : 'notice notice-error'}
      role="status"
      data-testid="verify-result"
    >
      <strong>
        {unknownKey
          ? `${fileName} is signed by an unknown key: its files are checked once you trust the signer`
          : !result.valid
            ? `${fileName} is NOT valid`
            : `${fileName} is valid`}
      </strong>
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
        <dd>{result.signedAt ? formatDateTime(result.signedAt) : 'unknown'}</dd>
        <dt>Files</dt>
        <dd>{result.files}</dd>
      </dl>
      {result.valid || unknownKey ? (
        <SignerTrust result={result} standing={standing} onTrusted={checked.recheck} />
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
            {problemsBesideFiles(result).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Who signed, against the trusted signers; for a new key, trusting it only after the fingerprints are compared. */
function SignerTrust({
  result,
  standing,
  onTrusted,
}: {
  result: BundleVerification;
  standing: SignerStanding;
  onTrusted: () => void;
}) {
  const [received, setReceived] = useState('');
  if (standing.kind === 'own') return <p data-testid="signer-standing">Signed with your own signing key.</p>;
  if (standing.kind === 'known') {
    const { name, organization, trustedAt } = standing.signer;
    return (
      <p data-testid="signer-standing">
        Signed by a known signer: {name}
        {organization && `, ${organization}`} (trusted since {formatDate(trustedAt)}).
      </p>
    );
  }
  const { signer } = result;
  const matches = received.trim() !== '' && normaliseFingerprint(received) === signer.fingerprint;
  return (
    <div data-testid="signer-standing" role="alert">
      <p>
        <strong>Signed by an unknown key.</strong> The bundle says it is from {signer.name || 'nobody named'}
        {signer.organization && `, ${signer.organization}`}, but nothing yet shows that the key is theirs:
        anyone can sign a bundle in any name. Its files were not checked.
      </p>
      {standing.sameName.length > 0 && (
        <p>
          <strong>Warning:</strong> you trust another key for this signer (
          {standing.sameName.map((k) => k.fingerprint).join(', ')}). A different key in the same name is how a
          forged bundle looks.
        </p>
      )}
      <label className="field-label" htmlFor="received-fingerprint">
        Fingerprint the signer gave you separately (report cover, letter, phone)
      </label>
      <input
        id="received-fingerprint"
        className="input mono"
        value={received}
        onChange={(e) => setReceived(e.target.value)}
        placeholder="SHA256:…"
      />
      {received.trim() !== '' && !matches && (
        <p className="field-error">That is not this bundle&apos;s fingerprint: do not trust it.</p>
      )}
      <button
        type="button"
        className="button"
        disabled={!matches}
        onClick={() =>
          void trustSigner({
            fingerprint: signer.fingerprint,
            name: signer.name,
            organization: signer.organization,
            email: signer.email,
          }).then(onTrusted)
        }
      >
        Trust this signer…
      </button>
    </div>
  );
}
