import { useState, type FormEvent } from 'react';
import type { SigningIdentity } from '../../../shared/bridge';
import { platform } from '../../platform';
import { commandById, CommandButton } from '../../ui/commands';
import { EXPORT_COMMANDS, type ExportCommandState, type KeyDialog } from './commands';
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

/** Which key dialog is open, and whether a new key is being created in place of the current one. */
export function useKeyDialogs() {
  const [replacing, setReplacing] = useState(false);
  const [dialog, setDialog] = useState<KeyDialog | null>(null);
  return { replacing, setReplacing, dialog, setDialog };
}

export type KeyDialogs = ReturnType<typeof useKeyDialogs>;

interface PanelProps {
  identity: SigningIdentity | null;
  onChange: (identity: SigningIdentity) => void;
  dialogs: KeyDialogs;
  commandState: ExportCommandState;
}

/**
 * The assessor's signing identity: created once, shown with its fingerprint, exportable as .pub;
 * in the desktop host backed up and restored as an encrypted file. Replacing it asks first.
 */
export function SigningIdentityPanel(props: PanelProps) {
  const { identity, dialogs } = props;
  if (!identity || dialogs.replacing) {
    return (
      <>
        <CreateKeySection {...props} />
        <KeyDialogs {...props} />
      </>
    );
  }
  return (
    <div className="signing-identity">
      <IdentityFacts identity={identity} />
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <KeyCommand id="export-public-key" state={props.commandState} className="button" />
        {props.commandState.desktop && (
          <>
            <KeyCommand id="back-up-key" state={props.commandState} className="button" />
            <KeyCommand id="restore-key" state={props.commandState} className="button button-ghost" />
          </>
        )}
        <KeyCommand id="replace-key" state={props.commandState} className="button button-ghost" />
      </div>
      <KeySafetyNote />
      <KeyDialogs {...props} />
    </div>
  );
}

/** A button for one of the key's commands in the Export list. */
function KeyCommand({ id, state, className }: { id: string; state: ExportCommandState; className: string }) {
  return <CommandButton command={commandById(EXPORT_COMMANDS, id)} state={state} className={className} />;
}

/** No key yet, or replacing it: the form for a new one, and (desktop) restoring one from a backup. */
function CreateKeySection(props: PanelProps) {
  const { identity, dialogs, onChange } = props;
  return (
    <>
      <p>
        Create your signing key once. It is an Ed25519 key; the client checks your signature with its public
        half and its fingerprint, which you give them separately.
      </p>
      <KeySafetyNote />
      <CreateKeyForm
        onCreated={(created) => {
          dialogs.setReplacing(false);
          notify('success', `Signing key created: ${created.fingerprint}`);
          onChange(created);
        }}
        onCancel={identity ? () => dialogs.setReplacing(false) : undefined}
      />
      {props.commandState.desktop && (
        <p>
          Moving to this computer, or reinstalling?{' '}
          <KeyCommand id="restore-key" state={props.commandState} className="button button-ghost" />
        </p>
      )}
    </>
  );
}

function IdentityFacts({ identity }: { identity: SigningIdentity }) {
  return (
    <>
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
    </>
  );
}

/** The open key dialog: confirm a replacement, back up (maybe before replacing), restore. */
function KeyDialogs({ identity, onChange, dialogs }: PanelProps) {
  const { dialog, setDialog } = dialogs;
  return (
    <>
      {identity && dialog === 'confirm-replace' && (
        <ReplaceKeyConfirm
          identity={identity}
          onBackUp={() => setDialog('backup-then-confirm')}
          onConfirm={() => {
            setDialog(null);
            dialogs.setReplacing(true);
          }}
          onCancel={() => setDialog(null)}
        />
      )}
      {identity && (dialog === 'backup' || dialog === 'backup-then-confirm') && (
        <BackupKeyDialog
          identity={identity}
          onClose={() => setDialog(dialog === 'backup-then-confirm' ? 'confirm-replace' : null)}
        />
      )}
      {dialog === 'restore' && (
        <RestoreKeyDialog
          onRestored={(restored) => {
            setDialog(null);
            dialogs.setReplacing(false);
            onChange(restored);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
