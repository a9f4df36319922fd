import { z } from 'zod';
import { isoDateTime, recordBase, sha256HexSchema, uuid } from './common';
import { CRITICALITIES } from './zone';

/** Where a value came from: the import batch, its source format and the record's own id there. */
export const provenanceSchema = z.object({
  batchId: uuid.nullable(),
  format: z.string().max(50),
  sourceId: z.string().max(500).nullable(),
  fileName: z.string().max(500).nullable().default(null),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** A field on which sources disagree, with every value seen and where it came from. */
export const conflictSchema = z.object({
  field: z.string().max(50),
  values: z.array(z.object({ value: z.string().max(2000), source: provenanceSchema })),
});
export type Conflict = z.infer<typeof conflictSchema>;

const text = z.string().max(2000).nullable();

export const assetSchema = z.object({
  ...recordBase,
  name: z.string().max(500),
  ips: z.array(z.string().max(100)).max(1000),
  macs: z.array(z.string().max(50)).max(1000),
  hostnames: z.array(z.string().max(500)).max(100).default([]),
  vendor: text,
  model: text,
  firmware: text,
  os: text,
  serial: text,
  type: text,
  /** The vendor and type as the source spelled them, when the stored ones are their normalised names. */
  vendorRaw: text.optional(),
  typeRaw: text.optional(),
  purdueLevel: z.number().min(0).max(5).nullable(),
  protocols: z.array(z.string().max(100)).max(500),
  criticality: z.enum(CRITICALITIES).nullable(),
  zoneId: uuid.nullable(),
  firstSeen: isoDateTime.nullable(),
  lastSeen: isoDateTime.nullable(),
  endOfSupport: isoDateTime.nullable().default(null),
  notes: z.string().max(20_000).default(''),
  /** Batches that contributed to this asset (a multi-entry index, so an import can be undone). */
  batchIds: z.array(uuid).default([]),
  sources: z.array(provenanceSchema).default([]),
  conflicts: z.array(conflictSchema).default([]),
});
export type Asset = z.infer<typeof assetSchema>;

export const importWarningSchema = z.object({ record: z.string().max(100), message: z.string().max(2000) });
export type ImportWarning = z.infer<typeof importWarningSchema>;

export const importBatchSchema = z.object({
  ...recordBase,
  kind: z.enum(['inventory', 'capture']),
  format: z.string().max(50),
  fileName: z.string().max(500),
  fileSha256: sha256HexSchema,
  fileSize: z.number().int().nonnegative(),
  counts: z.object({
    records: z.number().int().nonnegative(),
    assets: z.number().int().nonnegative(),
    flows: z.number().int().nonnegative(),
    merged: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  warnings: z.array(importWarningSchema).max(10_000),
  importedAt: isoDateTime,
  /** Whatever undo needs to restore merged assets exactly (kept opaque to the model). */
  undo: z.unknown().optional(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const RECOGNITIONS = ['payload', 'port', 'payload-nonstandard-port'] as const;
export type Recognition = (typeof RECOGNITIONS)[number];

export const flowEndpointSchema = z.object({
  ip: z.string().max(100).nullable(),
  mac: z.string().max(50).nullable(),
  port: z.number().int().min(0).max(65535).nullable(),
  assetId: uuid.nullable().default(null),
});

/** An observed conversation (capture or vendor link/session export); transport "l2" is a MAC-pair frame stream. */
export const flowSchema = z.object({
  ...recordBase,
  batchId: uuid.nullable(),
  source: z.string().max(50),
  a: flowEndpointSchema,
  b: flowEndpointSchema,
  transport: z.enum(['tcp', 'udp', 'l2', 'other']),
  ethertype: z.number().int().min(0).max(0xffff).nullable().default(null),
  server: z.enum(['a', 'b']).nullable(),
  protocol: z.string().max(100).nullable(),
  recognizedBy: z.enum(RECOGNITIONS).nullable(),
  packets: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  firstSeen: isoDateTime.nullable(),
  lastSeen: isoDateTime.nullable(),
});
export type Flow = z.infer<typeof flowSchema>;
