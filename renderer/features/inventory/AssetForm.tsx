import { useState, type FormEvent } from 'react';
import type { Asset } from '../../../shared/model';
import type { AssetEdit } from '../../db/inventory';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';
import { draftOf, draftToEdit, saveErrors, TEXT_FIELDS, type Draft, type DraftErrors } from './asset-draft';

/** The form's draft and its messages; submitting checks it, saves it and closes, or says what is wrong. */
function useAssetDraft(asset: Asset | null, onSave: (edit: AssetEdit) => Promise<void>, onClose: () => void) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(asset));
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = draftToEdit(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    try {
      await onSave(result.edit);
      onClose();
    } catch (error) {
      setErrors(saveErrors(error));
    }
  }
  return { draft, errors, set, submit };
}

/** Adding an asset by hand, or editing one (imported or not). */
export function AssetForm({
  asset,
  onSave,
  onClose,
}: {
  asset: Asset | null;
  onSave: (edit: AssetEdit) => Promise<void>;
  onClose: () => void;
}) {
  const { draft, errors, set, submit } = useAssetDraft(asset, onSave, onClose);
  const field = (key: keyof Draft, label: string, hint?: string) => (
    <Field key={key} label={label} hint={hint} error={errors[key]}>
      <input className="input" value={draft[key]} onChange={set(key)} />
    </Field>
  );
  const problems = Object.values(errors);

  return (
    <Modal title={asset ? `Edit ${asset.name}` : 'Add asset'} onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          {TEXT_FIELDS.map(([key, label]) => field(key, label))}
          {field('ips', 'IP addresses', 'separated by commas')}
          {field('macs', 'MAC addresses', 'separated by commas')}
          {field('protocols', 'Protocols', 'separated by commas')}
          {field('purdue', 'Purdue level', '0 to 5')}
          <Field label="Criticality">
            <select className="select" value={draft.criticality} onChange={set('criticality')}>
              <option value="">unknown</option>
              <option value="low">low</option>
              <option value="medium">medium</option>
              <option value="high">high</option>
              <option value="critical">critical</option>
            </select>
          </Field>
          <Field label="Notes">
            <textarea className="textarea" value={draft.notes} onChange={set('notes')} />
          </Field>
        </div>
        {problems.length > 0 && (
          <ul className="field-error" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <FormActions submit={asset ? 'Save' : 'Add asset'} onCancel={onClose} />
      </form>
    </Modal>
  );
}
