import { useEffect, useMemo, useState } from 'react';
import { connectionSeverity } from '../../../shared/network';
import {
  CONNECTION_TYPE_LABELS,
  CONNECTION_TYPES,
  connectionSchema,
  describeZodError,
  FOUND_BY,
  type Asset,
  type Connection,
  type EndpointRef,
  type Evidence,
  type Zone,
} from '../../../shared/model';
import { listEvidence } from '../../db/evidence';
import { Modal } from '../../ui/Modal';

export const FOUND_BY_LABELS: Record<(typeof FOUND_BY)[number], string> = {
  'walk-down': 'Walk-down',
  interview: 'Interview',
  traffic: 'Traffic',
  inventory: 'Sensor inventory',
};

const MAX_ASSET_OPTIONS = 200;

function EndpointField({
  label,
  value,
  onChange,
  zones,
  assets,
}: {
  label: string;
  value: EndpointRef;
  onChange: (next: EndpointRef) => void;
  zones: Zone[];
  assets: Asset[];
}) {
  const assetLabel = (a: Asset) => (a.ips[0] && a.ips[0] !== a.name ? `${a.name} (${a.ips[0]})` : a.name);
  const current = value.kind === 'asset' ? assets.find((a) => a.id === value.assetId) : undefined;
  const [query, setQuery] = useState(current ? assetLabel(current) : '');
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const found: Asset[] = [];
    for (const asset of assets) {
      if (found.length >= MAX_ASSET_OPTIONS) break;
      if (q === '' || assetLabel(asset).toLowerCase().includes(q)) found.push(asset);
    }
    return found;
  }, [assets, query]);
  const listId = `${label.replace(/\W/g, '')}-assets`;
  return (
    <fieldset className="endpoint-field">
      <legend>{label}</legend>
      <select
        className="select"
        aria-label={`${label} kind`}
        value={value.kind}
        onChange={(e) => {
          const kind = e.target.value as EndpointRef['kind'];
          if (kind === 'zone') onChange({ kind, zoneId: zones[0]?.id ?? '' });
          else if (kind === 'asset') onChange({ kind, assetId: '' });
          else onChange({ kind, text: '' });
        }}
      >
        <option value="text">Free text</option>
        <option value="zone">Zone</option>
        <option value="asset">Asset</option>
      </select>
      {value.kind === 'text' && (
        <input
          className="input"
          aria-label={`${label} description`}
          placeholder="e.g. vendor cloud, 4G network"
          value={value.text}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        />
      )}
      {value.kind === 'zone' && (
        <select
          className="select"
          aria-label={`${label} zone`}
          value={value.zoneId}
          onChange={(e) => onChange({ kind: 'zone', zoneId: e.target.value })}
        >
          {zones.length === 0 && <option value="">No zones yet</option>}
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      )}
      {value.kind === 'asset' && (
        <>
          <input
            className="input"
            aria-label={`${label} asset`}
            list={listId}
            placeholder="Type a name or an IP"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              const picked = matches.find((a) => assetLabel(a) === e.target.value);
              onChange({ kind: 'asset', assetId: picked?.id ?? '' });
            }}
          />
          <datalist id={listId}>
            {matches.map((a) => (
              <option key={a.id} value={assetLabel(a)} />
            ))}
          </datalist>
        </>
      )}
    </fieldset>
  );
}

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
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void listEvidence(initial.evidenceIds).then(setPhotos);
  }, [initial.evidenceIds]);
  const set = <K extends keyof Connection>(key: K, value: Connection[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const severity = connectionSeverity(draft.likelihood, draft.impact);

  const submit = async () => {
    const problems: string[] = [];
    for (const [name, end] of [
      ['From', draft.from],
      ['To', draft.to],
    ] as const) {
      if (end.kind === 'asset' && end.assetId === '') problems.push(`${name}: pick an asset from the list`);
      if (end.kind === 'zone' && end.zoneId === '') problems.push(`${name}: pick a zone`);
    }
    const parsed = connectionSchema.safeParse(draft);
    if (!parsed.success) problems.push(...describeZodError(parsed.error));
    setErrors(problems);
    if (problems.length > 0 || !parsed.success) return;
    setSaving(true);
    try {
      await onSave(parsed.data, newPhotos, removed);
      onClose();
    } catch (error) {
      setErrors([(error as Error).message]);
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
            zones={zones}
            assets={assets}
          />
          <EndpointField
            label="To"
            value={draft.to}
            onChange={(v) => set('to', v)}
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
        {errors.length > 0 && (
          <ul className="form-errors" role="alert">
            {errors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            Save connection
          </button>
        </div>
      </form>
    </Modal>
  );
}
