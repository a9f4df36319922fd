import { FAMILY_WORDS } from './family-words';

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
  /** The series a family name covers: "S7-1500" is 15xx, "X-200" is X2xx. */
  lines: Array<{ letters: string; prefix: string; digits: number }>;
  /** "NX1-series", "GT25 model": a model prefix that names a line of products (each "NX1P2-…"). */
  prefixes: string[];
  /** Words written as alternatives ("Metasys ADS/ADX/OAS Servers"): an asset needs one of each group. */
  anyOf: string[][];
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

/** "Servers" and "server", "cameras" and "camera" are one word to compare. */
function singular(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** "NX1-series", "GT25 model": a lettered model token named as a line. */
const PREFIX_LINE = /\b([a-z]{1,4}\d{1,3})[- ](?:series|model)\b/g;
/** "ADS/ADX/OAS", "NJ/NX": short lettered names joined by slashes ("WebAccess/SCADA" is one name). */
const WORD_ALTERNATIVES = /(?<![a-z0-9/])[a-z]{2,4}(?:\/[a-z]{2,4})+(?![a-z0-9/])/g;

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
    } else if (
      !asVariants &&
      token.length > 1 &&
      !STOP_WORDS.has(token) &&
      !vendorWords.has(token) &&
      token !== '*'
    ) {
      // Words in parentheses ("(IPM Infrastructure)", "(TDI Firmware)") restate the name: not required.
      const word = singular(token);
      if (!into.words.includes(word)) into.words.push(word);
    }
  }
  // "1756-EWEB" and "1756-L83E": a catalogue number whose letters tell the products of one series apart.
  for (const compound of text.toLowerCase().matchAll(/\b(\d{3,})-([a-z][a-z0-9]*)\b/g)) {
    if (/[a-z]/.test(compound[2]!) && !VERSION_TEXT.test(compound[0])) addModel(compound[1]! + compound[2]!);
    VERSION_TEXT.lastIndex = 0;
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
  const tokens: ProductTokens = {
    models: [],
    variants: [],
    series: [],
    words: [],
    family: false,
    lines: [],
    prefixes: [],
    anyOf: [],
  };
  const parenthesised = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!);
  const main = text.replace(/\([^)]*\)/g, ' ');
  for (const line of main.toLowerCase().matchAll(PREFIX_LINE))
    if (!isSeries(line[1]!) && !tokens.prefixes.includes(line[1]!)) tokens.prefixes.push(line[1]!);
  for (const alternatives of main.toLowerCase().matchAll(WORD_ALTERNATIVES)) {
    const group = alternatives[0]
      .split('/')
      .filter((word) => !STOP_WORDS.has(word) && !vendorWords.has(word))
      .map(singular);
    if (group.length > 1) tokens.anyOf.push(group);
  }
  tokens.family = /\bfamily\b/i.test(main);
  if (tokens.family) {
    for (const line of main
      .toLowerCase()
      .matchAll(/(?:^|[^a-z0-9])([a-z]{0,3})-?([1-9]\d*?)(0{2,})(?![0-9a-z])/g)) {
      tokens.lines.push({ letters: line[1]!, prefix: line[2]!, digits: line[2]!.length + line[3]!.length });
    }
  }
  collect(main, vendorWords, tokens, false);
  collect([...parenthesised, ...modelNumbers].join(' '), vendorWords, tokens, true);
  // "Series A" and "Series B" rows are variants of one product (their firmware lines differ).
  for (const series of main.toLowerCase().matchAll(/\bseries\s+([a-z](?:\s*(?:,|and|\/)\s*[a-z])*)\b/g)) {
    tokens.variants.push(`series ${series[1]!.replace(/\s+/g, '')}`);
  }
  tokens.variants = tokens.variants.filter((token) => !tokens.models.includes(token));
  return tokens;
}

function tokenMatches(pattern: string, token: string): boolean {
  if (pattern === token) return true;
  // A part-number prefix may follow a range letter code: "P34*" is in "BMXP342020".
  if (pattern.endsWith('*')) return token.includes(pattern.slice(0, -1));
  if (token.endsWith('*')) return pattern.includes(token.slice(0, -1));
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
  return product.lines.some(({ letters, prefix, digits }) =>
    asset.models.some((token) => {
      const model = /^([a-z]*)(\d+)[a-z]*$/.exec(token);
      return (
        model !== null && model[1] === letters && model[2]!.length === digits && model[2]!.startsWith(prefix)
      );
    }),
  );
}

/** Keys under which a family product is found for an asset model token ("1516" is in line "15" of 4 digits). */
export function familyKeys(tokens: ProductTokens): string[] {
  const keys: string[] = [];
  for (const token of tokens.models) {
    const model = /^([a-z]*)(\d+)[a-z]*$/.exec(token);
    if (!model) continue;
    for (let k = 1; k < model[2]!.length; k++)
      keys.push(`line:${model[1]}${model[2]!.slice(0, k)}/${model[2]!.length}`);
  }
  return keys;
}

export function lineKeys(tokens: ProductTokens): string[] {
  return tokens.lines.map(({ letters, prefix, digits }) => `line:${letters}${prefix}/${digits}`);
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
/** The product's words that are more than a family word: an asset must have each of them. */
export function distinctWords(tokens: ProductTokens): string[] {
  return tokens.words.filter(
    (word) => !FAMILY.has(word) && !tokens.anyOf.some((group) => group.includes(word)),
  );
}

/** An asset model token of the line a prefix names: "nx1p2" of "NX1-series", "gt2510" of "GT25 model". */
function ofPrefixLine(asset: ProductTokens, product: ProductTokens): boolean {
  return (
    product.prefixes.length > 0 &&
    product.models.every((token) => product.prefixes.includes(token)) &&
    asset.models.some((token) =>
      product.prefixes.some((prefix) => token.length > prefix.length && token.startsWith(prefix)),
    )
  );
}

/** Keys under which a product naming a line by prefix is found for an asset's model tokens. */
export function prefixKeys(tokens: ProductTokens): string[] {
  const keys: string[] = [];
  for (const token of tokens.models)
    for (let k = 2; k < token.length; k++) keys.push(`prefix:${token.slice(0, k)}`);
  return keys;
}

export function matchProduct(asset: ProductTokens, product: ProductTokens): ProductMatch {
  if (product.family && product.models.length === 0 && inFamily(asset, product)) return 'model';
  // Named by its line only: possibly this product, by name (the advisory lists no model).
  if (ofPrefixLine(asset, product)) return 'name';
  const distinct = distinctWords(product);
  const missingWords =
    distinct.some((word) => !asset.words.includes(word)) ||
    product.anyOf.some((group) => !group.some((word) => asset.words.includes(word)));
  // A list of product lines ("CompactLogix, ControlLogix and GuardLogix - ControlLogix 5580") needs one of them.
  const noSharedWord = distinct.length > 0 && !distinct.some((word) => asset.words.includes(word));
  const all = [...product.models, ...product.variants.filter((token) => /\d/.test(token))];
  if (all.length > 0) {
    if (!asset.models.some((token) => has(all, token))) return null;
    const assetOnly = asset.models.some((token) => !has(all, token));
    const missingModels = product.models.some((token) => !has(asset.models, token));
    const missingVariants = product.variants.some((token) => /\d/.test(token) && !has(asset.models, token));
    if (assetOnly && (missingModels || missingVariants || noSharedWord)) return null;
    if (missingModels) {
      const variantGiven =
        product.variants.length > 0 && product.variants.every((token) => has(asset.models, token));
      if (!variantGiven) return null;
    }
    return 'model';
  }
  if (product.series.length > 0) {
    // "MicroLogix 1100 and 1400" names two models: one of its numbers, and every lettered token ("s7").
    const numbers = product.series.filter((token) => /^\d+$/.test(token) && token.length > 2);
    const lettered = product.series.filter((token) => /[a-z]/.test(token));
    const seriesOk =
      (numbers.length === 0 || numbers.some((token) => asset.series.includes(token))) &&
      lettered.every((token) => asset.series.includes(token));
    return seriesOk && !missingWords && distinct.length > 0 ? 'model' : null;
  }
  if (distinct.length === 0) return null;
  // By words alone, an asset word the product lacks names another product ("SICAM MMU" is not
  // "SICAM T", the "WinCC OA Operator iOS App" is not WinCC OA).
  const otherWord = asset.words.some(
    (word) =>
      word.length >= 3 &&
      !FAMILY.has(word) &&
      !product.words.includes(word) &&
      !product.anyOf.some((group) => group.includes(word)),
  );
  return !missingWords && !otherWord && distinct.some((word) => word.length >= 4) ? 'name' : null;
}
