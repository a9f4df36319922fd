import { useState, type FormEvent } from 'react';
import type { KeyBackupPreview, PickedFile, SigningIdentity } from '../../../shared/bridge';
import { platform } from '../../platform';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { formatDateTime } from '../../ui/format';
import { PasswordField } from './KeySafety';

/** The restore's steps: choose the backup file, open it with its passphrase, then restore the key it holds. */
function useKeyRestore(onRestored: (identity: SigningIdentity) => void) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<KeyBackupPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = <T,>(call: () => Promise<T>, then: (value: T) => void) => {
    setBusy(true);
    setError(null);
    call()
      .then(then, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const choose = () =>
    run(
      () =>
        platform().openFiles({
          title: 'Restore the signing key from a backup',
          filters: [{ name: 'Conduit key backup', extensions: ['json'] }],
        }),
      (files) => {
        if (!files[0]) return;
        setFile(files[0]);
        setPreview(null);
      },
    );
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError('Choose the backup file first.');
    run(() => platform().inspectKeyBackup({ file, passphrase }), setPreview);
  };
  const restore = () =>
    file &&
    run(
      () => platform().restoreSigningKey({ file, passphrase }),
      (identity) => {
        notify('success', `Signing key restored: ${identity.fingerprint}`);
        onRestored(identity);
      },
    );
  return { file, passphrase, setPassphrase, preview, error, busy, choose, check, restore };
}

type KeyRestore = ReturnType<typeof useKeyRestore>;

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** Desktop host: reads a backup, shows the key it holds and what it replaces, and restores on confirmation. */
export function RestoreKeyDialog({
  onRestored,
  onClose,
}: {
  onRestored: (identity: SigningIdentity) => void;
  onClose: () => void;
}) {
  const restore = useKeyRestore(onRestored);
  return (
    <Modal title="Restore the signing key from a backup" onClose={onClose}>
      {!restore.preview ? (
        <OpenBackupForm restore={restore} onClose={onClose} />
      ) : (
        <BackupPreview preview={restore.preview} restore={restore} onClose={onClose} />
      )}
    </Modal>
  );
}

function OpenBackupForm({ restore, onClose }: { restore: KeyRestore; onClose: () => void }) {
  const { file, passphrase, busy } = restore;
  return (
    <form onSubmit={restore.check} aria-label="Open key backup">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <button type="button" className="button" onClick={restore.choose} disabled={busy}>
          Choose backup file…
        </button>
        <span className="mono">{file?.name ?? 'no file chosen'}</span>
      </div>
      <div className="form-grid" style={{ marginTop: 12 }}>
        <PasswordField label="Backup passphrase" value={passphrase} onChange={restore.setPassphrase} />
      </div>
      <ErrorLine error={restore.error} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !file || !passphrase}>
          Open backup
        </button>
      </div>
    </form>
  );
}

/** The key the backup holds, and whether restoring it replaces another. */
function BackupPreview({
  preview,
  restore,
  onClose,
}: {
  preview: KeyBackupPreview;
  restore: KeyRestore;
  onClose: () => void;
}) {
  const { identity, replaces } = preview;
  return (
    <>
      <dl className="facts">
        <dt>Signer</dt>
        <dd>
          {identity.name}
          {identity.organization && `, ${identity.organization}`} &lt;
          {identity.email}&gt;
        </dd>
        <dt>Fingerprint</dt>
        <dd className="mono" data-testid="backup-fingerprint">
          {identity.fingerprint}
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(identity.createdAt)}</dd>
      </dl>
      {replaces && replaces !== identity.fingerprint ? (
        <p className="notice-warning" role="note">
          Restoring replaces the current key, fingerprint <span className="mono">{replaces}</span>. Unless it
          is backed up too, it is gone for good; bundles already signed with it still verify.
        </p>
      ) : replaces ? (
        <p>This is the key you already have.</p>
      ) : null}
      <ErrorLine error={restore.error} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={replaces ? 'button button-danger' : 'button button-primary'}
          onClick={restore.restore}
          disabled={restore.busy}
        >
          {replaces ? 'Replace with this key' : 'Restore this key'}
        </button>
      </div>
    </>
  );
}
