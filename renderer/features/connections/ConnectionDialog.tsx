import { useEffect, useState } from 'react';
import { connectionSeverity } from '../../../shared/network';
import {
  CONNECTION_TYPE_LABELS,
  CONNECTION_TYPES,
  assetLookupMessage,
  assetPickerLabel,
  connectionSchema,
  fieldMessages,
  FOUND_BY,
  lookUpAsset,
  type Asset,
  type Connection,
  type EndpointRef,
  type Evidence,
  type Zone,
} from '../../../shared/model';
import { listEvidence } from '../../db/evidence';
import { FormActions } from '../../ui/FormActions';
import { Modal } from '../../ui/Modal';
import { EndpointField } from './EndpointField';

export const FOUND_BY_LABELS: Record<(typeof FOUND_BY)[number], string> = {
  'walk-down': 'Walk-down',
  interview: 'Interview',
  traffic: 'Traffic',
  inventory: 'Sensor inventory',
};

function PhotoThumb({ blob, name, onRemove }: { blob: Blob; name: string; onRemove: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return (
    <figure className="photo-thumb">
      {url && <img src={url} alt={name} />}
      <figcaption>
        {name}
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={onRemove}
          aria-label={`Remove ${name}`}
        >
          ×
        </button>
      </figcaption>
    </figure>
  );
}

const FIELD_LABELS: Record<string, string> = {
  from: 'From',
  to: 'To',
  description: 'Description',
  justification: 'Justification',
  recommendation: 'Recommendation',
};

/** What the asset box of an end shows on opening: the chosen asset's label. */
function initialQuery(end: EndpointRef, assets: readonly Asset[]): string {
  const asset = end.kind === 'asset' ? assets.find((a) => a.id === end.assetId) : undefined;
  return asset ? assetPickerLabel(asset) : '';
}

/** A message per end that names no asset or zone: the typed text is looked up once more. */
function endpointErrors(
  draft: Connection,
  queries: { from: string; to: string },
  assets: readonly Asset[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of ['from', 'to'] as const) {
    const end = draft[key];
    if (end.kind === 'asset' && end.assetId === '') {
      errors[key] = `${FIELD_LABELS[key]}: ${assetLookupMessage(lookUpAsset(assets, queries[key]))}`;
    }
    if (end.kind === 'zone' && end.zoneId === '') errors[key] = `${FIELD_LABELS[key]}: pick a zone`;
    if (end.kind === 'text' && end.text.trim() === '')
      errors[key] = `${FIELD_LABELS[key]}: describe this end`;
  }
  return errors;
}

export interface ConnectionDialogProps {
  title: string;
  initial: Connection;
  zones: Zone[];
  assets: Asset[];
  onSave: (connection: Connection, newPhotos: File[], removedPhotoIds: string[]) => Promise<void>;
  onClose: () => void;
}

/** The form of one undocumented connection: endpoints, type, how found, risk, status, photos. */
export function ConnectionDialog({ title, initial, zones, assets, onSave, onClose }: ConnectionDialogProps) {
  const [draft, setDraft] = useState<Connection>(initial);
  const [photos, setPhotos] = useState<Evidence[]>([]);
  const [newPhotos, setNewPhotos] = useState<File[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [queries, setQueries] = useState(() => ({
    from: initialQuery(initial.from, assets),
    to: initialQuery(initial.to, assets),
  }));
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void listEvidence(initial.evidenceIds).then(setPhotos);
  }, [initial.evidenceIds]);
  const set = <K extends keyof Connection>(key: K, value: Connection[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const severity = connectionSeverity(draft.likelihood, draft.impact);

  const submit = async () => {
    const problems = endpointErrors(draft, queries, assets);
    const parsed = connectionSchema.safeParse(draft);
    if (!parsed.success)
      Object.assign(problems, { ...fieldMessages(parsed.error, FIELD_LABELS), ...problems });
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !parsed.success) return;
    setSaving(true);
    try {
      await onSave(parsed.data, newPhotos, removed);
      onClose();
    } catch (error) {
      setErrors({ form: (error as Error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={title} onClose={onClose} wide>
      <form
        className="connection-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-row">
          <EndpointField
            label="From"
            value={draft.from}
            onChange={(v) => set('from', v)}
            query={queries.from}
            onQuery={(q) => setQueries((qs) => ({ ...qs, from: q }))}
            error={errors.from}
            zones={zones}
            assets={assets}
          />
          <EndpointField
            label="To"
            value={draft.to}
            onChange={(v) => set('to', v)}
            query={queries.to}
            onQuery={(q) => setQueries((qs) => ({ ...qs, to: q }))}
            error={errors.to}
            zones={zones}
            assets={assets}
          />
        </div>
        <div className="form-row">
          <label className="field">
            <span>Type</span>
            <select
              className="select"
              value={draft.type}
              onChange={(e) => set('type', e.target.value as Connection['type'])}
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
              value={draft.foundBy}
              onChange={(e) => set('foundBy', e.target.value as Connection['foundBy'])}
            >
              {FOUND_BY.map((f) => (
                <option key={f} value={f}>
                  {FOUND_BY_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>Description</span>
          <textarea
            className="textarea"
            aria-label="Description"
            rows={3}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </label>
        <div className="form-row">
          <label className="field">
            <span>Likelihood (1–5)</span>
            <select
              className="select"
              value={draft.likelihood}
              onChange={(e) => set('likelihood', Number(e.target.value))}
            >
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Impact (1–5)</span>
            <select
              className="select"
              value={draft.impact}
              onChange={(e) => set('impact', Number(e.target.value))}
            >
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <div className="field">
            <span className="field-label">Severity</span>
            <span className={`severity severity-${severity}`} data-testid="severity">
              {severity}
            </span>
          </div>
          <label className="field">
            <span>Status</span>
            <select
              className="select"
              value={draft.status}
              onChange={(e) => set('status', e.target.value as Connection['status'])}
            >
              <option value="open">Open</option>
              <option value="accepted">Accepted</option>
              <option value="remediated">Remediated</option>
            </select>
          </label>
        </div>
        {draft.status === 'accepted' && (
          <label className="field">
            <span>Justification (required to accept)</span>
            <textarea
              className="textarea"
              aria-label="Justification (required to accept)"
              aria-invalid={errors.justification ? true : undefined}
              rows={2}
              value={draft.justification}
              onChange={(e) => set('justification', e.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span>Recommendation</span>
          <textarea
            className="textarea"
            aria-label="Recommendation"
            rows={2}
            value={draft.recommendation}
            onChange={(e) => set('recommendation', e.target.value)}
          />
        </label>
        <div className="field">
          <span className="field-label">Photos</span>
          <div className="photo-list">
            {photos
              .filter((p) => !removed.includes(p.id))
              .map((p) => (
                <PhotoThumb
                  key={p.id}
                  blob={p.blob}
                  name={p.name}
                  onRemove={() => setRemoved((r) => [...r, p.id])}
                />
              ))}
            {newPhotos.map((file, index) => (
              <PhotoThumb
                key={`new-${index}`}
                blob={file}
                name={file.name}
                onRemove={() => setNewPhotos((list) => list.filter((f) => f !== file))}
              />
            ))}
          </div>
          <input
            type="file"
            accept="image/*"
            multiple
            aria-label="Add photos"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              setNewPhotos((list) => [...list, ...files]);
              e.target.value = '';
            }}
          />
        </div>
        {Object.keys(errors).length > 0 && (
          <ul className="form-errors" role="alert">
            {Object.entries(errors).map(([field, error]) => (
              <li key={field}>{error}</li>
            ))}
          </ul>
        )}
        <FormActions submit="Save connection" onCancel={onClose} busy={saving} />
      </form>
    </Modal>
  );
}
