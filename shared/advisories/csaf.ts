import { z } from 'zod';
import type { Advisory, AdvisoryCve, AdvisoryProduct, Remediation, RemediationKind } from './types';
import { REMEDIATION_KINDS } from './types';

/**
 * CSAF 2.0 (OASIS) security advisories: only the parts matching needs are read, and checked as
 * far as matching relies on them; anything else in the document is ignored.
 */
const productSchema = z.object({
  name: z.string(),
  product_id: z.string(),
  product_identification_helper: z
    .object({ model_numbers: z.array(z.string()).optional() })
    .passthrough()
    .optional(),
});

interface Branch {
  category: string;
  name: string;
  product?: z.infer<typeof productSchema>;
  branches?: Branch[];
}
const branchSchema: z.ZodType<Branch> = z.lazy(() =>
  z.object({
    category: z.string(),
    name: z.string(),
    product: productSchema.optional(),
    branches: z.array(branchSchema).optional(),
  }),
);

const csafSchema = z.object({
  document: z.object({
    category: z.string(),
    csaf_version: z.literal('2.0'),
    title: z.string(),
    tracking: z.object({
      id: z.string().min(1),
      version: z.string(),
      initial_release_date: z.string(),
      current_release_date: z.string(),
      revision_history: z
        .array(z.object({ number: z.string(), date: z.string(), summary: z.string().optional() }))
        .default([]),
    }),
  }),
  product_tree: z
    .object({
      branches: z.array(branchSchema).optional(),
      full_product_names: z.array(productSchema).optional(),
      relationships: z
        .array(
          z.object({
            category: z.string(),
            product_reference: z.string(),
            relates_to_product_reference: z.string(),
            full_product_name: productSchema,
          }),
        )
        .optional(),
    })
    .optional(),
  vulnerabilities: z
    .array(
      z.object({
        cve: z.string().optional(),
        ids: z.array(z.object({ text: z.string() })).optional(),
        title: z.string().optional(),
        product_status: z.record(z.string(), z.array(z.string())).optional(),
        scores: z
          .array(
            z.object({
              products: z.array(z.string()).default([]),
              cvss_v3: z.object({ baseScore: z.number(), vectorString: z.string().optional() }).optional(),
              cvss_v2: z.object({ baseScore: z.number(), vectorString: z.string().optional() }).optional(),
            }),
          )
          .optional(),
        remediations: z
          .array(
            z.object({
              category: z.string(),
              details: z.string(),
              product_ids: z.array(z.string()).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

export class CsafError extends Error {
  override name = 'CsafError';
}

const AFFECTED = ['known_affected', 'first_affected', 'last_affected', 'under_investigation'];
const FIXED = ['fixed', 'first_fixed'];
const NOT_AFFECTED = ['known_not_affected'];

interface Located {
  vendor: string;
  family: string;
  name: string;
  versions: string | null;
  versionKind: 'range' | 'version' | null;
  modelNumbers: string[];
}

function walk(branches: Branch[], path: Branch[], out: Map<string, Located>): void {
  for (const branch of branches) {
    const here = [...path, branch];
    if (branch.product) {
      const of = (category: string) => here.find((b) => b.category === category)?.name.trim() ?? null;
      const versionBranch = here.find(
        (b) => b.category === 'product_version_range' || b.category === 'product_version',
      );
      out.set(branch.product.product_id, {
        vendor: of('vendor') ?? '',
        family: of('product_family') ?? of('product_name') ?? branch.product.name.trim(),
        name: branch.product.name.trim(),
        versions: versionBranch?.name.trim() ?? null,
        versionKind: versionBranch
          ? versionBranch.category === 'product_version'
            ? 'version'
            : 'range'
          : null,
        modelNumbers: branch.product.product_identification_helper?.model_numbers ?? [],
      });
    }
    if (branch.branches) walk(branch.branches, here, out);
  }
}

function firstLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 600);
}

type CsafDocument = z.infer<typeof csafSchema>;
type CsafVulnerability = NonNullable<CsafDocument['vulnerabilities']>[number];

/**
 * Every product id of the tree with its branch path: the branches, the full product names, and
 * the relationships ("component on platform"), with each installed component's platform name.
 */
function locateProducts(tree: CsafDocument['product_tree']): {
  located: Map<string, Located>;
  platforms: Map<string, string>;
} {
  const located = new Map<string, Located>();
  walk(tree?.branches ?? [], [], located);
  for (const product of tree?.full_product_names ?? []) {
    if (!located.has(product.product_id)) {
      located.set(product.product_id, {
        vendor: '',
        family: product.name,
        name: product.name,
        versions: null,
        versionKind: null,
        modelNumbers: product.product_identification_helper?.model_numbers ?? [],
      });
    }
  }
  const platforms = new Map<string, string>();
  for (const relation of tree?.relationships ?? []) {
    const component = located.get(relation.product_reference);
    const platform = located.get(relation.relates_to_product_reference);
    if (!component) continue;
    located.set(relation.full_product_name.product_id, {
      ...component,
      name: relation.full_product_name.name.trim(),
      vendor: component.vendor || platform?.vendor || '',
    });
    if (platform) platforms.set(relation.full_product_name.product_id, platform.name);
  }
  return { located, platforms };
}

/** The CVEs, each with its highest CVSS base score (v3 before v2). */
function readCves(vulnerabilities: readonly CsafVulnerability[], trackingId: string): AdvisoryCve[] {
  return vulnerabilities.map((vulnerability, index) => {
    let best: { score: number; vector: string | null } | null = null;
    for (const score of vulnerability.scores ?? []) {
      const cvss = score.cvss_v3 ?? score.cvss_v2;
      if (cvss && (!best || cvss.baseScore > best.score)) {
        best = { score: cvss.baseScore, vector: cvss.vectorString ?? null };
      }
    }
    return {
      id: vulnerability.cve ?? vulnerability.ids?.[0]?.text ?? `${trackingId}#${index + 1}`,
      title: vulnerability.title ?? null,
      cvss: best?.score ?? null,
      vector: best?.vector ?? null,
    };
  });
}

function statusList(status: string): 'affected' | 'fixed' | 'notAffected' | null {
  if (AFFECTED.includes(status)) return 'affected';
  if (FIXED.includes(status)) return 'fixed';
  return NOT_AFFECTED.includes(status) ? 'notAffected' : null;
}

/** The products the vulnerabilities name, with their status per CVE and their remediations. */
function collectProducts(
  vulnerabilities: readonly CsafVulnerability[],
  located: ReadonlyMap<string, Located>,
  platforms: ReadonlyMap<string, string>,
): AdvisoryProduct[] {
  const products = new Map<string, AdvisoryProduct>();
  const productOf = (id: string): AdvisoryProduct | null => {
    const existing = products.get(id);
    if (existing) return existing;
    const where = located.get(id);
    if (!where) return null;
    const product: AdvisoryProduct = {
      ...where,
      platform: platforms.get(id) ?? null,
      affected: [],
      fixed: [],
      notAffected: [],
      remediations: [],
    };
    products.set(id, product);
    return product;
  };
  vulnerabilities.forEach((vulnerability, index) => {
    for (const [status, ids] of Object.entries(vulnerability.product_status ?? {})) {
      const list = statusList(status);
      if (!list) continue;
      for (const id of ids) {
        const product = productOf(id);
        if (product && !product[list].includes(index)) product[list].push(index);
      }
    }
    for (const remediation of vulnerability.remediations ?? []) {
      if (!(REMEDIATION_KINDS as readonly string[]).includes(remediation.category)) continue;
      const entry: Remediation = {
        kind: remediation.category as RemediationKind,
        text: firstLine(remediation.details),
      };
      for (const id of remediation.product_ids ?? []) {
        const product = productOf(id);
        if (product && !product.remediations.some((r) => r.kind === entry.kind && r.text === entry.text)) {
          product.remediations.push(entry);
        }
      }
    }
  });
  return [...products.values()].filter((p) => p.affected.length + p.fixed.length + p.notAffected.length > 0);
}

/** Reads one CSAF 2.0 document (already JSON-parsed); throws CsafError saying what is wrong. */
export function readCsaf(json: unknown): Advisory {
  const parsed = csafSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the document';
    throw new CsafError(`not a CSAF 2.0 advisory (${where}: ${issue.message.toLowerCase()})`);
  }
  const { document, product_tree: tree, vulnerabilities = [] } = parsed.data;
  const { located, platforms } = locateProducts(tree);
  return {
    id: document.tracking.id.trim().toUpperCase(),
    title: document.title.trim(),
    revision: document.tracking.version,
    initialRelease: document.tracking.initial_release_date,
    currentRelease: document.tracking.current_release_date,
    revisions: document.tracking.revision_history.map((r) => ({
      number: r.number,
      date: r.date,
      summary: r.summary ?? '',
    })),
    cves: readCves(vulnerabilities, document.tracking.id),
    products: collectProducts(vulnerabilities, located, platforms),
  };
}

/** Compares two tracking versions ("1", "1.2", "2.0.1"): CSAF uses integers or semantic versions. */
export function compareRevisions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  const pb = b.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
