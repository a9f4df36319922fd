import { newId, nowIso, type Asset, type Flow, type ImportBatch } from '../model';
import { mergeIntoInventory, type BatchContext, type MergeResult } from '../importers/merge';
import type { NormalizedAsset } from '../importers/types';
import type { CaptureSummary } from './analyzer';

export const CAPTURE_FORMAT = 'pcap';

export interface CaptureImport {
  merge: MergeResult;
  /** Every conversation and layer-2 MAC pair, as flows of this batch (ends resolved to assets). */
  flows: Flow[];
  batch: ImportBatch;
}

/** The role a capture saw a host in, as the device type the inventory records. */
const ROLE_TYPES: Record<NonNullable<CaptureSummary['assets'][number]['role']>, string> = {
  server: 'server',
  client: 'client',
  both: 'client and server',
};

/** Each IP's first and last time seen, over every conversation it took part in. */
function seenTimesByIp(flows: CaptureSummary['flows']) {
  const firstSeen = new Map<string, string>();
  const lastSeen = new Map<string, string>();
  for (const flow of flows) {
    for (const ip of [flow.a, flow.b]) {
      if (flow.firstSeen && (!firstSeen.has(ip) || flow.firstSeen < firstSeen.get(ip)!))
        firstSeen.set(ip, flow.firstSeen);
      if (flow.lastSeen && (!lastSeen.has(ip) || flow.lastSeen > lastSeen.get(ip)!))
        lastSeen.set(ip, flow.lastSeen);
    }
  }
  return { firstSeen, lastSeen };
}

/** The capture's hosts as importer records, to merge as any sensor export's assets are. */
function captureAssets(summary: CaptureSummary): NormalizedAsset[] {
  const { firstSeen, lastSeen } = seenTimesByIp(summary.flows);
  return summary.assets.map((asset, index) => ({
    record: `host ${index + 1}`,
    sourceId: asset.ip,
    name: null,
    ips: [asset.ip],
    macs: asset.mac ? [asset.mac] : [],
    hostnames: [],
    vendor: asset.vendor,
    model: null,
    firmware: null,
    os: null,
    serial: null,
    type: asset.role === null ? null : ROLE_TYPES[asset.role],
    purdueLevel: null,
    protocols: asset.protocols,
    criticality: null,
    firstSeen: firstSeen.get(asset.ip) ?? null,
    lastSeen: lastSeen.get(asset.ip) ?? null,
    endOfSupport: null,
  }));
}

/** The asset each IP and each MAC (lower case) belongs to after the merge; the first one wins. */
function assetIndexes(merge: MergeResult, existingAssets: readonly Asset[]) {
  const byIp = new Map<string, string>();
  const byMac = new Map<string, string>();
  const updatedIds = new Set(merge.updated.map((u) => u.asset.id));
  for (const asset of [
    ...merge.added,
    ...merge.updated.map((u) => u.asset),
    ...existingAssets.filter((a) => !updatedIds.has(a.id)),
  ]) {
    for (const ip of asset.ips) if (!byIp.has(ip)) byIp.set(ip, asset.id);
    for (const mac of asset.macs) if (!byMac.has(mac.toLowerCase())) byMac.set(mac.toLowerCase(), asset.id);
  }
  return { byIp, byMac };
}

type FlowBase = Pick<Flow, 'assessmentId' | 'createdAt' | 'updatedAt' | 'batchId' | 'source'>;

/** Every conversation, then every layer-2 MAC pair, as a flow with its ends resolved to assets. */
function captureFlows(
  summary: CaptureSummary,
  base: FlowBase,
  { byIp, byMac }: ReturnType<typeof assetIndexes>,
): Flow[] {
  const macOfIp = new Map(summary.assets.map((a) => [a.ip, a.mac]));
  const conversations = summary.flows.map((f): Flow => ({
    ...base,
    id: newId(),
    a: { ip: f.a, mac: macOfIp.get(f.a) ?? null, port: f.aPort, assetId: byIp.get(f.a) ?? null },
    b: { ip: f.b, mac: macOfIp.get(f.b) ?? null, port: f.bPort, assetId: byIp.get(f.b) ?? null },
    transport: f.transport,
    ethertype: null,
    server: f.server,
    protocol: f.protocol,
    recognizedBy: f.recognizedBy,
    packets: f.packets,
    bytes: f.bytes,
    firstSeen: f.firstSeen,
    lastSeen: f.lastSeen,
  }));
  const frames = summary.l2.map((l2): Flow => ({
    ...base,
    id: newId(),
    a: { ip: null, mac: l2.src, port: null, assetId: byMac.get(l2.src.toLowerCase()) ?? null },
    b: { ip: null, mac: l2.dst, port: null, assetId: byMac.get(l2.dst.toLowerCase()) ?? null },
    transport: 'l2',
    ethertype: l2.ethertype,
    server: null,
    protocol: l2.protocol,
    recognizedBy: 'payload',
    packets: l2.frames,
    bytes: 0,
    firstSeen: null,
    lastSeen: null,
  }));
  return [...conversations, ...frames];
}

/** The capture's own warnings, the merge's, and the conversations counted beyond the limit. */
function captureWarnings(summary: CaptureSummary, merge: MergeResult): ImportBatch['warnings'] {
  const warnings = [
    ...summary.warnings.map((message) => ({ record: 'capture', message })),
    ...merge.warnings,
  ];
  if (summary.flowsOverLimit > 0) {
    warnings.push({
      record: 'capture',
      message: `${summary.flowsOverLimit} conversations beyond the limit were counted but not kept`,
    });
  }
  return warnings.slice(0, 10_000);
}

/**
 * Turns a capture's aggregates into inventory changes: its assets merged with the inventory (by MAC,
 * then IP), its conversations and layer-2 frame streams as flows, and the batch that undoes them.
 * Pure; the caller writes the result in one transaction.
 *
 * Endpoints that match no asset become assets only with `addEndpoints` (the default): they are then
 * "seen in traffic" (shared/model assetOrigin), kept apart from sensor assets. Without it, their
 * flows keep the addresses with no asset, and existing assets still gain what the capture saw.
 */
export function captureToImport(
  summary: CaptureSummary,
  existingAssets: readonly Asset[],
  context: BatchContext,
  file: { sha256: string; size: number },
  options: { addEndpoints?: boolean } = {},
): CaptureImport {
  const at = context.at ?? nowIso();
  const merge = mergeIntoInventory(
    existingAssets,
    { assets: captureAssets(summary), flows: [], skipped: 0, warnings: [] },
    { ...context, at },
  );
  if (options.addEndpoints === false) leaveOutNewAssets(merge);
  const flows = captureFlows(
    summary,
    {
      assessmentId: context.assessmentId,
      createdAt: at,
      updatedAt: at,
      batchId: context.id,
      source: CAPTURE_FORMAT,
    },
    assetIndexes(merge, existingAssets),
  );
  merge.undo.addedFlowIds = flows.map((f) => f.id);
  const batch: ImportBatch = {
    id: context.id,
    assessmentId: context.assessmentId,
    createdAt: at,
    updatedAt: at,
    kind: 'capture',
    format: CAPTURE_FORMAT,
    fileName: context.fileName.slice(0, 500),
    fileSha256: file.sha256,
    fileSize: file.size,
    counts: {
      records: summary.packets,
      assets: merge.counts.assets,
      flows: flows.length,
      merged: merge.counts.merged,
      skipped: merge.counts.skipped,
    },
    warnings: captureWarnings(summary, merge),
    importedAt: at,
    undo: merge.undo,
  };
  return { merge, flows, batch };
}

/** Drops the assets a merge would add, and their place in its counts and its undo. */
function leaveOutNewAssets(merge: MergeResult): void {
  merge.counts.assets -= merge.added.length;
  merge.added = [];
  merge.undo.addedAssetIds = [];
}
