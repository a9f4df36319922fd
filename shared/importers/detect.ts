import { excerptList } from '../text/excerpt';
import { decodePrefix } from './decode';
import { detectDelimiter } from './delimited';
import { looksLikeJson } from './json-input';
import { fallbackSource, SENSOR_SOURCES, type InventoryFormat } from './formats';
import Papa from 'papaparse';

export interface DetectedFormat {
  format: InventoryFormat;
  /** 0..1: how sure the guess is; below 0.5 the UI should ask. */
  confidence: number;
  /** What the guess rests on, for the preview. */
  reason: string;
  container: 'json' | 'csv' | 'zip' | 'xml';
}

/** JSON keys in a prefix of the text: "name": ... */
function jsonKeys(text: string): Set<string> {
  const keys = new Set<string>();
  const pattern = /"((?:[^"\\\n]|\\.){1,100})"\s*:/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) keys.add(m[1]!);
  return keys;
}

function score(keys: Set<string>): { format: InventoryFormat; hits: string[] }[] {
  return SENSOR_SOURCES.flatMap(({ format, detection }) =>
    'signature' in detection ? [{ format, hits: detection.signature.filter((k) => keys.has(k)) }] : [],
  ).sort((x, y) => y.hits.length - x.hits.length);
}

function fromScores(keys: Set<string>, container: 'json' | 'csv'): DetectedFormat {
  const fallback = fallbackSource(container).format;
  const ranked = score(keys);
  const best = ranked[0]!;
  const second = ranked[1]!;
  const needed = 2;
  if (best.hits.length >= needed && best.hits.length > second.hits.length) {
    const margin = best.hits.length - second.hits.length;
    return {
      format: best.format,
      confidence: Math.min(0.99, 0.5 + 0.1 * best.hits.length + 0.05 * margin),
      reason: `${container === 'json' ? 'keys' : 'columns'} ${excerptList(best.hits.slice(0, 5), 120)}`,
      container,
    };
  }
  return {
    format: fallback,
    confidence: best.hits.length > 0 ? 0.4 : 0.6,
    reason:
      best.hits.length > 0
        ? `no source matched clearly (closest: ${best.format})`
        : `plain ${container.toUpperCase()}`,
    container,
  };
}

/** The header row of a CSV/TSV prefix. */
export function csvHeaders(text: string): string[] {
  const firstLines = text.split(/\r\n|\n|\r/, 2)[0] ?? '';
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(firstLines, { delimiter });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}

/**
 * Guesses the source from the content (never the file name): a source's own test first (a
 * GRASSMARLIN session is a ZIP), then the JSON keys or CSV columns that only one source uses.
 */
export function detectFormat(input: Uint8Array | string): DetectedFormat {
  const bytes = typeof input === 'string' ? null : input;
  const text = typeof input === 'string' ? input.slice(0, 65_536) : decodePrefix(input);
  const json = looksLikeJson(text);
  const sample = { bytes, text, json, headers: json ? null : csvHeaders(text) };
  for (const { format, detection } of SENSOR_SOURCES) {
    const sniffed = 'sniff' in detection ? detection.sniff(sample) : null;
    if (sniffed) return { format, ...sniffed };
  }
  return json ? fromScores(jsonKeys(text), 'json') : fromScores(new Set(sample.headers), 'csv');
}
