import { FAMILY_WORDS } from './vendor-aliases';

/**
 * Product names compared by their model tokens. A "model" token carries a digit and says which
 * product it is ("1516", "m340", "6es7516", "bmxp34*"); a "series" token names a family only
 * ("s7", "1500", "3"): it can agree but never makes a match alone. Words without digits count
 * only where an advisory names a product by words alone ("Modicon Quantum").
 */
export interface ProductTokens {
  /** Model tokens of the name itself. */
  models: string[];
  /** Model tokens that tell variants of one product apart: order and part numbers. */
  variants: string[];
  series: string[];
  words: string[];
  /** The name says "family" ("SIMATIC S7-1500 CPU family"): it covers every model of its series. */
  family: boolean;
}

const STOP_WORDS = new Set(
  (
    'all and or with for the of in on to by cpu cpus module modules firmware version versions series family product ' +
    'products models model part number numbers type incl including variants pn dp processor unit units edition ' +
    'prior before later earlier than up from through'
  ).split(' '),
);
const FAMILY = new Set(FAMILY_WORDS);

/** A token with digits that is too generic to identify a product: "s7", "3", "1500", "v2", "sv3". */
function isSeries(token: string): boolean {
  if (token.length <= 2) return true;
  if (/^\d+$/.test(token) && /00$/.test(token)) return true;
  return /^s?v\d+$/.test(token);
}

/** Version numbers in a name ("Modicon M340: prior to v3.01") say nothing about the product. */
const VERSION_TEXT = /\b[a-z]{0,2}\d+(?:\.\d+)+[a-z0-9]*\b/g;

function collect(
  text: string,
  vendorWords: ReadonlySet<string>,
  into: ProductTokens,
  asVariants: boolean,
): void {
  const raw = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(VERSION_TEXT, ' ')
    .split(/[^a-z0-9*]+/)
    .filter((token) => token !== '');
  const models = asVariants ? into.variants : into.models;
  const addModel = (token: string) => {
    if (!models.includes(token)) models.push(token);
  };
  for (const token of raw) {
    if (/\d/.test(token)) {
      // "P34x" and "BMXP34*" are part-number prefixes.
      const normal = token.replace(/(?<=\d)x+$/, '*');
      if (isSeries(normal)) {
        if (!into.series.includes(normal)) into.series.push(normal);
      } else addModel(normal);
    } else if (token.length > 1 && !STOP_WORDS.has(token) && !vendorWords.has(token) && token !== '*') {
      if (!into.words.includes(token)) into.words.push(token);
    }
  }
  // "BMX P34x" is written "BMXP34x" elsewhere: an adjacent letters + model pair also counts joined.
  for (let i = 0; i + 1 < raw.length; i++) {
    const [a, b] = [raw[i]!, raw[i + 1]!];
    if (/^[a-z]{2,4}$/.test(a) && /\d/.test(b) && !STOP_WORDS.has(a)) {
      const joined = (a + b).replace(/(?<=\d)x+$/, '*');
      if (!isSeries(joined)) addModel(joined);
    }
  }
}

/**
 * The tokens of an asset's model text, or of an advisory product (its name, with parenthesised
 * text and `modelNumbers` read as variant identifiers).
 */
export function tokenizeProduct(
  text: string,
  vendorWords: ReadonlySet<string> = new Set(),
  modelNumbers: readonly string[] = [],
): ProductTokens {
  const tokens: ProductTokens = { models: [], variants: [], series: [], words: [], family: false };
  const parenthesised = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!);
  const main = text.replace(/\([^)]*\)/g, ' ');
  tokens.family = /\bfamily\b/i.test(main);
  collect(main, vendorWords, tokens, false);
  collect([...parenthesised, ...modelNumbers].join(' '), vendorWords, tokens, true);
  tokens.variants = tokens.variants.filter((token) => !tokens.models.includes(token));
  return tokens;
}

function tokenMatches(pattern: string, token: string): boolean {
  if (pattern === token) return true;
  if (pattern.endsWith('*')) return token.startsWith(pattern.slice(0, -1));
  if (token.endsWith('*')) return pattern.startsWith(token.slice(0, -1));
  return false;
}

function has(tokens: readonly string[], token: string): boolean {
  return tokens.some((candidate) => tokenMatches(candidate, token));
}

/**
 * "S7-1516" belongs to the "S7-1500 CPU family": a model number of the series' length and
 * leading digits, with the series' other tokens ("s7") written too.
 */
function inFamily(asset: ProductTokens, product: ProductTokens): boolean {
  const line = product.series.find((token) => /^\d{3,}$/.test(token) && token.endsWith('00'));
  if (!line) return false;
  const prefix = line.replace(/0+$/, '');
  const member = asset.models.some(
    (token) => /^\d+$/.test(token) && token.length === line.length && token.startsWith(prefix),
  );
  const others = product.series.filter((token) => token !== line && /[a-z]/.test(token));
  return member && others.every((token) => asset.series.includes(token));
}

export type ProductMatch = 'model' | 'name' | null;

/**
 * Whether an asset's model text names an advisory's product:
 * - "model": they share a model token; the product's own model tokens are all in the asset's
 *   text (or the asset gives the variant's order number); and not both sides carry something the
 *   other lacks (that would be two products of one family: an EWEB module and an L83E controller).
 *   Or the product's only identifiers are series tokens and words, and the asset has every one of
 *   them ("MicroLogix 1400").
 * - "name": the product has no digits at all and the asset has each of its words, one of them
 *   more than a family word ("Modicon Quantum", never "SIMATIC" alone).
 * A family token such as "s7" or "1500" never makes a match alone.
 */
export function matchProduct(asset: ProductTokens, product: ProductTokens): ProductMatch {
  if (product.family && product.models.length === 0 && inFamily(asset, product)) return 'model';
  const distinctWords = product.words.filter((word) => !FAMILY.has(word));
  const missingWords = distinctWords.some((word) => !asset.words.includes(word));
  const all = [...product.models, ...product.variants];
  if (all.length > 0) {
    if (!asset.models.some((token) => has(all, token))) return null;
    const assetOnly = asset.models.some((token) => !has(all, token));
    const missingModels = product.models.some((token) => !has(asset.models, token));
    if (assetOnly && (missingModels || missingWords)) return null;
    if (missingModels) {
      const variantGiven =
        product.variants.length > 0 && product.variants.every((token) => has(asset.models, token));
      if (!variantGiven) return null;
    }
    return 'model';
  }
  if (product.series.length > 0) {
    const allSeries = product.series.every((token) => asset.series.includes(token));
    return allSeries && !missingWords && distinctWords.length > 0 && asset.models.length === 0
      ? 'model'
      : null;
  }
  if (distinctWords.length === 0) return null;
  return !missingWords && distinctWords.some((word) => word.length >= 4) ? 'name' : null;
}
