import {
  CONNECTION_TYPE_LABELS,
  CONNECTION_TYPES,
  FOUND_BY,
  type Asset,
  type Connection,
  type Zone,
} from '../../../shared/model';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';
import { ConnectionPhotos } from './ConnectionPhotos';
import { ConnectionRiskFields } from './ConnectionRiskFields';
import { EndpointField } from './EndpointField';
import { useConnectionForm, type SaveConnection } from './use-connection-form';

export const FOUND_BY_LABELS: Record<(typeof FOUND_BY)[number], string> = {
  'walk-down': 'Walk-down',
  interview: 'Interview',
  traffic: 'Traffic',
  inventory: 'Sensor inventory',
};

type Form = ReturnType<typeof useConnectionForm>;

/** The two ends, each an asset (typed or picked), a zone or a described outside party. */
function EndpointsRow({ form, zones, assets }: { form: Form; zones: Zone[]; assets: Asset[] }) {
  return (
    <div className="form-row">
      {(['from', 'to'] as const).map((end) => (
        <EndpointField
          key={end}
          label={end === 'from' ? 'From' : 'To'}
          value={form.draft[end]}
          onChange={(v) => form.update({ [end]: v })}
          query={form.queries[end]}
          onQuery={(q) => form.setQuery(end, q)}
          error={form.errors[end]}
          zones={zones}
          assets={assets}
        />
      ))}
    </div>
  );
}

/** What kind of connection it is and how it was found. */
function KindRow({ form }: { form: Form }) {
  return (
    <div className="form-row">
      <label className="field">
        <span>Type</span>
        <select
          className="select"
          value={form.draft.type}
          onChange={(e) => form.update({ type: e.target.value as Connection['type'] })}
        >
          {CONNECTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {CONNECTION_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>How found</span>
        <select
          className="select"
          value={form.draft.foundBy}
          onChange={(e) => form.update({ foundBy: e.target.value as Connection['foundBy'] })}
        >
          {FOUND_BY.map((f) => (
            <option key={f} value={f}>
              {FOUND_BY_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function TextField({
  label,
  rows,
  value,
  onChange,
}: {
  label: string;
  rows: number;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <textarea
        className="textarea"
        aria-label={label}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

function FormErrors({ errors }: { errors: Record<string, string> }) {
  if (Object.keys(errors).length === 0) return null;
  return (
    <ul className="form-errors" role="alert">
      {Object.entries(errors).map(([field, error]) => (
        <li key={field}>{error}</li>
      ))}
    </ul>
  );
}

export interface ConnectionDialogProps {
  title: string;
  initial: Connection;
  zones: Zone[];
  assets: Asset[];
  onSave: SaveConnection;
  onClose: () => void;
}

/** The form of one undocumented connection: endpoints, type, how found, risk, status, photos. */
export function ConnectionDialog({ title, initial, zones, assets, onSave, onClose }: ConnectionDialogProps) {
  const form = useConnectionForm(initial, assets, onSave, onClose);
  const { draft, update } = form;
  return (
    <Modal title={title} onClose={onClose} wide>
      <form
        className="connection-form"
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit();
        }}
      >
        <EndpointsRow form={form} zones={zones} assets={assets} />
        <KindRow form={form} />
        <TextField
          label="Description"
          rows={3}
          value={draft.description}
          onChange={(description) => update({ description })}
        />
        <ConnectionRiskFields
          draft={draft}
          justificationError={form.errors.justification}
          onChange={update}
        />
        <TextField
          label="Recommendation"
          rows={2}
          value={draft.recommendation}
          onChange={(recommendation) => update({ recommendation })}
        />
        <ConnectionPhotos {...form.photos} />
        <FormErrors errors={form.errors} />
        <FormActions submit="Save connection" onCancel={onClose} busy={form.saving} />
      </form>
    </Modal>
  );
}
