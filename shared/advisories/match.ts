import {
  distinctWords,
  familyKeys,
  lineKeys,
  matchProduct,
  prefixKeys,
  tokenizeProduct,
  type ProductMatch,
  type ProductTokens,
} from './product';
import { parseRange, rangeContains, type RangeAnswer, type VersionRange } from './range';
import type { Advisory, AdvisoryProduct, Remediation } from './types';
import type { AliasEdit } from '../vendors/normalise';
import { vendorInText, vendorKey } from '../vendors/vendor-aliases';
import { vendorNamer } from '../vendors/vendor-names';
import { parseVersion } from './version';
import { repairMojibake } from '../text/mojibake';

/** What matching reads of an asset. */
export interface MatchableAsset {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
}

/** Product and version in range; product matched but the version unknown; product named by words only. */
export const MATCH_CONFIDENCES = ['version-in-range', 'version-unknown', 'name-only'] as const;
export type MatchConfidence = (typeof MATCH_CONFIDENCES)[number];
export const MATCH_STATUSES = ['affected', 'possibly-affected'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export interface AdvisoryMatch {
  advisoryId: string;
  title: string;
  cves: string[];
  /** Highest CVSS base score among the CVEs that apply. */
  cvss: number | null;
  kevCves: string[];
  status: MatchStatus;
  confidence: MatchConfidence;
  /** The advisory's product branch and version text, and how the asset's firmware compares. */
  why: string;
  product: string;
  versions: string | null;
  remediations: Remediation[];
}

interface PreparedProduct {
  /** Its place among the pack's products. */
  id: number;
  advisory: number;
  product: AdvisoryProduct;
  tokens: ProductTokens;
  /** Its model tokens and words, and its variant tokens: variants of one product share the identity. */
  identity: string;
  variants: string;
  /** The version text compared (see versionTextOf). */
  versions: string | null;
  range: VersionRange | null;
  /** The product's remediations, one object per distinct kind and text across the pack. */
  remediations: Remediation[];
}

interface VendorBucket {
  byModel: Map<string, PreparedProduct[]>;
  wildcards: PreparedProduct[];
  /** Family products by their series line, and products named by words by their rarest word. */
  byWord: Map<string, PreparedProduct[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function wordsOf(vendors: string[], raw: string | null): Set<string> {
  const words = new Set<string>();
  for (const name of [...vendors, raw ?? ''])
    for (const word of vendorKey(name).split(' ')) if (word) words.add(word);
  return words;
}

/** CISA's product names often repeat the version text after a colon: that part is not the product. */
const VERSION_WORDS =
  /\b(?:versions?|firmware|all|prior|before|earlier|later|below|and older|v?\d+(?:\.\d+)+)\b|^\s*\*\s*$/i;

/** "E2 Camera Series - Geutebrück reports the vulnerability affect the following IP cameras": prose after a dash. */
const PROSE = /\b(?:reports?|vulnerabilit(?:y|ies)|affects?|following)\b/i;

function nameWithoutVersions(product: AdvisoryProduct): string {
  const name = repairMojibake(product.name);
  const colon = name.lastIndexOf(':');
  let head = name;
  if (colon > 0 && product.versions) {
    const tail = name.slice(colon + 1);
    if (VERSION_WORDS.test(tail) || tail.trim() === product.versions.trim())
      head = name.slice(0, colon).trim();
  }
  const dash = head.indexOf(' - ');
  return dash > 0 && PROSE.test(head.slice(dash + 3)) ? head.slice(0, dash).trim() : head;
}

/**
 * The version text to compare: the range field, or the version text after the name's colon where
 * the field lost the wildcard it gives ("RTU500 series CMU Firmware: version 12.6.*" with the
 * field "12.6") or cannot be read ("9.4 | FP2  Hotfix 5" for "SYS600: <= 9.4 FP2 Hotfix 5").
 */
function versionTextOf(product: AdvisoryProduct): string | null {
  const field = product.versions;
  const colon = product.name.lastIndexOf(':');
  const tail = colon > 0 ? product.name.slice(colon + 1).trim() : '';
  if (!field || !tail) return field;
  const wildcardLost = /\d\.\s*(?:\*|x\b)/i.test(tail) && !/\*|\dx\b|\.x\b/i.test(field);
  if (wildcardLost && parseRange(tail).kind === 'set') return tail;
  if (parseRange(field).kind === 'unknown' && parseRange(tail).kind !== 'unknown') return tail;
  return field;
}

function productText(product: AdvisoryProduct): string {
  const name = nameWithoutVersions(product);
  const family = name.includes(product.family) ? '' : product.family;
  return `${family} ${name} ${product.platform ?? ''}`;
}

/** The advisory's product branch as the assessor reads it: vendor / product (/ platform). */
export function productPath(product: AdvisoryProduct): string {
  const name = nameWithoutVersions(product);
  const full = product.family.includes(name) ? product.family : name;
  return [repairMojibake(product.vendor), full, product.platform ? `on ${product.platform}` : null]
    .filter(Boolean)
    .join(' / ');
}

/** The least common token, a wildcard last (wildcards are scanned, not looked up). */
function rarest(tokens: readonly string[], counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  for (const token of tokens) {
    if (best === undefined) best = token;
    else if (best.endsWith('*') !== token.endsWith('*')) best = best.endsWith('*') ? token : best;
    else if (counts.get(token)! < counts.get(best)!) best = token;
  }
  return best;
}

interface PlanHit {
  p: PreparedProduct;
  kind: Exclude<ProductMatch, null>;
  /** Index into ModelPlan.ranges; -1 where the product gives no versions. */
  range: number;
  identity: string;
  variants: string;
}

/** One advisory's products that an asset model names, and its verdicts by the firmware's answers. */
interface AdvisoryPlan {
  advisory: number;
  hits: PlanHit[];
  /**
   * Keyed by the answers' codes in hit order (an advisory has few products per model); null: it
   * does not apply. Shared by every model text that names the same products of the advisory.
   */
  verdicts: Map<string, Verdict | null>;
}

const NO_VERDICTS: readonly Verdict[] = [];

/**
 * What one vendor and model text is matched against, prepared once: the advisories that name it
 * and the distinct version ranges of their products (each compared once per firmware).
 */
interface ModelPlan {
  ranges: VersionRange[];
  advisories: AdvisoryPlan[];
  /** The applying verdicts in output order, by the firmware's answers for all of `ranges`. */
  sorted: Map<string, readonly Verdict[]>;
}

/** A match without its firmware-specific "why", and what that sentence needs. */
export interface Verdict {
  match: AdvisoryMatch;
  answer: RangeAnswer;
  someOut: boolean;
  byName: boolean;
}

const ANSWER_CODE: Record<RangeAnswer, string> = { in: 'i', out: 'o', unknown: 'u' };
const ANSWER_OF_CODE: Record<string, RangeAnswer> = { i: 'in', o: 'out', u: 'unknown' };

/** How an asset's firmware compares with a matched product's versions: the tail of the "why" sentence. */
export const COMPARISONS = [
  'no-firmware',
  'firmware-not-comparable',
  'in-range-for-some-variants',
  'in-range',
  'range-not-comparable',
] as const;
export type Comparison = (typeof COMPARISONS)[number];

function comparisonOf(verdict: Verdict, firmware: string | null, comparable: boolean): Comparison {
  if (firmware === null) return 'no-firmware';
  if (!comparable) return 'firmware-not-comparable';
  if (verdict.answer === 'in') return verdict.someOut ? 'in-range-for-some-variants' : 'in-range';
  return 'range-not-comparable';
}

/**
 * The match as the assessor reads it: the advisory's product branch, its version text and how the
 * firmware compares. Built only for a confirmed match (and, after a worker run, on the reader's side).
 */
export function explainMatch(
  match: AdvisoryMatch,
  byName: boolean,
  comparison: Comparison,
  firmware: string | null,
): AdvisoryMatch {
  const text =
    comparison === 'no-firmware'
      ? 'the asset has no firmware version'
      : comparison === 'firmware-not-comparable'
        ? `firmware "${firmware}" cannot be compared`
        : comparison === 'in-range-for-some-variants'
          ? `firmware ${firmware} is in range for some variants and outside it for others: the order number decides`
          : comparison === 'in-range'
            ? `firmware ${firmware} is in range`
            : `"${match.versions}" cannot be compared with firmware ${firmware}`;
  const why = `${match.product}, versions "${match.versions ?? 'not given'}": ${text}${byName ? ' (named by product words only)' : ''}`;
  return { ...match, why };
}

/** An asset's matches before their "why" is written: what a compact worker result carries. */
export interface PendingMatches {
  verdicts: readonly Verdict[];
  /** The firmware text as compared (trimmed; null when absent). */
  firmware: string | null;
  comparable: boolean;
}

const RANK: Record<MatchConfidence, number> = { 'version-in-range': 0, 'version-unknown': 1, 'name-only': 2 };

/** Prepares advisories once for matching many assets: vendor buckets and token indexes. */
export class AdvisoryMatcher {
  private readonly buckets = new Map<string, VendorBucket>();
  private readonly releases = new Map<string, string>();
  /** Per vendor and model text: the advisories that name it (a plant repeats its models). */
  private readonly plans = new Map<string, ModelPlan>();
  /** Verdict tables by advisory and the products (and how) a model names: many model texts name alike. */
  private readonly verdictTables = new Map<string, Map<string, Verdict | null>>();

  /** The vendors a vendor text names, the assessor's vendor aliases included. */
  private readonly vendorsOf: (text: string) => string[];

  constructor(
    readonly advisories: readonly Advisory[],
    private readonly kev: ReadonlySet<string> = new Set(),
    vendorAliases: readonly AliasEdit[] = [],
  ) {
    this.vendorsOf = vendorNamer(vendorAliases);
    const prepared: Array<{ vendors: string[]; p: PreparedProduct }> = [];
    const wordCounts = new Map<string, number>();
    const tokenCounts = new Map<string, number>();
    const ranges = new Map<string, VersionRange>();
    const remediations = new Map<string, Remediation>();
    // A decoded index shares one object per remediation text: each is keyed by its text once.
    const interned = new Map<Remediation, Remediation>();
    const intern = (r: Remediation) => {
      let known = interned.get(r);
      if (known) return known;
      const key = `${r.kind}:${r.text}`;
      known = remediations.get(key);
      if (!known) remediations.set(key, (known = r));
      interned.set(r, known);
      return known;
    };
    // The pack repeats vendor spellings and product names (one SCALANCE model in dozens of advisories).
    const byVendor = new Map<string, { vendors: string[]; words: Set<string> }>();
    const tokensByText = new Map<string, ProductTokens>();
    advisories.forEach((advisory, at) => {
      this.releases.set(advisory.id, advisory.initialRelease);
      for (const product of advisory.products) {
        let vendor = byVendor.get(product.vendor);
        if (!vendor) {
          const names = this.vendorsOf(product.vendor);
          byVendor.set(product.vendor, (vendor = { vendors: names, words: wordsOf(names, product.vendor) }));
        }
        const { vendors } = vendor;
        const text = productText(product);
        const textKey = `${product.vendor}\u0000${text}\u0000${product.modelNumbers.join('\u0000')}`;
        let tokens = tokensByText.get(textKey);
        if (!tokens) {
          tokens = tokenizeProduct(text, vendor.words, product.modelNumbers);
          tokensByText.set(textKey, tokens);
        }
        for (const word of tokens.words) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
        for (const token of [...tokens.models, ...tokens.variants])
          tokenCounts.set(token, (tokenCounts.get(token) ?? 0) + 1);
        // One parsed range per distinct text: products sharing it share one answer per firmware.
        const versions = versionTextOf(product);
        let range = versions ? ranges.get(versions) : null;
        if (versions && !range) ranges.set(versions, (range = parseRange(versions)));
        prepared.push({
          vendors,
          p: {
            id: prepared.length,
            advisory: at,
            product,
            tokens,
            identity: [...tokens.models, '|', ...tokens.words].join(' '),
            variants: tokens.variants.join(' '),
            versions,
            range: range ?? null,
            remediations: product.remediations.map(intern),
          },
        });
      }
    });
    for (const { vendors, p } of prepared)
      for (const vendor of vendors) this.fileProduct(vendor, p, tokenCounts, wordCounts);
  }

  /**
   * Files a product in its vendor's bucket under tokens the asset must share for matchProduct to
   * accept it: the rarest of its own model tokens (the asset needs them all), the rarest of its
   * order numbers (or those), or, with no model token of its own, each of its order numbers.
   */
  private fileProduct(
    vendor: string,
    p: PreparedProduct,
    tokenCounts: ReadonlyMap<string, number>,
    wordCounts: ReadonlyMap<string, number>,
  ): void {
    let bucket = this.buckets.get(vendor);
    if (!bucket) {
      bucket = { byModel: new Map(), wildcards: [], byWord: new Map() };
      this.buckets.set(vendor, bucket);
    }
    const variants = p.tokens.variants.filter((token) => /\d/.test(token));
    const keys =
      p.tokens.models.length > 0
        ? [rarest(p.tokens.models, tokenCounts), rarest(variants, tokenCounts)]
        : variants;
    for (const token of new Set(keys)) {
      if (token === undefined) continue;
      if (token.endsWith('*')) bucket.wildcards.push(p);
      else push(bucket.byModel, token, p);
    }
    if (p.tokens.family) for (const key of lineKeys(p.tokens)) push(bucket.byWord, key, p);
    for (const prefix of p.tokens.prefixes) push(bucket.byWord, `prefix:${prefix}`, p);
    if (p.tokens.models.length === 0 && variants.length === 0) {
      const word = distinctWords(p.tokens).sort((a, b) => wordCounts.get(a)! - wordCounts.get(b)!)[0];
      if (word) push(bucket.byWord, word, p);
    }
  }

  /** Every advisory that names the asset's product, newest first; empty without vendor or model. */
  match(asset: MatchableAsset): AdvisoryMatch[] {
    const { verdicts, firmware, comparable } = this.pending(asset);
    return verdicts.map((v) =>
      explainMatch(v.match, v.byName, comparisonOf(v, firmware, comparable), firmware),
    );
  }

  /** How the firmware compares with a verdict's product (the tail of its "why"). */
  comparisonOf(verdict: Verdict, pending: PendingMatches): Comparison {
    return comparisonOf(verdict, pending.firmware, pending.comparable);
  }

  /**
   * The asset's verdicts in output order, shared by every asset of its vendor and model whose
   * firmware gives the same answers: nothing is allocated per asset but the answers' key.
   */
  pending(asset: MatchableAsset): PendingMatches {
    const plan = this.planOf(asset.vendor, asset.model);
    const firmware = asset.firmware?.trim() || null;
    if (plan.advisories.length === 0) return { verdicts: NO_VERDICTS, firmware, comparable: false };
    const version = firmware ? parseVersion(firmware) : null;
    let key = '';
    for (const range of plan.ranges) key += ANSWER_CODE[rangeContains(range, version)];
    let verdicts = plan.sorted.get(key);
    if (!verdicts) plan.sorted.set(key, (verdicts = this.verdictsOf(plan, key)));
    return { verdicts, firmware, comparable: version !== null };
  }

  private verdictsOf(plan: ModelPlan, answers: string): readonly Verdict[] {
    const found: Verdict[] = [];
    for (const advisory of plan.advisories) {
      let key = '';
      for (const hit of advisory.hits) key += hit.range < 0 ? 'u' : answers[hit.range]!;
      let verdict = advisory.verdicts.get(key);
      if (verdict === undefined) {
        verdict = this.verdictOf(
          advisory,
          [...key].map((code) => ANSWER_OF_CODE[code]!),
        );
        advisory.verdicts.set(key, verdict);
      }
      if (verdict) found.push(verdict);
    }
    return found.sort(
      (a, b) =>
        RANK[a.match.confidence] - RANK[b.match.confidence] ||
        (this.releaseOf(b.match.advisoryId) > this.releaseOf(a.match.advisoryId) ? 1 : -1),
    );
  }

  /**
   * What an advisory says of an asset whose firmware gives these answers for its products, the
   * firmware text aside: the same for every asset of one model whose firmware compares alike.
   */
  private verdictOf(plan: AdvisoryPlan, answers: readonly RangeAnswer[]): Verdict | null {
    const advisory = this.advisories[plan.advisory]!;
    const found = plan.hits.map((hit, i) => ({ ...hit, answer: answers[i]! }));
    const cleared = new Set<number>();
    for (const hit of found) {
      if (hit.answer === 'in')
        for (const c of [...hit.p.product.fixed, ...hit.p.product.notAffected]) cleared.add(c);
    }
    const affecting = found.filter((hit) => hit.p.product.affected.length > 0 && hit.answer !== 'out');
    if (affecting.length === 0) return null;
    const cveIndexes = new Set(
      affecting.flatMap((hit) => hit.p.product.affected).filter((c) => !cleared.has(c)),
    );
    if (cveIndexes.size === 0) return null;
    // Variants of one product (same name, other order number) that disagree on the version.
    const outside = found.filter((hit) => hit.p.product.affected.length > 0 && hit.answer === 'out');
    const someOut = affecting.some((hit) =>
      outside.some((o) => o.identity === hit.identity && o.variants !== hit.variants),
    );
    const confidenceOf = (hit: (typeof affecting)[number]): MatchConfidence =>
      hit.kind === 'name'
        ? 'name-only'
        : hit.answer === 'in' && !someOut
          ? 'version-in-range'
          : 'version-unknown';
    const best = affecting.reduce((a, b) => (RANK[confidenceOf(b)] < RANK[confidenceOf(a)] ? b : a));
    const confidence = confidenceOf(best);
    const cves = [...cveIndexes].sort((a, b) => a - b).map((c) => advisory.cves[c]!);
    const scores = cves.map((c) => c.cvss).filter((s): s is number => s !== null);
    return {
      match: {
        advisoryId: advisory.id,
        title: advisory.title,
        cves: cves.map((c) => c.id),
        cvss: scores.length > 0 ? Math.max(...scores) : null,
        kevCves: cves.map((c) => c.id).filter((id) => this.kev.has(id)),
        status: confidence === 'version-in-range' ? 'affected' : 'possibly-affected',
        confidence,
        why: '',
        product: productPath(best.p.product),
        versions: best.p.versions,
        remediations: [...new Set(affecting.flatMap((hit) => hit.p.remediations))],
      },
      answer: best.answer,
      someOut,
      byName: best.kind === 'name',
    };
  }

  /** The asset's products grouped by advisory, with their distinct ranges, kept per vendor and model text. */
  private planOf(vendor: string | null, modelText: string | null): ModelPlan {
    const key = `${vendor ?? ''}\u0000${modelText?.trim() ?? ''}`;
    const known = this.plans.get(key);
    if (known) return known;
    const plan: ModelPlan = { ranges: [], advisories: [], sorted: new Map() };
    const rangeAt = new Map<VersionRange, number>();
    const byAdvisory = new Map<number, AdvisoryPlan>();
    for (const { p, kind } of this.productsOf(vendor, modelText)) {
      let advisory = byAdvisory.get(p.advisory);
      if (!advisory)
        byAdvisory.set(p.advisory, (advisory = { advisory: p.advisory, hits: [], verdicts: new Map() }));
      let range = -1;
      if (p.range) {
        range = rangeAt.get(p.range) ?? plan.ranges.length;
        if (range === plan.ranges.length) {
          rangeAt.set(p.range, range);
          plan.ranges.push(p.range);
        }
      }
      advisory.hits.push({ p, kind, range, identity: p.identity, variants: p.variants });
    }
    plan.advisories = [...byAdvisory.values()];
    for (const advisory of plan.advisories) {
      let signature = `${advisory.advisory}`;
      for (const hit of advisory.hits) signature += ` ${hit.p.id}${hit.kind}`;
      const table = this.verdictTables.get(signature);
      if (table) advisory.verdicts = table;
      else this.verdictTables.set(signature, advisory.verdicts);
    }
    if (this.plans.size > 200_000) {
      this.plans.clear();
      this.verdictTables.clear();
    }
    this.plans.set(key, plan);
    return plan;
  }

  /** The products an asset's vendor and model name, whatever its firmware (kept per vendor and model). */
  private productsOf(
    vendor: string | null,
    modelText: string | null,
  ): ReadonlyArray<{ p: PreparedProduct; kind: Exclude<ProductMatch, null> }> {
    const model = modelText?.trim();
    if (!model) return [];
    const stated = vendor?.trim() ? this.vendorsOf(vendor) : [];
    const vendors = stated.length > 0 ? stated : [vendorInText(model)].filter((v): v is string => v !== null);
    const found: Array<{ p: PreparedProduct; kind: Exclude<ProductMatch, null> }> = [];
    if (vendors.length > 0) {
      const tokens = tokenizeProduct(model, wordsOf(vendors, vendor));
      const candidates = new Set<PreparedProduct>();
      for (const name of vendors) {
        const bucket = this.buckets.get(name);
        if (!bucket) continue;
        for (const token of tokens.models) bucket.byModel.get(token)?.forEach((p) => candidates.add(p));
        if (tokens.models.length > 0) for (const p of bucket.wildcards) candidates.add(p);
        for (const token of [...tokens.series, ...tokens.words, ...familyKeys(tokens), ...prefixKeys(tokens)])
          bucket.byWord.get(token)?.forEach((p) => candidates.add(p));
      }
      for (const p of candidates) {
        const kind = matchProduct(tokens, p.tokens);
        if (kind) found.push({ p, kind });
      }
    }
    return found;
  }

  private releaseOf(id: string): string {
    return this.releases.get(id) ?? '';
  }
}
