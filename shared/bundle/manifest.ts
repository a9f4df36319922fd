import { z } from 'zod';
import type { Assessment } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../model/version';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** Our own predicate type (in-toto asks for a URI that names the predicate's schema and version). */
export const PREDICATE_TYPE = 'urn:conduit:predicate:ot-assessment-bundle:v1';
export const STANDARD = 'IEC 62443-3-3';

export interface BundleSignerIdentity {
  name: string;
  organization: string;
  email: string;
  /** OpenSSH public key line. */
  publicKey: string;
  fingerprint: string;
}

const subjectSchema = z.object({
  name: z.string().min(1),
  digest: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export const manifestSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(subjectSchema),
  predicateType: z.literal(PREDICATE_TYPE),
  predicate: z.object({
    assessmentId: z.string(),
    title: z.string(),
    client: z.string(),
    site: z.string(),
    standard: z.string(),
    catalogueVersion: z.string(),
    signer: z.object({
      name: z.string(),
      organization: z.string(),
      email: z.string(),
      publicKey: z.string(),
      fingerprint: z.string(),
    }),
    signedAt: z.string(),
    tool: z.object({ name: z.string(), version: z.string() }),
  }),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/** The in-toto Statement v1 of manifest.json: every file's SHA-256 as a subject. */
export function buildManifest(
  assessment: Assessment,
  signer: BundleSignerIdentity,
  signedAt: string,
  files: readonly { path: string; sha256: string }[],
): BundleManifest {
  return {
    _type: STATEMENT_TYPE,
    subject: files.map((f) => ({ name: f.path, digest: { sha256: f.sha256 } })),
    predicateType: PREDICATE_TYPE,
    predicate: {
      assessmentId: assessment.id,
      title: assessment.title,
      client: assessment.client,
      site: assessment.site,
      standard: STANDARD,
      catalogueVersion: assessment.catalogueVersion,
      signer: { ...signer },
      signedAt,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
    },
  };
}
