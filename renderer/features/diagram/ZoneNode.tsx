import { memo, type CSSProperties } from 'react';
import { ZONE_KIND_COLORS } from '../../../shared/diagram';
import { Handle, NodeResizer, Position, useStore, type Node, type NodeProps } from '@xyflow/react';
import type { Asset, Zone } from '../../../shared/model';
import { ZONE_KIND_LABELS } from '../../../shared/model';
import { formatSlt } from '../../../shared/model/slt';
import { useDiagramContributions } from '../../ui/diagram-contributions';
import { farSelector, useCanvasActions } from './context';

export interface ZoneNodeData extends Record<string, unknown> {
  zone: Zone;
  assets: readonly Asset[];
  flagged: boolean;
  expanded: boolean;
  assetsLoaded: boolean;
  count: number;
  /** False while the assets are still loading. */
  countKnown: boolean;
}
export type ZoneFlowNode = Node<ZoneNodeData, 'zone'>;

/** Past this zoom a zone shows its assets as small chips. */
export const ASSET_ZOOM_THRESHOLD = 1.3;
/** Never more chips than this in one zone, however many assets it has: the canvas stays smooth. */
export const MAX_ASSET_CHIPS = 48;

const zoomedInSelector = (state: { transform: [number, number, number] }) =>
  state.transform[2] >= ASSET_ZOOM_THRESHOLD;

function ZoneNodeView({ data, selected }: NodeProps<ZoneFlowNode>) {
  const { zone, assets, flagged, expanded } = data;
  const actions = useCanvasActions();
  const zoomedIn = useStore(zoomedInSelector);
  const far = useStore(farSelector);
  const { zoneBadges } = useDiagramContributions();
  const countLabel = (
    <span data-testid="zone-asset-count" className="zone-count">
      {data.countKnown ? `${data.count} ${data.count === 1 ? 'asset' : 'assets'}` : '… assets'}
    </span>
  );
  const showAssets = (expanded || zoomedIn) && assets.length > 0;
  // Only as many chips as the zone has room for (about 150 x 22 px each), and never more than the cap.
  const room = Math.max(
    0,
    Math.floor((zone.size.width - 16) / 150) * Math.floor((zone.size.height - 110) / 24),
  );
  const chips = showAssets
    ? assets.slice(0, Math.min(MAX_ASSET_CHIPS, Math.max(room, expanded ? 6 : 0)))
    : [];
  return (
    <div
      className={`zone-node zone-kind-${zone.kind}${selected ? ' is-selected' : ''}`}
      style={{ '--zone-color': ZONE_KIND_COLORS[zone.kind].stroke } as CSSProperties}
      data-testid="zone-node"
      data-zone-name={zone.name}
      aria-label={`Zone ${zone.name}`}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={180}
        minHeight={110}
        onResizeEnd={(_event, box) => actions.resizeZone(zone.id, box)}
      />
      {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
        <Handle
          key={side}
          id={side}
          type="source"
          position={
            side === 'top'
              ? Position.Top
              : side === 'right'
                ? Position.Right
                : side === 'bottom'
                  ? Position.Bottom
                  : Position.Left
          }
          className="zone-handle"
          data-testid={`zone-handle-${side}`}
        />
      ))}
      <div className="zone-head">
        <strong className="zone-name">{zone.name}</strong>
        {flagged && (
          <span className="zone-flag" title="Overlapping ranges">
            ⚠
          </span>
        )}
      </div>
      {far && countLabel}
      {!far && (
        <>
          <div className="zone-kind">
            {ZONE_KIND_LABELS[zone.kind]}
            {zone.purdueLevel !== null && ` · L${zone.purdueLevel}`}
          </div>
          <div className="zone-slt" data-testid="zone-slt">
            {formatSlt(zone.slt)}
          </div>
          <div className="zone-gap">
            {zoneBadges.map((Badge, index) => (
              <Badge key={index} assessmentId={zone.assessmentId} zoneId={zone.id} />
            ))}
          </div>
          <div className="zone-meta">
            {countLabel}
            {assets.length > 0 && (
              <button
                type="button"
                className="zone-expand nodrag"
                onClick={() => actions.toggleExpanded(zone.id)}
                aria-expanded={expanded}
              >
                {expanded ? 'Hide assets' : 'Show assets'}
              </button>
            )}
          </div>
          {chips.length > 0 && (
            <ul className="zone-assets nodrag nowheel">
              {chips.map((asset) => (
                <li
                  key={asset.id}
                  className="asset-chip"
                  draggable
                  onDragStart={(event) => actions.startAssetDrag(event, [asset.id])}
                  title={[asset.name, ...asset.ips, asset.vendor, asset.model].filter(Boolean).join(' · ')}
                >
                  {asset.name || asset.ips[0] || 'unnamed'}
                </li>
              ))}
              {assets.length > chips.length && (
                <li className="asset-chip asset-chip-more">+{assets.length - chips.length} more</li>
              )}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeView);
