import type { Asset } from '../../../shared/model';
import { useAssetDetailSections } from '../../ui/asset-detail-contributions';
import { Modal } from '../../ui/Modal';
import { ASSET_COLUMNS } from './asset-columns';

/** One asset: every field, where it came from (provenance) and where its sources disagree. */
export function AssetDetail({
  asset,
  zones,
  onEdit,
  onClose,
}: {
  asset: Asset;
  zones: ReadonlyMap<string, string>;
  onEdit: () => void;
  onClose: () => void;
}) {
  return (
    <Modal title={asset.name} onClose={onClose} wide>
      <AssetFields asset={asset} zones={zones} />
      <ContributedSections asset={asset} />
      <h3>Sources</h3>
      <AssetSources asset={asset} />
      <h3>Conflicts</h3>
      <AssetConflicts asset={asset} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button button-primary" onClick={onEdit}>
          Edit
        </button>
      </div>
    </Modal>
  );
}

function AssetFields({ asset, zones }: { asset: Asset; zones: ReadonlyMap<string, string> }) {
  return (
    <dl className="asset-fields">
      {ASSET_COLUMNS.filter((c) => c.id !== 'name').map((c) => (
        <div key={c.id}>
          <dt>{c.label}</dt>
          <dd>
            {c.text(asset, zones) || '—'}
            {c.hint?.(asset) && <span className="field-hint"> ({c.hint(asset)})</span>}
          </dd>
        </div>
      ))}
      {asset.endOfSupport && (
        <div>
          <dt>End of support</dt>
          <dd>{asset.endOfSupport}</dd>
        </div>
      )}
      {asset.notes && (
        <div>
          <dt>Notes</dt>
          <dd>{asset.notes}</dd>
        </div>
      )}
    </dl>
  );
}

/** What other workspaces show about the asset (its vulnerabilities, its connections…). */
function ContributedSections({ asset }: { asset: Asset }) {
  const sections = useAssetDetailSections();
  return sections.map(({ title, Section }) => (
    <section key={title} aria-label={title}>
      <h3>{title}</h3>
      <Section assessmentId={asset.assessmentId} assetId={asset.id} />
    </section>
  ));
}

function AssetSources({ asset }: { asset: Asset }) {
  return (
    <table className="plain-table" aria-label="Sources">
      <thead>
        <tr>
          <th>Format</th>
          <th>File</th>
          <th>Id in the source</th>
        </tr>
      </thead>
      <tbody>
        {asset.sources.map((s, i) => (
          <tr key={i}>
            <td>{s.format === 'manual' ? 'added by hand' : s.format}</td>
            <td>{s.fileName ?? '—'}</td>
            <td className="mono">{s.sourceId ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each field the sources disagree on, with every value and the source that gave it. */
function AssetConflicts({ asset }: { asset: Asset }) {
  if (asset.conflicts.length === 0) return <p>The sources agree on every value.</p>;
  return (
    <table className="plain-table" aria-label="Conflicts">
      <thead>
        <tr>
          <th>Field</th>
          <th>Value</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        {asset.conflicts.flatMap((c) =>
          c.values.map((v, i) => (
            <tr key={`${c.field}-${i}`}>
              <td>{i === 0 ? c.field : ''}</td>
              <td>{v.value}</td>
              <td>
                {v.source.format}
                {v.source.fileName ? ` · ${v.source.fileName}` : ''}
                {v.source.sourceId ? ` · ${v.source.sourceId}` : ''}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
