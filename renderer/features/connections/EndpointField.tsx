import { useMemo } from 'react';
import {
  assetPickerLabel,
  assetsMatchingQuery,
  lookUpAsset,
  type Asset,
  type EndpointRef,
  type Zone,
} from '../../../shared/model';

const MAX_ASSET_OPTIONS = 200;

/** aria-invalid and the error it is described by, on the input that holds the endpoint. */
type InvalidProps = { 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/** An empty endpoint of a kind; a zone endpoint starts on the first zone. */
function emptyEndpoint(kind: EndpointRef['kind'], zones: readonly Zone[]): EndpointRef {
  if (kind === 'zone') return { kind, zoneId: zones[0]?.id ?? '' };
  if (kind === 'asset') return { kind, assetId: '' };
  return { kind, text: '' };
}

function ZoneSelect({
  label,
  zoneId,
  zones,
  invalid,
  onChange,
}: {
  label: string;
  zoneId: string;
  zones: Zone[];
  invalid: InvalidProps;
  onChange: (next: EndpointRef) => void;
}) {
  return (
    <select
      className="select"
      aria-label={`${label} zone`}
      value={zoneId}
      {...invalid}
      onChange={(e) => onChange({ kind: 'zone', zoneId: e.target.value })}
    >
      {zones.length === 0 && <option value="">No zones yet</option>}
      {zones.map((z) => (
        <option key={z.id} value={z.id}>
          {z.name}
        </option>
      ))}
    </select>
  );
}

/** The asset box: a name or IP as typed, resolved to the one asset it names, with suggestions. */
function AssetInput({
  label,
  listId,
  query,
  onQuery,
  assets,
  invalid,
  onChange,
}: {
  label: string;
  listId: string;
  query: string;
  onQuery: (query: string) => void;
  assets: Asset[];
  invalid: InvalidProps;
  onChange: (next: EndpointRef) => void;
}) {
  const matches = useMemo(() => assetsMatchingQuery(assets, query, MAX_ASSET_OPTIONS), [assets, query]);
  return (
    <>
      <input
        className="input"
        aria-label={`${label} asset`}
        list={listId}
        placeholder="Type a name or an IP"
        value={query}
        {...invalid}
        onChange={(e) => {
          onQuery(e.target.value);
          const lookup = lookUpAsset(assets, e.target.value);
          onChange({ kind: 'asset', assetId: lookup.kind === 'found' ? lookup.asset.id : '' });
        }}
      />
      <datalist id={listId}>
        {matches.map((a) => (
          <option key={a.id} value={assetPickerLabel(a)} />
        ))}
      </datalist>
    </>
  );
}

/** One end of a connection: free text, a zone, or an asset found by its name or IP as typed. */
export function EndpointField({
  label,
  value,
  onChange,
  query,
  onQuery,
  error,
  zones,
  assets,
}: {
  label: string;
  value: EndpointRef;
  onChange: (next: EndpointRef) => void;
  /** What is typed in the asset box (kept by the form, which resolves it again on save). */
  query: string;
  onQuery: (query: string) => void;
  error?: string;
  zones: Zone[];
  assets: Asset[];
}) {
  const listId = `${label.replace(/\W/g, '')}-assets`;
  const errorId = `${listId}-error`;
  const invalid: InvalidProps = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <fieldset className="endpoint-field">
      <legend>{label}</legend>
      <select
        className="select"
        aria-label={`${label} kind`}
        value={value.kind}
        onChange={(e) => onChange(emptyEndpoint(e.target.value as EndpointRef['kind'], zones))}
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
          {...invalid}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        />
      )}
      {value.kind === 'zone' && (
        <ZoneSelect label={label} zoneId={value.zoneId} zones={zones} invalid={invalid} onChange={onChange} />
      )}
      {value.kind === 'asset' && (
        <AssetInput
          label={label}
          listId={listId}
          query={query}
          onQuery={onQuery}
          assets={assets}
          invalid={invalid}
          onChange={onChange}
        />
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
