import { useMemo } from 'react';
import {
  assetPickerLabel,
  lookUpAsset,
  type Asset,
  type EndpointRef,
  type Zone,
} from '../../../shared/model';
import { matchesWords, searchWords } from '../../../shared/text/search';

const MAX_ASSET_OPTIONS = 200;

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
  const matches = useMemo(() => {
    const words = searchWords(query);
    const found: Asset[] = [];
    for (const asset of assets) {
      if (found.length >= MAX_ASSET_OPTIONS) break;
      if (matchesWords(words, [asset.name, ...asset.ips, ...asset.hostnames])) found.push(asset);
    }
    return found;
  }, [assets, query]);
  const listId = `${label.replace(/\W/g, '')}-assets`;
  const errorId = `${listId}-error`;
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
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
          {...invalid}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        />
      )}
      {value.kind === 'zone' && (
        <select
          className="select"
          aria-label={`${label} zone`}
          value={value.zoneId}
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
      )}
      {value.kind === 'asset' && (
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
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
