import { escapeControlCharacters } from '../model/escape-control';
import type { Criticality, Flow, ImportWarning } from '../model';
import type { InventoryFormat } from './formats';
import type { ColumnMapping } from './mapping';

export type { ImportWarning };

/** One asset as a source record describes it, normalized but not yet merged or stored. */
export interface NormalizedAsset {
  /** Where in the file it came from: "row 4", "record 2", "line 7". */
  record: string;
  /** The record's own id in the source (Nozomi id, Claroty resource_id, ...), or null. */
  sourceId: string | null;
  name: string | null;
  ips: string[];
  macs: string[];
  hostnames: string[];
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  os: string | null;
  serial: string | null;
  type: string | null;
  /** The spellings found, when vendor and type were normalised (shared/vendors). */
  vendorRaw?: string | null;
  typeRaw?: string | null;
  purdueLevel: number | null;
  protocols: string[];
  criticality: Criticality | null;
  firstSeen: string | null;
  lastSeen: string | null;
  endOfSupport: string | null;
}

/** One end of an observed flow; sourceId refers to an asset by its id in the same source. */
export interface FlowEndpointRef {
  ip: string | null;
  mac: string | null;
  port: number | null;
  sourceId: string | null;
}

export interface NormalizedFlow {
  record: string;
  sourceId: string | null;
  a: FlowEndpointRef;
  b: FlowEndpointRef;
  transport: Flow['transport'];
  /** Which end serves; null when the source does not say (Defender connections are undirected). */
  server: 'a' | 'b' | null;
  protocol: string | null;
  packets: number;
  bytes: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface ImportPreview {
  /** Column names (CSV) or keys (JSON) of the records, as found. */
  headers: string[];
  /** The first records as flat text, for the preview table. */
  rows: Record<string, string>[];
  /** The column mapping used (generic CSV/JSON, Dragos, CSV exports), or null for a fixed format. */
  mapping: ColumnMapping | null;
}

/** What parsing one file yields, before anything is merged or written. */
export interface ParsedInventory {
  format: InventoryFormat;
  fileName: string;
  /** Detected text encoding, or "zip" for a GRASSMARLIN session. */
  encoding: string;
  assets: NormalizedAsset[];
  flows: NormalizedFlow[];
  /** Source records read (rows, objects, graph nodes and edges). */
  records: number;
  /** Records dropped because they were malformed; each has a warning. */
  skipped: number;
  warnings: ImportWarning[];
  preview: ImportPreview;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  records: number;
}

/** A file that cannot be read at all; the message names the file and the problem. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(message: string) {
    super(escapeControlCharacters(message));
  }
}

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
  constructor(fileName: string) {
    super(`${fileName}: import cancelled`);
  }
}
