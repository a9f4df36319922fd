import { createContext, memo, useContext, useMemo, type CSSProperties, type ReactNode } from 'react';
import { fitZoneName, MAX_LABEL_SCALE, ZONE_KIND_COLORS } from '../../../shared/diagram';
import { Handle, NodeResizer, Position, useStore, type Node, type NodeProps } from '@xyflow/react';
import type { Asset, Zone } from '../../../shared/model';
import { ZONE_KIND_LABELS } from '../../../shared/model';
import { formatSlt } from '../../../shared/model/slt';
import { useDiagramContributions } from '../../ui/diagram-contributions';
import { ASSET_ZOOM_THRESHOLD, assetChipCount } from './asset-chips';
import { DiagramMeasureContext, farSelector, labelScaleSelector, useCanvasActions } from './context';

export { ASSET_ZOOM_THRESHOLD, MAX_ASSET_CHIPS } from './asset-chips';

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

const zoomedInSelector = (state: { transform: [number, number, number] }) =>
  state.transform[2] >= ASSET_ZOOM_THRESHOLD;

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/** The name's size at 100 %, the node's border and padding beside it, and room for the warning flag. */
const NAME_SIZE = 14;
const NAME_CHROME = 2 * 2 + 2 * 12;
const FLAG_ROOM = 20;

/** The room a zone's name has: its width inside the border, padding and warning flag, and under half its height. */
function nameBox(zone: Zone) {
  return { width: zone.size.width - NAME_CHROME - FLAG_ROOM, maxHeight: zone.size.height * 0.45 };
}

/** The scale every zone name is drawn at, so that all of them match; null until fonts load. */
export const ZoneNameScaleContext = createContext<number | null>(null);

/**
 * One scale for every zone's name: as large as the canvas's label scale asks (zoomed far out, as
 * large as labels get) while the longest name stays whole in two lines, shrunk towards 100 %
 * before any is cut. One size for all, as a reader compares zones side by side.
 */
export function useZoneNameScale(zones: readonly Zone[]): number | null {
  const measures = useContext(DiagramMeasureContext);
  const labelScale = useStore(labelScaleSelector);
  const far = useStore(farSelector);
  return useMemo(() => {
    if (!measures) return null;
    const scale = far ? MAX_LABEL_SCALE : labelScale;
    const sizes = zones.map(
      (zone) => fitZoneName(zone.name, nameBox(zone), measures.zoneName, { base: NAME_SIZE, scale }).fontSize,
    );
    return Math.min(scale * NAME_SIZE, ...sizes) / NAME_SIZE;
  }, [measures, labelScale, far, zones]);
}

/** The zone's name at the common scale, in one or two lines; the full name is its tooltip. */
function ZoneName({ zone }: { zone: Zone }) {
  const measures = useContext(DiagramMeasureContext);
  const scale = useContext(ZoneNameScaleContext);
  const fit = useMemo(
    () =>
      measures && scale !== null
        ? fitZoneName(zone.name, nameBox(zone), measures.zoneName, { base: NAME_SIZE, scale })
        : null,
    [measures, scale, zone],
  );
  return (
    <strong className="zone-name" title={zone.name} style={fit ? { fontSize: fit.fontSize } : undefined}>
      {fit
        ? fit.lines.map((line, i) => (
            <span key={i} className="zone-name-line">
              {i > 0 && ' '}
              {line}
            </span>
          ))
        : zone.name}
    </strong>
  );
}

/** The zone's kind, Purdue level, SL-T, the other workspaces' badges, its asset count and toggle. */
function ZoneDetails({ data, countLabel }: { data: ZoneNodeData; countLabel: ReactNode }) {
  const { zone, assets, expanded } = data;
  const actions = useCanvasActions();
  const { zoneBadges } = useDiagramContributions();
  return (
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
    </>
  );
}

/** The zone's assets as draggable chips, as many as fit, and how many more there are. */
function AssetChips({ assets, shown }: { assets: readonly Asset[]; shown: number }) {
  const actions = useCanvasActions();
  if (shown === 0) return null;
  return (
    <ul className="zone-assets nodrag nowheel">
      {assets.slice(0, shown).map((asset) => (
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
      {assets.length > shown && <li className="asset-chip asset-chip-more">+{assets.length - shown} more</li>}
    </ul>
  );
}

function ZoneNodeView({ data, selected }: NodeProps<ZoneFlowNode>) {
  const { zone, assets, flagged, expanded } = data;
  const actions = useCanvasActions();
  const zoomedIn = useStore(zoomedInSelector);
  const far = useStore(farSelector);
  const countLabel = (
    <span data-testid="zone-asset-count" className="zone-count">
      {data.countKnown ? `${data.count} ${data.count === 1 ? 'asset' : 'assets'}` : '… assets'}
    </span>
  );
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
      {SIDES.map(([side, position]) => (
        <Handle
          key={side}
          id={side}
          type="source"
          position={position}
          className="zone-handle"
          data-testid={`zone-handle-${side}`}
        />
      ))}
      <div className="zone-head">
        <ZoneName zone={zone} />
        {flagged && (
          <span className="zone-flag" title="Overlapping ranges">
            ⚠
          </span>
        )}
      </div>
      {far ? (
        countLabel
      ) : (
        <>
          <ZoneDetails data={data} countLabel={countLabel} />
          <AssetChips
            assets={assets}
            shown={assetChipCount(zone.size, assets.length, { expanded, zoomedIn })}
          />
        </>
      )}
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeView);
