import { useEffect, useState, type FormEvent } from 'react';
import type { SigningIdentity } from '../../../shared/bridge';
import { hostKind, platform } from '../../platform';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { passphraseStrength, STRENGTH_HINTS } from './passphrase-strength';

const LOSING_IT =
  'If the key is lost, bundles you have already sent still verify: the client checks them against the fingerprint they already hold. ' +
  'Bundles you sign afterwards carry a new key with a new fingerprint, which you must give the client again, by the same separate channel.';

/** Where the private key lives, what it means to lose it, and (per host) what can be done about it. */
export function KeySafetyNote() {
  const browser = hostKind() === 'browser';
  const [evictable, setEvictable] = useState(false);
  useEffect(() => {
    if (!browser) return;
    let live = true;
    void navigator.storage
      ?.persisted?.()
      .then((persisted) => live && setEvictable(!persisted))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [browser]);
  if (browser) {
    return (
      <div className="key-safety" data-testid="key-safety">
        <p>
          <strong>The private key lives in this browser profile, on this computer only.</strong> The browser
          keeps it non-extractable: the app can sign with it but never read it, so it cannot be backed up or
          moved to another computer.
        </p>
        <p className="notice-warning" role="note">
          Clearing this site&apos;s data (or the browser&apos;s cookies and site data) deletes the key, and a
          private window, another profile or another browser does not see it.
          {evictable &&
            ' This browser has not granted the site persistent storage, so it may also delete the key when the disk runs low.'}
        </p>
        <p>{LOSING_IT}</p>
        <p>For a key you keep for years, use the desktop app: it can write an encrypted backup of the key.</p>
      </div>
    );
  }
  return (
    <div className="key-safety" data-testid="key-safety">
      <p>
        <strong>The private key lives on this computer only</strong>, encrypted in Conduit&apos;s settings.
        Nothing sends it anywhere, and nobody, Conduit included, can recover it. Keep an encrypted backup away
        from this computer, with a passphrase you will remember.
      </p>
      <p>{LOSING_IT}</p>
    </div>
  );
}

export function PasswordField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string | null;
  autoFocus?: boolean;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      <input
        className="input"
        type="password"
        autoComplete="new-password"
        value={props.value}
        autoFocus={props.autoFocus}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

/** Desktop host: writes the key, encrypted under a passphrase typed twice, to a file the user picks. */
export function BackupKeyDialog({
  identity,
  onClose,
}: {
  identity: SigningIdentity;
  onClose: (saved: boolean) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [keyPassphrase, setKeyPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(passphrase);
  const mismatch = repeat.length > 0 && repeat !== passphrase ? 'The two passphrases differ.' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (strength === 'too-short') return setError(STRENGTH_HINTS['too-short']);
    if (repeat !== passphrase) return setError('The two passphrases differ.');
    setBusy(true);
    setError(null);
    platform()
      .backupSigningKey(identity.protection === 'passphrase' ? { passphrase, keyPassphrase } : { passphrase })
      .then(
        (result) => {
          if (!result.saved) return;
          notify(
            'success',
            `Signing key backed up${result.path ? ` to ${result.path}` : ''}. Keep it away from this computer; restoring it needs the passphrase.`,
          );
          onClose(true);
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <Modal title="Back up the signing key" onClose={() => onClose(false)}>
      <form onSubmit={submit} aria-label="Back up the signing key">
        <p>
          The backup file holds the key of fingerprint <span className="mono">{identity.fingerprint}</span>,
          encrypted with this passphrase (scrypt and AES-256-GCM). Without the passphrase nobody can use it,
          and nobody can recover it for you.
        </p>
        <div className="form-grid">
          <PasswordField
            label="Backup passphrase"
            value={passphrase}
            onChange={setPassphrase}
            hint={passphrase ? STRENGTH_HINTS[strength] : STRENGTH_HINTS['too-short']}
            autoFocus
          />
          <PasswordField label="Repeat the passphrase" value={repeat} onChange={setRepeat} error={mismatch} />
          {identity.protection === 'passphrase' && (
            <PasswordField
              label="Current key passphrase"
              value={keyPassphrase}
              onChange={setKeyPassphrase}
              hint="The passphrase you sign with, to unlock the key for the backup."
            />
          )}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => onClose(false)}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Choose where to save…
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Asks before the current key is replaced: names its fingerprint and offers a backup first. */
export function ReplaceKeyConfirm({
  identity,
  onBackUp,
  onConfirm,
  onCancel,
}: {
  identity: SigningIdentity;
  onBackUp: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const browser = hostKind() === 'browser';
  return (
    <Modal title="Replace the signing key?" onClose={onCancel}>
      <p>
        A new key replaces the current one, fingerprint{' '}
        <span className="mono" data-testid="replaced-fingerprint">
          {identity.fingerprint}
        </span>
        .{' '}
        {browser
          ? 'The browser cannot back it up, so it is gone for good.'
          : 'Unless you back it up first, it is gone for good.'}
      </p>
      <p>
        Bundles already signed with it still verify. Bundles you sign afterwards carry the new fingerprint,
        which you must give the client again, separately.
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        {!browser && (
          <button type="button" className="button" onClick={onBackUp}>
            Back up first…
          </button>
        )}
        <button type="button" className="button button-danger" onClick={onConfirm}>
          Replace the key
        </button>
      </div>
    </Modal>
  );
}
