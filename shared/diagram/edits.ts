import type { Asset, Conduit, Zone } from '../model';
import { createManualAsset, newId, nowIso } from '../model';
import { assignBySubnet, type SubnetAssignment } from '../network';
import { diagramTemplate, type DiagramTemplateId } from './templates';
import { emptyChange, type DiagramChange, type DiagramRecords } from './change';

/** Pure builders of diagram edits: each returns the DiagramChange the store commits. */

export function updateZoneChange(zone: Zone, patch: Partial<Zone>, label = 'Edit zone'): DiagramChange {
  const after = { ...zone, ...patch, updatedAt: nowIso() };
  return { ...emptyChange(label), zones: [{ before: zone, after }] };
}

export function updateConduitChange(
  conduit: Conduit,
  patch: Partial<Conduit>,
  label = 'Edit conduit',
): DiagramChange {
  const after = { ...conduit, ...patch, updatedAt: nowIso() };
  return { ...emptyChange(label), conduits: [{ before: conduit, after }] };
}

export function moveZonesChange(
  records: DiagramRecords,
  moves: Map<string, Partial<Pick<Zone, 'position' | 'size'>>>,
): DiagramChange {
  const now = nowIso();
  const change = emptyChange(moves.size === 1 ? 'Move zone' : 'Move zones');
  for (const zone of records.zones) {
    const move = moves.get(zone.id);
    if (!move) continue;
    const position = move.position ?? zone.position;
    const size = move.size ?? zone.size;
    const same =
      position.x === zone.position.x &&
      position.y === zone.position.y &&
      size.width === zone.size.width &&
      size.height === zone.size.height;
    if (!same) change.zones.push({ before: zone, after: { ...zone, position, size, updatedAt: now } });
  }
  return change;
}

/** Removes zones (their conduits go too, their assets become unassigned) and conduits. */
export function deleteChange(
  records: DiagramRecords,
  zoneIds: Set<string>,
  conduitIds: Set<string>,
): DiagramChange {
  const change = emptyChange(zoneIds.size > 0 ? 'Delete zones' : 'Delete conduits');
  for (const conduit of records.conduits) {
    if (conduitIds.has(conduit.id) || zoneIds.has(conduit.fromZoneId) || zoneIds.has(conduit.toZoneId)) {
      change.conduits.push({ before: conduit, after: null });
    }
  }
  for (const zone of records.zones)
    if (zoneIds.has(zone.id)) change.zones.push({ before: zone, after: null });
  for (const asset of records.assets) {
    if (asset.zoneId && zoneIds.has(asset.zoneId))
      change.assetZones.push({ id: asset.id, before: asset.zoneId, after: null });
  }
  return change;
}

export function moveAssetsChange(
  records: DiagramRecords,
  assetIds: readonly string[],
  zoneId: string | null,
): DiagramChange {
  const wanted = new Set(assetIds);
  const change = emptyChange(zoneId ? 'Assign assets' : 'Unassign assets');
  for (const asset of records.assets) {
    if (wanted.has(asset.id) && asset.zoneId !== zoneId)
      change.assetZones.push({ id: asset.id, before: asset.zoneId, after: zoneId });
  }
  return change;
}

export type SubnetRun =
  { ok: true; change: DiagramChange; result: SubnetAssignment } | { ok: false; message: string };

export function assignBySubnetChange(records: DiagramRecords): SubnetRun {
  const run = assignBySubnet(records.zones, records.assets);
  if (!run.ok) return run;
  const change = emptyChange('Assign by subnet');
  for (const [id, zoneId] of run.value.placements)
    change.assetZones.push({ id, before: null, after: zoneId });
  return { ok: true, change, result: run.value };
}

/** Replaces the whole diagram with a template; assets stay but become unassigned. */
export function applyTemplateChange(
  records: DiagramRecords,
  assessmentId: string,
  template: DiagramTemplateId,
): DiagramChange {
  const removal = deleteChange(
    records,
    new Set(records.zones.map((z) => z.id)),
    new Set(records.conduits.map((c) => c.id)),
  );
  const model = diagramTemplate(template, assessmentId);
  return {
    ...removal,
    label: 'Apply template',
    zones: [...removal.zones, ...model.zones.map((zone) => ({ before: null, after: zone }))],
    conduits: [...removal.conduits, ...model.conduits.map((conduit) => ({ before: null, after: conduit }))],
  };
}

export interface ZoneClipboard {
  zones: Zone[];
  conduits: Conduit[];
}

/** Copies of the copied zones (and the conduits between them), shifted so they do not cover the originals. */
export function pasteChange(
  clipboard: ZoneClipboard,
  assessmentId: string,
  shift: number,
): { change: DiagramChange; zoneIds: string[] } {
  const now = nowIso();
  const ids = new Map(clipboard.zones.map((zone) => [zone.id, newId()]));
  const change = emptyChange('Paste zones');
  for (const zone of clipboard.zones) {
    change.zones.push({
      before: null,
      after: {
        ...zone,
        id: ids.get(zone.id)!,
        assessmentId,
        name: `${zone.name} (copy)`.slice(0, 200),
        position: { x: zone.position.x + shift, y: zone.position.y + shift },
        createdAt: now,
        updatedAt: now,
      },
    });
  }
  for (const conduit of clipboard.conduits) {
    const from = ids.get(conduit.fromZoneId);
    const to = ids.get(conduit.toZoneId);
    if (!from || !to) continue;
    change.conduits.push({
      before: null,
      after: {
        ...conduit,
        id: newId(),
        assessmentId,
        fromZoneId: from,
        toZoneId: to,
        createdAt: now,
        updatedAt: now,
      },
    });
  }
  return { change, zoneIds: [...ids.values()] };
}

export interface ManualAssetInput {
  name: string;
  ip: string;
  mac: string;
  vendor: string;
  model: string;
  firmware: string;
}

export function manualAsset(assessmentId: string, input: ManualAssetInput, zoneId: string | null): Asset {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return createManualAsset(assessmentId, {
    name: input.name.trim(),
    ips: input.ip.trim() ? [input.ip.trim()] : [],
    macs: input.mac.trim() ? [input.mac.trim().toLowerCase().replace(/-/g, ':')] : [],
    vendor: text(input.vendor),
    model: text(input.model),
    firmware: text(input.firmware),
    zoneId,
  });
}
