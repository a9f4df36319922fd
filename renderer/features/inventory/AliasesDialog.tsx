import { useEffect, useState, type FormEvent } from 'react';
import type { Asset } from '../../../shared/model';
import { TYPE_ALIASES, VENDOR_ALIASES, type AliasKind } from '../../../shared/vendors';
import { listAliases, removeAlias, renormaliseInventory, saveAlias } from '../../db/aliases';
import type { StoredAlias } from '../../db/schema';
import { trackSave } from '../../db/save-status';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';

const KIND_LABELS: Record<AliasKind, string> = { vendor: 'Vendor', type: 'Device type' };
const BUILT_IN: Record<AliasKind, Record<string, readonly string[]>> = {
  vendor: VENDOR_ALIASES,
  type: TYPE_ALIASES,
};

/** Puts the aliases to work on the stored assets, and says how many changed. */
async function applyToInventory(assessmentId: string, patch: (assets: Asset[]) => void) {
  const changed = await trackSave(renormaliseInventory(assessmentId));
  patch(changed);
  notify(
    'success',
    `Aliases applied: ${changed.length.toLocaleString('en')} asset${changed.length === 1 ? '' : 's'} renamed`,
  );
}

function AddAliasForm({ onAdded }: { onAdded: (alias: StoredAlias) => Promise<void> }) {
  const [kind, setKind] = useState<AliasKind>('vendor');
  const [spelling, setSpelling] = useState('');
  const [canonical, setCanonical] = useState('');
  const [errors, setErrors] = useState<{ spelling?: string; canonical?: string }>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      spelling: spelling.trim() ? undefined : 'Type the spelling found in the exports',
      canonical: canonical.trim() ? undefined : 'Type the name it stands for',
    };
    setErrors(next);
    if (next.spelling || next.canonical) return;
    await onAdded(await trackSave(saveAlias({ kind, spelling, canonical })));
    setSpelling('');
    setCanonical('');
  }
  return (
    <form className="form-grid alias-form" aria-label="Add an alias" onSubmit={(e) => void submit(e)}>
      <Field label="Kind">
        <select className="select" value={kind} onChange={(e) => setKind(e.target.value as AliasKind)}>
          <option value="vendor">Vendor</option>
          <option value="type">Device type</option>
        </select>
      </Field>
      <Field label="Spelling in the exports" error={errors.spelling}>
        <input className="input" value={spelling} onChange={(e) => setSpelling(e.target.value)} />
      </Field>
      <Field label="Stands for" error={errors.canonical} hint="The name to store and show">
        <input
          className="input"
          list="alias-names"
          value={canonical}
          onChange={(e) => setCanonical(e.target.value)}
        />
      </Field>
      <datalist id="alias-names">
        {Object.keys(BUILT_IN[kind]).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="modal-actions span-2">
        <button type="submit" className="button button-primary">
          Add alias
        </button>
      </div>
    </form>
  );
}

/**
 * The vendor and device-type aliases: the built-in tables (shared with the advisory matcher) and
 * the assessor's own, which win. Each change is applied to the inventory's stored assets at once.
 */
export function AliasesDialog({
  assessmentId,
  patch,
  onClose,
}: {
  assessmentId: string;
  patch: (assets: Asset[]) => void;
  onClose: () => void;
}) {
  const [aliases, setAliases] = useState<StoredAlias[] | null>(null);
  const reload = () => listAliases().then(setAliases);
  useEffect(() => void reload(), []);
  const changed = async () => {
    await reload();
    await applyToInventory(assessmentId, patch);
  };
  return (
    <Modal title="Vendor and type names" onClose={onClose} wide>
      <p className="hint">
        Imports store one name per vendor and device type (“Siemens AG” as Siemens, “PLCs” as PLC) and keep
        the spelling of the export beside it. Your aliases come before the built-in ones.
      </p>
      <table className="preview-table" aria-label="Your aliases">
        <thead>
          <tr>
            <th>Kind</th>
            <th>Spelling</th>
            <th>Stands for</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {aliases?.length === 0 && (
            <tr>
              <td colSpan={4}>No aliases of your own yet.</td>
            </tr>
          )}
          {aliases?.map((alias) => (
            <tr key={alias.id}>
              <td>{KIND_LABELS[alias.kind]}</td>
              <td>{alias.spelling}</td>
              <td>{alias.canonical}</td>
              <td>
                <button
                  type="button"
                  className="button button-small button-ghost"
                  aria-label={`Remove the alias ${alias.spelling}`}
                  onClick={() => void trackSave(removeAlias(alias.id)).then(changed)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddAliasForm onAdded={changed} />
      <details>
        <summary>Built-in names</summary>
        <ul className="alias-builtins">
          {(['vendor', 'type'] as const).flatMap((kind) =>
            Object.entries(BUILT_IN[kind]).map(([name, spellings]) => (
              <li key={`${kind}:${name}`}>
                <strong>{name}</strong>: {spellings.join(', ')}
              </li>
            )),
          )}
        </ul>
      </details>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => void applyToInventory(assessmentId, patch)}>
          Apply to the inventory again
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
