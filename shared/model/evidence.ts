import { z } from 'zod';
import { isoDateTime, recordBase, sha256HexSchema } from './common';

/** Metadata of a photo or file; the bytes live beside it (a Blob in IndexedDB, base64 in the file format). */
export const evidenceMetaSchema = z.object({
  ...recordBase,
  name: z.string().min(1).max(500),
  mimeType: z.string().max(200),
  size: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
  caption: z.string().max(5000).default(''),
  capturedAt: isoDateTime,
});
export type EvidenceMeta = z.infer<typeof evidenceMetaSchema>;
export type Evidence = EvidenceMeta & { blob: Blob };
