import { z } from 'zod';

/** CISA's Known Exploited Vulnerabilities catalog, as much of it as a decision needs. */
export interface KevEntry {
  cve: string;
  dateAdded: string;
  dueDate: string | null;
  ransomware: boolean;
  name: string;
  requiredAction: string;
}
export interface KevCatalog {
  version: string;
  released: string | null;
  entries: Map<string, KevEntry>;
}

const kevSchema = z.object({
  catalogVersion: z.string(),
  dateReleased: z.string().optional(),
  vulnerabilities: z.array(
    z.object({
      cveID: z.string().regex(/^CVE-\d{4}-\d+$/),
      dateAdded: z.string(),
      dueDate: z.string().optional(),
      vulnerabilityName: z.string().default(''),
      requiredAction: z.string().default(''),
      knownRansomwareCampaignUse: z.string().optional(),
    }),
  ),
});

export class KevError extends Error {
  override name = 'KevError';
}

/** Reads the KEV JSON (the text, not yet parsed); `file` names it in messages. */
export function readKev(text: string, file: string): KevCatalog {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KevError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = kevSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where =
      issue.path[0] === 'vulnerabilities' && typeof issue.path[1] === 'number'
        ? `entry ${issue.path[1] + 1}`
        : 'the catalog';
    throw new KevError(`${file}: not a CISA KEV catalog (${where}: ${issue.message.toLowerCase()})`);
  }
  const entries = new Map<string, KevEntry>();
  for (const v of parsed.data.vulnerabilities) {
    entries.set(v.cveID.toUpperCase(), {
      cve: v.cveID.toUpperCase(),
      dateAdded: v.dateAdded,
      dueDate: v.dueDate ?? null,
      ransomware: v.knownRansomwareCampaignUse === 'Known',
      name: v.vulnerabilityName,
      requiredAction: v.requiredAction,
    });
  }
  return { version: parsed.data.catalogVersion, released: parsed.data.dateReleased ?? null, entries };
}
