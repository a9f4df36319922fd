import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  MarkerType,
  type EdgeChange,
  type NodeChange,
  useStore,
} from '@xyflow/react';
import type { Asset, Conduit, Zone } from '../../../shared/model';
import {
  measureDejaVuSans,
  parallelSlots,
  placeLabelledConduits,
  type MeasureText,
} from '../../../shared/diagram';
import { runModelChecks } from '../../../shared/findings';
import { findRangeOverlaps } from '../../../shared/network';
import { KeyedCache } from '../../ui/keyed-cache';
import type { ConduitEdgeData, ConduitFlowEdge } from './ConduitEdge';
import { labelScaleSelector, type DiagramMeasures } from './context';
import type { DiagramState } from './diagram-store';
import type { ZoneFlowNode, ZoneNodeData } from './ZoneNode';

const NO_ASSETS: readonly Asset[] = [];

function groupAssets(assets: readonly Asset[]) {
  const byZone = new Map<string, Asset[]>();
  const unassigned: Asset[] = [];
  for (const asset of assets) {
    if (asset.zoneId === null) unassigned.push(asset);
    else {
      const list = byZone.get(asset.zoneId);
      if (list) list.push(asset);
      else byZone.set(asset.zoneId, [asset]);
    }
  }
  const counts = new Map([...byZone].map(([id, list]) => [id, list.length]));
  return { assetsByZone: byZone, unassigned, assetCounts: counts };
}

function flaggedZonesOf(zones: readonly Zone[]) {
  const ids = new Set<string>();
  for (const overlap of findRangeOverlaps(zones)) {
    ids.add(overlap.zoneA.id);
    ids.add(overlap.zoneB.id);
  }
  return ids;
}

/**
 * Keeps React Flow's own element state (selection, measured sizes, positions mid-drag: it
 * changes them itself) and puts the store's records in it: an element is rebuilt only when its
 * data object is new, and the data objects come from a keyed cache over their inputs.
 */
function syncElements<E extends { id: string; data?: D; selected?: boolean }, R extends { id: string }, D>(
  previous: readonly E[],
  records: readonly R[],
  dataOf: Map<string, D>,
  build: (record: R, data: D, selected: boolean) => E,
): E[] {
  const before = new Map(previous.map((element) => [element.id, element]));
  return records.map((record) => {
    const old = before.get(record.id);
    const data = dataOf.get(record.id)!;
    return old && old.data === data ? old : build(record, data, old?.selected ?? false);
  });
}

function zoneNode(zone: Zone, data: ZoneNodeData, selected: boolean): ZoneFlowNode {
  return {
    id: zone.id,
    type: 'zone',
    position: zone.position,
    width: zone.size.width,
    height: zone.size.height,
    selected,
    data,
  };
}

const MARKER = { type: MarkerType.ArrowClosed, width: 18, height: 18 };

function conduitEdge(conduit: Conduit, data: ConduitEdgeData, selected: boolean): ConduitFlowEdge {
  return {
    id: conduit.id,
    type: 'conduit',
    source: conduit.fromZoneId,
    target: conduit.toZoneId,
    selected,
    markerEnd: MARKER,
    markerStart: conduit.direction === 'both' ? MARKER : undefined,
    data,
  };
}

/** Each zone node's data, kept (same object) while its inputs stay the same. */
function useNodeData(
  zones: readonly Zone[],
  assetsByZone: Map<string, Asset[]>,
  flaggedZones: ReadonlySet<string>,
  expanded: ReadonlySet<string>,
  editable: boolean,
): Map<string, ZoneNodeData> {
  const [zoneData] = useState(() => new KeyedCache<ZoneNodeData>());
  return useMemo(() => {
    const inputs = (zone: Zone) => {
      const zoneAssets = assetsByZone.get(zone.id) ?? NO_ASSETS;
      return [
        zone,
        zoneAssets,
        flaggedZones.has(zone.id),
        expanded.has(zone.id),
        editable,
        zoneAssets.length,
      ];
    };
    return zoneData.update(
      zones,
      (zone) => zone.id,
      inputs,
      (zone) => ({
        zone,
        assets: assetsByZone.get(zone.id) ?? NO_ASSETS,
        flagged: flaggedZones.has(zone.id),
        expanded: expanded.has(zone.id),
        assetsLoaded: editable,
        count: (assetsByZone.get(zone.id) ?? NO_ASSETS).length,
        countKnown: editable,
      }),
    );
  }, [zoneData, zones, assetsByZone, flaggedZones, expanded, editable]);
}

/** Each conduit edge's data: its parallel slot, where its label sits clear of the rest (and its size), and whether a check flags it. */
function useEdgeData(
  zones: readonly Zone[],
  conduits: readonly Conduit[],
  flaggedConduits: ReadonlySet<string>,
  labelScale: number,
  measure: MeasureText,
): Map<string, ConduitEdgeData> {
  return useMemo(() => {
    const slots = parallelSlots(conduits);
    // Sized as drawn: placed at 100 % while drawn enlarged, labels overlapped, and the "+2" of a
    // services list peeking out from under another label read as a stray "2".
    const labels = placeLabelledConduits(zones, conduits, measure, labelScale);
    return new Map(
      conduits.map((conduit) => {
        const slot = slots.get(conduit.id) ?? { index: 0, count: 1 };
        const flagged = flaggedConduits.has(conduit.id);
        const placed = labels.get(conduit.id);
        const label = placed
          ? { t: placed.spot.t, shift: placed.spot.shift, width: placed.box.width, height: placed.box.height }
          : null;
        return [conduit.id, { conduit, index: slot.index, count: slot.count, flagged, label }];
      }),
    );
  }, [zones, conduits, flaggedConduits, labelScale, measure]);
}

/** The store's zones, conduits and assets as React Flow nodes and edges, with what the editor derives from them. */
export function useFlowProjection(
  state: DiagramState,
  expanded: ReadonlySet<string>,
  measures: DiagramMeasures | null,
) {
  const { zones, conduits, assets, assetsLoaded: editable } = state;
  const { assetsByZone, unassigned, assetCounts } = useMemo(() => groupAssets(assets), [assets]);
  const checks = useMemo(
    () => runModelChecks({ zones, conduits, assetCounts }),
    [zones, conduits, assetCounts],
  );
  const flaggedZones = useMemo(() => flaggedZonesOf(zones), [zones]);
  const flaggedConduits = useMemo(
    () => new Set(checks.filter((c) => c.target.kind === 'conduit').map((c) => c.target.id)),
    [checks],
  );

  const nodeData = useNodeData(zones, assetsByZone, flaggedZones, expanded, editable);
  const labelScale = useStore(labelScaleSelector);
  // Until the canvas font has loaded, the export's widths stand in (the labels move once it has).
  const edgeData = useEdgeData(
    zones,
    conduits,
    flaggedConduits,
    labelScale,
    measures?.label ?? measureDejaVuSans,
  );

  const [nodes, setNodes] = useState<ZoneFlowNode[]>([]);
  const [edges, setEdges] = useState<ConduitFlowEdge[]>([]);
  useEffect(
    () => setNodes((previous) => syncElements(previous, zones, nodeData, zoneNode)),
    [zones, nodeData],
  );
  useEffect(
    () => setEdges((previous) => syncElements(previous, conduits, edgeData, conduitEdge)),
    [conduits, edgeData],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<ZoneFlowNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConduitFlowEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );
  const select = useCallback((zoneIds: readonly string[], conduitIds: readonly string[]) => {
    const zoneSet = new Set(zoneIds);
    const conduitSet = new Set(conduitIds);
    setNodes((ns) =>
      ns.map((n) => (n.selected === zoneSet.has(n.id) ? n : { ...n, selected: zoneSet.has(n.id) })),
    );
    setEdges((es) =>
      es.map((e) => (e.selected === conduitSet.has(e.id) ? e : { ...e, selected: conduitSet.has(e.id) })),
    );
  }, []);
  const selectedZoneIds = useMemo(() => nodes.filter((n) => n.selected).map((n) => n.id), [nodes]);
  const selectedConduitIds = useMemo(() => edges.filter((e) => e.selected).map((e) => e.id), [edges]);
  const selection = useMemo(
    () => ({ zoneIds: selectedZoneIds, conduitIds: selectedConduitIds }),
    [selectedZoneIds, selectedConduitIds],
  );

  return { nodes, edges, onNodesChange, onEdgesChange, select, selection, unassigned, assetCounts, checks };
}
