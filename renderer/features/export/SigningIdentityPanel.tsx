import { useState, type FormEvent } from 'react';
import type { SigningIdentity } from '../../../shared/bridge';
import { hostKind, platform } from '../../platform';
import { notify } from '../../ui/notices';
import { Field } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { BackupKeyDialog, KeySafetyNote, ReplaceKeyConfirm } from './KeySafety';
import { RestoreKeyDialog } from './RestoreKeyDialog';

const PROTECTION_LABELS: Record<SigningIdentity['protection'], string> = {
  'os-keychain': "encrypted with the system's keychain",
  passphrase: 'encrypted with your passphrase',
  'webcrypto-non-extractable': 'kept by the browser as a non-extractable key',
};

function pubFileName(identity: SigningIdentity): string {
  const local = identity.email.split('@')[0]?.replace(/[^\w.-]+/g, '-') || 'signing-key';
  return `${local}-conduit-ed25519.pub`;
}

function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      <input
        className="input"
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

function CreateKeyForm({
  onCreated,
  onCancel,
}: {
  onCreated: (i: SigningIdentity) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState('');
  const [organization, setOrganization] = useState('');
  const [email, setEmail] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const request = { name: name.trim(), organization: organization.trim(), email: email.trim() };
    platform()
      .createSigningKey(passphrase ? { ...request, passphrase } : request)
      .then(onCreated, (e: Error) => {
        // Where the system has no keychain, the host asks for a passphrase instead.
        if (/passphrase/i.test(e.message)) setNeedsPassphrase(true);
        setError(e.message);
      })
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} aria-label="Create signing key">
      <div className="form-grid">
        <TextField label="Name" value={name} onChange={setName} required />
        <TextField label="Organization" value={organization} onChange={setOrganization} />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          required
          hint="Names you as the signer: the client passes it to ssh-keygen -I."
        />
        {needsPassphrase && (
          <TextField
            label="Passphrase"
            type="password"
            value={passphrase}
            onChange={setPassphrase}
            hint="This system has no keychain; the key is encrypted with this passphrase. You type it each time you sign."
          />
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 8, marginTop: 12 }}>
        <button type="submit" className="button button-primary" disabled={busy}>
          Create signing key
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * The assessor's signing identity: created once, shown with its fingerprint, exportable as .pub;
 * in the desktop host backed up and restored as an encrypted file. Replacing it asks first.
 */
export function SigningIdentityPanel({
  identity,
  onChange,
}: {
  identity: SigningIdentity | null;
  onChange: (identity: SigningIdentity) => void;
}) {
  const [replacing, setReplacing] = useState(false);
  const [dialog, setDialog] = useState<
    null | 'confirm-replace' | 'backup' | 'backup-then-confirm' | 'restore'
  >(null);
  const desktop = hostKind() === 'desktop';
  const restoreDialog = dialog === 'restore' && (
    <RestoreKeyDialog
      onRestored={(restored) => {
        setDialog(null);
        setReplacing(false);
        onChange(restored);
      }}
      onClose={() => setDialog(null)}
    />
  );
  if (!identity || replacing) {
    return (
      <>
        <p>
          Create your signing key once. It is an Ed25519 key; the client checks your signature with its public
          half and its fingerprint, which you give them separately.
        </p>
        <KeySafetyNote />
        <CreateKeyForm
          onCreated={(created) => {
            setReplacing(false);
            notify('success', `Signing key created: ${created.fingerprint}`);
            onChange(created);
          }}
          onCancel={identity ? () => setReplacing(false) : undefined}
        />
        {desktop && (
          <p>
            Moving to this computer, or reinstalling?{' '}
            <button type="button" className="button button-ghost" onClick={() => setDialog('restore')}>
              Restore from backup…
            </button>
          </p>
        )}
        {restoreDialog}
      </>
    );
  }
  return (
    <div className="signing-identity">
      <dl className="facts">
        <dt>Signer</dt>
        <dd>
          {identity.name}
          {identity.organization && `, ${identity.organization}`} &lt;{identity.email}&gt;
        </dd>
        <dt>Fingerprint</dt>
        <dd className="mono" data-testid="signing-fingerprint">
          {identity.fingerprint}
        </dd>
        <dt>Private key</dt>
        <dd>
          {PROTECTION_LABELS[identity.protection]}, created {formatDateTime(identity.createdAt)}
        </dd>
      </dl>
      <label className="field-label" htmlFor="public-key">
        Public key (OpenSSH)
      </label>
      <textarea id="public-key" className="textarea mono" readOnly value={identity.publicKey} rows={2} />
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <button
          type="button"
          className="button"
          onClick={() => {
            void platform()
              .saveFile({
                title: 'Export public key',
                suggestedName: pubFileName(identity),
                filters: [{ name: 'OpenSSH public key', extensions: ['pub'] }],
                data: new TextEncoder().encode(`${identity.publicKey}\n`),
              })
              .then(
                (r) => r.saved && notify('success', `Exported ${pubFileName(identity)}`),
                (e: Error) => notify('error', `Could not export the public key: ${e.message}`),
              );
          }}
        >
          Export public key (.pub)
        </button>
        {desktop && (
          <>
            <button type="button" className="button" onClick={() => setDialog('backup')}>
              Back up the signing key…
            </button>
            <button type="button" className="button button-ghost" onClick={() => setDialog('restore')}>
              Restore from backup…
            </button>
          </>
        )}
        <button type="button" className="button button-ghost" onClick={() => setDialog('confirm-replace')}>
          Replace key…
        </button>
      </div>
      <KeySafetyNote />
      {dialog === 'confirm-replace' && (
        <ReplaceKeyConfirm
          identity={identity}
          onBackUp={() => setDialog('backup-then-confirm')}
          onConfirm={() => {
            setDialog(null);
            setReplacing(true);
          }}
          onCancel={() => setDialog(null)}
        />
      )}
      {(dialog === 'backup' || dialog === 'backup-then-confirm') && (
        <BackupKeyDialog
          identity={identity}
          onClose={() => setDialog(dialog === 'backup-then-confirm' ? 'confirm-replace' : null)}
        />
      )}
      {restoreDialog}
    </div>
  );
}
