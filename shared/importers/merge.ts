import {
  newId,
  nowIso,
  type Asset,
  type Conflict,
  type Flow,
  type ImportBatch,
  type ImportWarning,
  type Provenance,
} from '../model';
import type { FlowEndpointRef, NormalizedAsset, NormalizedFlow, ParsedInventory } from './types';
import { isSharedIp, isSharedMac } from './values';

/** The batch an import becomes: its id and where it lands. */
export interface BatchContext {
  id: string;
  assessmentId: string;
  format: string;
  fileName: string;
  /** The time written on new and changed records (now). */
  at?: string;
}

/** What undoing a batch needs; stored (opaque to the model) in ImportBatch.undo. */
export interface BatchUndo {
  version: 1;
  batchId: string;
  /** When the batch wrote its records (their updatedAt); a later updatedAt means an edit since. */
  importedAt: string;
  addedAssetIds: string[];
  /** Each asset the batch changed, as it was before. */
  previousAssets: Asset[];
  addedFlowIds: string[];
}

export interface MergeCounts {
  /** Source records that reached the merge (assets). */
  records: number;
  /** Distinct assets the records resolved to (new and existing). */
  assets: number;
  /** Records merged into another record or an existing asset. */
  merged: number;
  /** Records the parser skipped, plus flows whose ends are unknown. */
  skipped: number;
  /** Existing assets the records matched that needed no change (a re-import). */
  unchanged: number;
  flows: number;
}

export interface MergeResult {
  added: Asset[];
  updated: { asset: Asset; previous: Asset }[];
  flows: Flow[];
  counts: MergeCounts;
  warnings: ImportWarning[];
  undo: BatchUndo;
}

export type IncomingInventory = Pick<ParsedInventory, 'assets' | 'flows' | 'skipped' | 'warnings'>;

const SCALAR_FIELDS = [
  'vendor',
  'model',
  'firmware',
  'os',
  'serial',
  'type',
  'purdueLevel',
  'criticality',
  'endOfSupport',
] as const;
type ScalarField = (typeof SCALAR_FIELDS)[number];

interface Work {
  asset: Asset;
  /** The stored version before this import, or null for an asset this import creates. */
  original: Asset | null;
  cloned: boolean;
  changed: boolean;
  touched: boolean;
  /** Where a scalar value came from when this import filled it in (else it came with the first source). */
  origins: Map<ScalarField, Provenance> | null;
}

/** Assets by source id, per source format (ids are only unique within one source). */
class SourceIndex {
  private readonly byFormat = new Map<string, Map<string, Work>>();
  get(format: string, sourceId: string): Work | undefined {
    return this.byFormat.get(format)?.get(sourceId);
  }
  setIfAbsent(format: string, sourceId: string, work: Work): void {
    let ids = this.byFormat.get(format);
    if (!ids) this.byFormat.set(format, (ids = new Map()));
    if (!ids.has(sourceId)) ids.set(sourceId, work);
  }
}

function sameText(a: unknown, b: unknown): boolean {
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

function cloneAsset(asset: Asset): Asset {
  return {
    ...asset,
    ips: [...asset.ips],
    macs: [...asset.macs],
    hostnames: [...asset.hostnames],
    protocols: [...asset.protocols],
    batchIds: [...asset.batchIds],
    sources: [...asset.sources],
    conflicts: asset.conflicts.map((c) => ({ field: c.field, values: [...c.values] })),
  };
}

function addUnique(list: string[], values: string[], limit: number, caseInsensitive = false): boolean {
  let changed = false;
  const seen = new Set(caseInsensitive ? list.map((v) => v.toLowerCase()) : list);
  for (const value of values) {
    const key = caseInsensitive ? value.toLowerCase() : value;
    if (seen.has(key) || list.length >= limit) continue;
    seen.add(key);
    list.push(value);
    changed = true;
  }
  return changed;
}

/** A name that is only an address or an id; a real name from another source replaces it. */
function isWeakName(asset: Pick<Asset, 'name' | 'ips' | 'macs'>, sourceIds: (string | null)[]): boolean {
  const name = asset.name.toLowerCase();
  return (
    asset.ips.includes(name) ||
    asset.macs.includes(name) ||
    sourceIds.includes(asset.name) ||
    name === 'unnamed'
  );
}

/** The merge's lookups: assets by MAC, by IP and by source id, first come first kept. */
class AssetIndex {
  private readonly byMac = new Map<string, Work>();
  private readonly byIp = new Map<string, Work>();
  private readonly bySource = new SourceIndex();

  constructor(private readonly format: string) {}

  add(work: Work): void {
    const a = work.asset;
    for (const mac of a.macs) if (!isSharedMac(mac) && !this.byMac.has(mac)) this.byMac.set(mac, work);
    for (const ip of a.ips) if (!isSharedIp(ip) && !this.byIp.has(ip)) this.byIp.set(ip, work);
    for (const s of a.sources) if (s.sourceId !== null) this.bySource.setIfAbsent(s.format, s.sourceId, work);
  }

  /** The asset a record joins: same MAC, else same IP (unless the MACs differ), else same source id. */
  find(n: Pick<NormalizedAsset, 'macs' | 'ips' | 'sourceId'>): Work | undefined {
    for (const mac of n.macs) {
      const hit = !isSharedMac(mac) ? this.byMac.get(mac) : undefined;
      if (hit) return hit;
    }
    for (const ip of n.ips) {
      const hit = !isSharedIp(ip) ? this.byIp.get(ip) : undefined;
      if (!hit) continue;
      // Both know their MACs and share none (else the MAC lookup had matched): two devices on one IP.
      if (n.macs.some((m) => !isSharedMac(m)) && hit.asset.macs.some((m) => !isSharedMac(m))) continue;
      return hit;
    }
    return n.sourceId !== null ? this.bySource.get(this.format, n.sourceId) : undefined;
  }

  /** A flow's end as stored: its asset (by source id, MAC or IP) and its addresses; null when nothing is known. */
  resolve(end: FlowEndpointRef): Flow['a'] | null {
    const work =
      (end.sourceId !== null ? this.bySource.get(this.format, end.sourceId) : undefined) ??
      (end.mac !== null && !isSharedMac(end.mac) ? this.byMac.get(end.mac) : undefined) ??
      (end.ip !== null && !isSharedIp(end.ip) ? this.byIp.get(end.ip) : undefined);
    const ip = end.ip ?? work?.asset.ips[0] ?? null;
    const mac = end.mac ?? work?.asset.macs[0] ?? null;
    if (!work && ip === null && mac === null) return null;
    return { ip, mac, port: end.port, assetId: work?.asset.id ?? null };
  }
}

/** A new asset from a record no stored asset matches; its lists are the record's own until edited. */
function newAsset(n: NormalizedAsset, batch: BatchContext, provenance: Provenance, at: string): Asset {
  return {
    id: newId(),
    assessmentId: batch.assessmentId,
    createdAt: at,
    updatedAt: at,
    name: n.name ?? n.hostnames[0] ?? n.ips[0] ?? n.macs[0] ?? n.sourceId ?? 'unnamed',
    ips: n.ips,
    macs: n.macs,
    hostnames: n.hostnames,
    vendor: n.vendor,
    model: n.model,
    firmware: n.firmware,
    os: n.os,
    serial: n.serial,
    type: n.type,
    ...(n.vendorRaw ? { vendorRaw: n.vendorRaw } : {}),
    ...(n.typeRaw ? { typeRaw: n.typeRaw } : {}),
    purdueLevel: n.purdueLevel,
    protocols: n.protocols,
    criticality: n.criticality,
    zoneId: null,
    firstSeen: n.firstSeen,
    lastSeen: n.lastSeen,
    endOfSupport: n.endOfSupport,
    notes: '',
    batchIds: [batch.id],
    sources: [provenance],
    conflicts: [],
  };
}

/** Every record into the index: a new asset, or folded into the one it matches. */
function mergeRecords(
  index: AssetIndex,
  records: readonly NormalizedAsset[],
  batch: BatchContext,
  at: string,
) {
  const added: Work[] = [];
  const touched: Work[] = [];
  let merged = 0;
  for (const n of records) {
    const provenance: Provenance = {
      batchId: batch.id,
      format: batch.format,
      sourceId: n.sourceId,
      fileName: batch.fileName,
    };
    const target = index.find(n);
    if (!target) {
      const work: Work = {
        asset: newAsset(n, batch, provenance, at),
        original: null,
        cloned: false,
        changed: true,
        touched: true,
        origins: null,
      };
      added.push(work);
      index.add(work);
      continue;
    }
    merged++;
    if (!target.touched) {
      target.touched = true;
      touched.push(target);
    }
    if (mergeRecord(target, n, provenance)) {
      target.changed = true;
      index.add(target);
    }
  }
  return { added, touched, merged };
}

/** The stored assets this import changed, stamped with the batch; the rest counted as unchanged. */
function updatedAssets(touched: readonly Work[], batch: BatchContext, at: string) {
  const updated: MergeResult['updated'] = [];
  let unchanged = 0;
  for (const work of touched) {
    if (!work.original) continue;
    if (!work.changed) {
      unchanged++;
      continue;
    }
    const asset = work.asset;
    if (!asset.batchIds.includes(batch.id)) asset.batchIds.push(batch.id);
    asset.updatedAt = at;
    updated.push({ asset, previous: work.original });
  }
  return { updated, unchanged };
}

type FlowIdentity = Pick<
  Flow,
  'source' | 'a' | 'b' | 'transport' | 'protocol' | 'firstSeen' | 'lastSeen' | 'packets' | 'bytes'
>;

/** Two flows with this key are the same observation (an export imported twice). */
function flowKey(f: FlowIdentity): string {
  return [
    f.source,
    f.a.ip,
    f.a.mac,
    f.a.port,
    f.b.ip,
    f.b.mac,
    f.b.port,
    f.transport,
    f.protocol,
    f.firstSeen,
    f.lastSeen,
    f.packets,
    f.bytes,
  ].join('|');
}

/** Flows with both ends resolved to assets, without exact repeats of flows already stored. */
function mergeFlows(
  index: AssetIndex,
  incoming: readonly NormalizedFlow[],
  existingFlows: readonly Flow[],
  batch: BatchContext,
  at: string,
  warnings: ImportWarning[],
) {
  const knownFlows = new Set(existingFlows.map(flowKey));
  const flows: Flow[] = [];
  let skipped = 0;
  for (const nf of incoming) {
    const a = index.resolve(nf.a);
    const b = index.resolve(nf.b);
    if (!a || !b) {
      skipped++;
      const missing = !a ? nf.a : nf.b;
      warnings.push({
        record: nf.record,
        message: `connection end ${missing.sourceId ?? '?'} is not an asset in this file or the inventory; skipped`,
      });
      continue;
    }
    const flow: Flow = {
      id: newId(),
      assessmentId: batch.assessmentId,
      createdAt: at,
      updatedAt: at,
      batchId: batch.id,
      source: batch.format,
      a,
      b,
      transport: nf.transport,
      ethertype: null,
      server: nf.server,
      protocol: nf.protocol,
      recognizedBy: null,
      packets: nf.packets,
      bytes: nf.bytes,
      firstSeen: nf.firstSeen,
      lastSeen: nf.lastSeen,
    };
    const key = flowKey(flow);
    if (knownFlows.has(key)) continue;
    knownFlows.add(key);
    flows.push(flow);
  }
  return { flows, skipped };
}

/**
 * Merges normalized records into an assessment's assets. A record joins an asset with the same MAC,
 * else the same IP (unless both have MACs and none is shared), else the same id in the same source;
 * otherwise it becomes a new asset. Values on which sources disagree are kept in `conflicts` with
 * their sources. Everything is indexed, so the merge is one pass. Pure: inputs are not modified.
 */
export function mergeIntoInventory(
  existingAssets: readonly Asset[],
  incoming: IncomingInventory,
  batch: BatchContext,
  existingFlows: readonly Flow[] = [],
): MergeResult {
  const at = batch.at ?? nowIso();
  const warnings: ImportWarning[] = [...incoming.warnings];
  const index = new AssetIndex(batch.format);
  for (const asset of existingAssets) {
    index.add({ asset, original: asset, cloned: false, changed: false, touched: false, origins: null });
  }
  const { added, touched, merged } = mergeRecords(index, incoming.assets, batch, at);
  const { updated, unchanged } = updatedAssets(touched, batch, at);
  for (const work of added) if (!work.asset.batchIds.includes(batch.id)) work.asset.batchIds.push(batch.id);
  const { flows, skipped } = mergeFlows(index, incoming.flows, existingFlows, batch, at, warnings);

  const addedAssets = added.map((w) => w.asset);
  return {
    added: addedAssets,
    updated,
    flows,
    counts: {
      records: incoming.assets.length,
      assets: added.length + touched.length,
      merged,
      skipped: incoming.skipped + skipped,
      unchanged,
      flows: flows.length,
    },
    warnings,
    undo: {
      version: 1,
      batchId: batch.id,
      importedAt: at,
      addedAssetIds: addedAssets.map((a) => a.id),
      previousAssets: updated.map((u) => u.previous),
      addedFlowIds: flows.map((f) => f.id),
    },
  };
}

/** One record being folded into one asset: the asset is cloned on its first edit (inputs stay untouched). */
class AssetEdit {
  changed = false;

  constructor(
    readonly work: Work,
    readonly provenance: Provenance,
  ) {}

  get asset(): Asset {
    return this.work.asset;
  }

  edit(): Asset {
    if (!this.work.cloned) {
      this.work.asset = cloneAsset(this.work.asset);
      this.work.cloned = true;
    }
    this.changed = true;
    return this.work.asset;
  }
}

function addLists(e: AssetEdit, n: NormalizedAsset): void {
  const addAll = (
    field: 'ips' | 'macs' | 'hostnames' | 'protocols',
    values: string[],
    limit: number,
    ci = false,
  ) => {
    const current = e.asset[field];
    const seen = new Set(ci ? current.map((v) => v.toLowerCase()) : current);
    if (values.some((v) => !seen.has(ci ? v.toLowerCase() : v)) && current.length < limit) {
      const wasChanged = e.changed;
      e.changed = addUnique(e.edit()[field], values, limit, ci) || wasChanged;
    }
  };
  addAll('ips', n.ips, 1000);
  addAll('macs', n.macs, 1000);
  addAll('hostnames', n.hostnames, 100, true);
  addAll('protocols', n.protocols, 500, true);
}

/** A field the asset lacks is filled in; a different value is kept as a conflict with its source. */
function mergeScalars(e: AssetEdit, n: NormalizedAsset): void {
  const { work, provenance } = e;
  for (const field of SCALAR_FIELDS) {
    const value = n[field];
    if (value === null) continue;
    const current = e.asset[field];
    if (current === null) {
      (e.edit() as Record<ScalarField, unknown>)[field] = value;
      (work.origins ??= new Map()).set(field, provenance);
      continue;
    }
    if (sameText(current, value)) continue;
    const conflict = e.asset.conflicts.find((c) => c.field === field);
    if (conflict && conflict.values.some((v) => sameText(v.value, value))) continue;
    const target = e.edit();
    let entry: Conflict | undefined = target.conflicts.find((c) => c.field === field);
    if (!entry) {
      const origin = work.origins?.get(field) ?? target.sources[0] ?? provenance;
      entry = { field, values: [{ value: String(current), source: origin }] };
      target.conflicts.push(entry);
    }
    entry.values.push({ value: String(value), source: provenance });
  }
}

/** A better name replaces a weak one (an address or an id); first and last seen widen. */
function mergeNameAndTimes(e: AssetEdit, n: NormalizedAsset): void {
  const asset = e.asset;
  if (n.name !== null && n.name !== asset.name) {
    const sourceIds = asset.sources.map((s) => s.sourceId);
    if (
      isWeakName(asset, sourceIds) &&
      !isWeakName({ name: n.name, ips: n.ips, macs: n.macs }, [n.sourceId])
    ) {
      e.edit().name = n.name;
    }
  }
  if (n.firstSeen !== null && (e.asset.firstSeen === null || n.firstSeen < e.asset.firstSeen)) {
    e.edit().firstSeen = n.firstSeen;
  }
  if (n.lastSeen !== null && (e.asset.lastSeen === null || n.lastSeen > e.asset.lastSeen)) {
    e.edit().lastSeen = n.lastSeen;
  }
}

function addSource(e: AssetEdit): void {
  const { provenance } = e;
  const knownSource = e.asset.sources.some(
    (s) =>
      s.format === provenance.format &&
      s.sourceId === provenance.sourceId &&
      s.fileName === provenance.fileName,
  );
  if (!knownSource && e.asset.sources.length < 1000) e.edit().sources.push(provenance);
}

/** Folds one record into an asset; returns whether anything changed. */
function mergeRecord(work: Work, n: NormalizedAsset, provenance: Provenance): boolean {
  const e = new AssetEdit(work, provenance);
  addLists(e, n);
  mergeScalars(e, n);
  mergeNameAndTimes(e, n);
  addSource(e);
  return e.changed;
}

export interface UndoPlan {
  /** False when a later import changed records this batch wrote: undo that one first. */
  ok: boolean;
  blockedBy: string[];
  deleteAssetIds: string[];
  /** Assets to put back exactly as they were before the batch. */
  restoreAssets: Asset[];
  deleteFlowIds: string[];
  /** Assets edited by hand since the import: undo drops those edits, so the UI should ask first. */
  editedAssetIds: string[];
}

/**
 * What undoing a batch means for the stored records: delete what it added, restore what it changed.
 * Refused (ok false) when a later batch built on this one's records, so nothing later is lost.
 */
export function undoBatch(
  current: { assets: readonly Asset[]; flows: readonly Flow[] },
  undo: BatchUndo,
): UndoPlan {
  const byId = new Map(current.assets.map((a) => [a.id, a]));
  const blockers = new Set<string>();
  const laterBatches = (asset: Asset, allowed: readonly string[]) =>
    asset.batchIds.filter((b) => b !== undo.batchId && !allowed.includes(b));
  const deleteAssetIds: string[] = [];
  for (const id of undo.addedAssetIds) {
    const asset = byId.get(id);
    if (!asset) continue;
    laterBatches(asset, []).forEach((b) => blockers.add(b));
    deleteAssetIds.push(id);
  }
  const restoreAssets: Asset[] = [];
  for (const previous of undo.previousAssets) {
    const asset = byId.get(previous.id);
    if (!asset) continue;
    laterBatches(asset, previous.batchIds).forEach((b) => blockers.add(b));
    restoreAssets.push(previous);
  }
  const deleted = new Set(deleteAssetIds);
  for (const flow of current.flows) {
    if (flow.batchId === undo.batchId) continue;
    if ((flow.a.assetId && deleted.has(flow.a.assetId)) || (flow.b.assetId && deleted.has(flow.b.assetId))) {
      if (flow.batchId) blockers.add(flow.batchId);
    }
  }
  const flowIds = new Set(current.flows.map((f) => f.id));
  const editedAssetIds = [...deleteAssetIds, ...restoreAssets.map((a) => a.id)].filter((id) => {
    const asset = byId.get(id)!;
    return asset.updatedAt > undo.importedAt && laterBatches(asset, []).length === 0;
  });
  return {
    editedAssetIds,
    ok: blockers.size === 0,
    blockedBy: [...blockers],
    deleteAssetIds,
    restoreAssets,
    deleteFlowIds: undo.addedFlowIds.filter((id) => flowIds.has(id)),
  };
}

/** The batch record for the import history (file name, SHA-256, format, counts, warnings, undo). */
export function makeImportBatch(
  batch: BatchContext,
  file: { sha256: string; size: number },
  parsedRecords: number,
  result: MergeResult,
): ImportBatch {
  const at = batch.at ?? nowIso();
  return {
    id: batch.id,
    assessmentId: batch.assessmentId,
    createdAt: at,
    updatedAt: at,
    kind: 'inventory',
    format: batch.format,
    fileName: batch.fileName.slice(0, 500),
    fileSha256: file.sha256,
    fileSize: file.size,
    counts: {
      records: parsedRecords,
      assets: result.counts.assets,
      flows: result.counts.flows,
      merged: result.counts.merged,
      skipped: result.counts.skipped,
    },
    warnings: result.warnings
      .slice(0, 10_000)
      .map((w) => ({ record: w.record.slice(0, 100), message: w.message.slice(0, 2000) })),
    importedAt: at,
    undo: result.undo,
  };
}

/** Applies a merge to in-memory lists (the CLI's --into; the app writes the same in one Dexie transaction). */
export function applyMerge<T extends { assets: Asset[]; flows: Flow[]; importBatches: ImportBatch[] }>(
  data: T,
  result: MergeResult,
  batchRecord: ImportBatch,
): T {
  const replaced = new Map(result.updated.map((u) => [u.asset.id, u.asset]));
  return {
    ...data,
    assets: [...data.assets.map((a) => replaced.get(a.id) ?? a), ...result.added],
    flows: [...data.flows, ...result.flows],
    importBatches: [...data.importBatches, batchRecord],
  };
}

/** Applies an undo plan to in-memory lists, removing the batch record too. */
export function applyUndo<T extends { assets: Asset[]; flows: Flow[]; importBatches: ImportBatch[] }>(
  data: T,
  plan: UndoPlan,
  batchId: string,
): T {
  const deleted = new Set(plan.deleteAssetIds);
  const restored = new Map(plan.restoreAssets.map((a) => [a.id, a]));
  const deletedFlows = new Set(plan.deleteFlowIds);
  return {
    ...data,
    assets: data.assets.filter((a) => !deleted.has(a.id)).map((a) => restored.get(a.id) ?? a),
    flows: data.flows.filter((f) => !deletedFlows.has(f.id)),
    importBatches: data.importBatches.filter((b) => b.id !== batchId),
  };
}
