import { canonicalVendor, vendorInText, vendorKey } from '../vendors/vendor-aliases';
import type { Asset } from '../model/inventory';

/** The product line an asset belongs to, as a vulnerability finding groups and names it. */
export interface ProductLine {
  /** Stable, lower-case: vendor and line. */
  key: string;
  vendor: string;
  /** "SIMATIC S7-1500", "PowerLogic PM5500", "1756-L83E ControlLogix 5580" (assets of one key may word it differently). */
  line: string;
}

/** Order numbers in brackets and version text say nothing about the line. */
const NOISE = /\([^)]*\)|\b[vV]?\d+(?:\.\d+){1,}[a-z0-9]*\b/g;

/**
 * A model number whose last two digits pick the model inside a numbered series: "S7-1516" is in
 * the S7-1500 line, "S7-1214C" in S7-1200, "PM5560" in PM5500. Only letter prefixes of one to
 * three characters (with an optional digit) and four-digit numbers: "EDS-510E" or "1756-L83E" are
 * catalogue numbers of their own.
 */
const SERIES_MODEL = /\b([A-Za-z]{1,3}\d?)(-?)(\d{2})\d{2}[A-Za-z]?\b/;

/** The line's name, and what identifies it: the series alone ("S7-1500", with or without "SIMATIC"). */
function lineName(model: string): { name: string; identity: string } {
  const text = model.replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
  const series = SERIES_MODEL.exec(text);
  if (!series) return { name: text, identity: text };
  const before = text.slice(0, series.index).trim();
  const identity = `${series[1]}${series[2]}${series[3]}00`;
  return { name: [before, identity].filter(Boolean).join(' '), identity };
}

function vendorName(asset: Pick<Asset, 'vendor' | 'model'>): string {
  const stated = asset.vendor?.trim() ?? '';
  const canonical = stated ? canonicalVendor(stated) : vendorInText(asset.model ?? '');
  if (!canonical) return stated || 'Unknown vendor';
  // canonicalVendor answers with the lower-case key for a vendor the alias table does not know.
  return canonical === vendorKey(stated) ? stated : canonical;
}

export function productLineOf(asset: Pick<Asset, 'vendor' | 'model'>): ProductLine {
  const vendor = vendorName(asset);
  const { name, identity } = lineName(asset.model ?? '');
  let line = name || 'unnamed product';
  // "Siemens SIMATIC …" reads once: drop the vendor's name where the model repeats it.
  if (line.toLowerCase().startsWith(`${vendor.toLowerCase()} `)) line = line.slice(vendor.length + 1);
  const same = identity === name ? line : identity;
  return { key: `${vendorKey(vendor)}|${same.toLowerCase()}`, vendor, line };
}
