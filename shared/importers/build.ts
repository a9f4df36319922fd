import { CRITICALITIES, type Criticality } from '../model';
import type { ImportContext } from './context';
import type { FlowEndpointRef, NormalizedAsset, NormalizedFlow } from './types';
import {
  cleanText,
  isUnknown,
  normalizeMac,
  parseAddress,
  parseCount,
  parseCriticality,
  parsePort,
  parsePurdue,
  parseTime,
  splitMulti,
} from './values';

/** Raw values for one asset, straight from a record; buildAsset cleans and validates them. */
export interface AssetInput {
  sourceId?: unknown;
  name?: unknown;
  ips?: unknown;
  macs?: unknown;
  hostnames?: unknown;
  vendor?: unknown;
  model?: unknown;
  firmware?: unknown;
  os?: unknown;
  serial?: unknown;
  type?: unknown;
  purdueLevel?: unknown;
  protocols?: unknown;
  criticality?: unknown;
  firstSeen?: unknown;
  lastSeen?: unknown;
  endOfSupport?: unknown;
}

function uniqueLimited(values: string[], limit: number, caseInsensitive = false): string[] {
  if (values.length <= 1) return values;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = caseInsensitive ? value.toLowerCase() : value;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
    if (out.length >= limit) break;
  }
  return out;
}

function timeField(ctx: ImportContext, record: string, field: string, value: unknown): string | null {
  const time = parseTime(value);
  // Epoch 0 and 1970 dates are placeholders for "never", not errors.
  const placeholder = typeof value === 'number' || /^\s*(0+|19[0-7]\d-.*)\s*$/.test(String(value));
  if (time === null && !isUnknown(value) && !placeholder) {
    ctx.warn(record, `${field}: "${String(value).slice(0, 80)}" is not a time I can read; left empty`);
  }
  return time;
}

/** Cleans one asset's values; returns null (and the caller skips the record) if nothing identifies it. */
export function buildAsset(ctx: ImportContext, record: string, input: AssetInput): NormalizedAsset | null {
  const ips: string[] = [];
  let backplane: string | null = null;
  for (const raw of splitMulti(input.ips)) {
    const address = parseAddress(raw);
    if (!address) {
      ctx.warn(record, `"${raw.slice(0, 80)}" is not an IP address; ignored`);
    } else if (address.note === 'backplane') {
      // A module behind a communications card: the IP is the card's, not this asset's.
      backplane ??= `${address.ip}:${address.path}`;
    } else {
      ips.push(address.ip);
    }
  }
  const macs: string[] = [];
  for (const raw of splitMulti(input.macs)) {
    const mac = normalizeMac(raw);
    if (mac) macs.push(mac);
    else ctx.warn(record, `"${raw.slice(0, 80)}" is not a MAC address; ignored`);
  }
  const hostnames = uniqueLimited(
    splitMulti(input.hostnames).map((h) => h.slice(0, 500)),
    100,
    true,
  );
  let purdueLevel = parsePurdue(input.purdueLevel);
  if (purdueLevel === null && !isUnknown(input.purdueLevel) && typeof input.purdueLevel !== 'object') {
    ctx.warn(record, `Purdue level "${String(input.purdueLevel).slice(0, 40)}" is not 0 to 5; left empty`);
    purdueLevel = null;
  }
  const criticality: Criticality | null =
    typeof input.criticality === 'string' && (CRITICALITIES as readonly string[]).includes(input.criticality)
      ? (input.criticality as Criticality)
      : parseCriticality(input.criticality);
  const sourceId = cleanText(input.sourceId, 500);
  const uniqueIps = uniqueLimited(ips, 1000);
  const uniqueMacs = uniqueLimited(macs, 1000);
  const name =
    cleanText(input.name, 500) ?? hostnames[0] ?? backplane ?? uniqueIps[0] ?? uniqueMacs[0] ?? null;
  if (name === null && sourceId === null) return null;
  return {
    record,
    sourceId,
    name,
    ips: uniqueIps,
    macs: uniqueMacs,
    hostnames,
    vendor: cleanText(input.vendor),
    model: cleanText(input.model),
    firmware: cleanText(input.firmware),
    os: cleanText(input.os),
    serial: cleanText(input.serial),
    type: cleanText(input.type),
    purdueLevel,
    protocols: uniqueLimited(
      splitMulti(input.protocols).map((p) => p.slice(0, 100)),
      500,
      true,
    ),
    criticality,
    firstSeen: timeField(ctx, record, 'first seen', input.firstSeen),
    lastSeen: timeField(ctx, record, 'last seen', input.lastSeen),
    endOfSupport: timeField(ctx, record, 'end of support', input.endOfSupport),
  };
}

/** Adds the asset, or skips the record with a reason when nothing identifies it. */
export function emitAsset(ctx: ImportContext, record: string, input: AssetInput): NormalizedAsset | null {
  const asset = buildAsset(ctx, record, input);
  if (asset) ctx.addAsset(asset);
  else ctx.skip(record, 'no name, address or id: nothing identifies this asset');
  return asset;
}

export interface EndpointInput {
  ip?: unknown;
  mac?: unknown;
  port?: unknown;
  sourceId?: unknown;
}

export function buildEndpoint(input: EndpointInput): FlowEndpointRef {
  const address = parseAddress(Array.isArray(input.ip) ? input.ip[0] : input.ip);
  return {
    ip: address && address.note !== 'backplane' ? address.ip : null,
    mac: normalizeMac(Array.isArray(input.mac) ? input.mac[0] : input.mac),
    port: parsePort(input.port),
    sourceId: cleanText(input.sourceId, 500),
  };
}

export function transportOf(value: unknown): NormalizedFlow['transport'] {
  const text = cleanText(value, 100)?.toLowerCase() ?? '';
  if (/\btcp\b|^6$/.test(text)) return 'tcp';
  if (/\budp\b|^17$/.test(text)) return 'udp';
  return 'other';
}

export interface FlowInput {
  sourceId?: unknown;
  a: EndpointInput;
  b: EndpointInput;
  transport?: unknown;
  server?: 'a' | 'b' | null;
  protocol?: unknown;
  packets?: unknown;
  bytes?: unknown;
  firstSeen?: unknown;
  lastSeen?: unknown;
}

/** Adds a flow, or skips the record when neither end can be identified. */
export function emitFlow(ctx: ImportContext, record: string, input: FlowInput): NormalizedFlow | null {
  const a = buildEndpoint(input.a);
  const b = buildEndpoint(input.b);
  const known = (e: FlowEndpointRef) => e.ip !== null || e.mac !== null || e.sourceId !== null;
  if (!known(a) || !known(b)) {
    ctx.skip(record, 'a connection needs both ends (an address or an asset id)');
    return null;
  }
  const flow: NormalizedFlow = {
    record,
    sourceId: cleanText(input.sourceId, 500),
    a,
    b,
    transport: transportOf(input.transport),
    server: input.server === undefined ? 'b' : input.server,
    protocol: cleanText(input.protocol, 100),
    packets: parseCount(input.packets) ?? 0,
    bytes: parseCount(input.bytes) ?? 0,
    firstSeen: timeField(ctx, record, 'first seen', input.firstSeen),
    lastSeen: timeField(ctx, record, 'last seen', input.lastSeen),
  };
  ctx.addFlow(flow);
  return flow;
}
