import { repairMojibake } from '../text/mojibake';

/**
 * Vendor names as advisories and sensor exports spell them, mapped to one canonical name. Data,
 * not code: add a line here when a new spelling turns up. The advisory matcher and the inventory
 * (shared/vendors/normalise.ts, at import, with the assessor's own aliases) share this table.
 * Keys are compared after `vendorKey` (lower case, punctuation and legal suffixes dropped).
 */
export const VENDOR_ALIASES: Record<string, readonly string[]> = {
  Siemens: ['siemens', 'siemens industry', 'siemens industrial automation', 'siemens energy'],
  'Rockwell Automation': ['rockwell', 'rockwell automation', 'allen bradley', 'rockwell software'],
  'Schneider Electric': [
    'schneider',
    'schneider electric',
    'schneider electric software',
    'schneider electric se',
    'telemecanique',
    'square d',
    'groupe schneider',
  ],
  AVEVA: ['aveva', 'aveva software', 'wonderware', 'aveva group'],
  'General Electric': [
    'general electric',
    'ge',
    'ge digital',
    'ge vernova',
    'ge grid solutions',
    'ge automation',
  ],
  'GE Healthcare': ['ge healthcare'],
  'Mitsubishi Electric': ['mitsubishi', 'mitsubishi electric', 'mitsubishi electric india', 'melco'],
  'Hitachi Energy': ['hitachi energy', 'hitachi abb power grids', 'abb power grids'],
  ABB: ['abb', 'abb automation', 'asea brown boveri'],
  Honeywell: ['honeywell', 'honeywell process solutions', 'honeywell international'],
  Emerson: ['emerson', 'emerson process management', 'emerson automation solutions', 'fisher rosemount'],
  Omron: ['omron', 'omron industrial automation'],
  Moxa: ['moxa'],
  'Phoenix Contact': ['phoenix contact', 'phoenixcontact', 'innominate security technologies', 'innominate'],
  'Johnson Controls': ['johnson controls', 'jci', 'johnson contols'],
  Yokogawa: ['yokogawa', 'yokogawa electric'],
  'Schweitzer Engineering Laboratories': ['schweitzer engineering laboratories', 'sel', 'schweitzer'],
  CODESYS: ['codesys', '3s smart software solutions', '3s'],
  'Delta Electronics': ['delta electronics', 'delta'],
  'Fuji Electric': ['fuji electric', 'fuji'],
  Advantech: ['advantech', 'b b smartworx'],
  Eaton: ['eaton', 'cooper industries'],
  WAGO: ['wago', 'wago kontakttechnik'],
  'B&R Industrial Automation': [
    'b&r industrial automation',
    'b&r',
    'br industrial automation',
    'bernecker rainer',
  ],
  Beckhoff: ['beckhoff', 'beckhoff automation'],
  Hirschmann: ['hirschmann', 'hirschmann automation and control', 'belden'],
  'Pepperl+Fuchs': ['pepperl fuchs', 'pepperl+fuchs'],
  'Red Lion': ['red lion', 'red lion controls'],
  AutomationDirect: ['automationdirect', 'automation direct'],
  OSIsoft: ['osisoft'],
  'Inductive Automation': ['inductive automation'],
  'Opto 22': ['opto 22', 'opto22'],
  Tridium: ['tridium', 'niagara'],
  'Triangle MicroWorks': ['triangle microworks'],
  'LS Electric': ['ls electric', 'ls industrial systems', 'lsis'],
  Weidmueller: ['weidmueller', 'weidmuller', 'weidmüller'],
  Pilz: ['pilz'],
  Westermo: ['westermo'],
  Unitronics: ['unitronics'],
  'Digi International': ['digi international', 'digi'],
  'Sierra Wireless': ['sierra wireless'],
  Hikvision: ['hikvision', 'hangzhou hikvision digital technology'],
  Dräger: ['drager', 'draeger', 'dräger'],
  FANUC: ['fanuc'],
  Bachmann: ['bachmann', 'bachmann electronic'],
  'Baker Hughes': ['baker hughes', 'bently nevada', 'baker hughes bently nevada'],
  ICONICS: ['iconics'],
  Sauter: ['sauter', 'sauter controls', 'fr sauter'],
  'Wibu-Systems': ['wibu systems', 'wibu'],
  'Wind River': ['wind river'],
  'Saia Burgess Controls': ['saia burgess controls', 'saia burgess', 'sbc'],
  Cisco: ['cisco', 'cisco systems'],
};

const LEGAL_SUFFIX =
  /\s+(?:&|inc|incorporated|llc|ltd|limited|gmbh|ag|co|corp|corporation|company|sa|se|kg|plc|pte|bv|nv|srl|spa|oy|s a|sp z o o)$/;

/** The comparable form of one vendor name: lower case, no accents or punctuation, no legal suffix. */
export function vendorKey(name: string): string {
  let key = repairMojibake(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
  for (let i = 0; i < 4; i++) {
    const next = key.replace(LEGAL_SUFFIX, '').trim();
    if (next === key) break;
    key = next;
  }
  return key;
}

const CANONICAL = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(VENDOR_ALIASES)) {
  CANONICAL.set(vendorKey(canonical), canonical);
  for (const alias of aliases) CANONICAL.set(vendorKey(alias), canonical);
}
const ALIAS_KEYS = [...CANONICAL.keys()].sort((a, b) => b.length - a.length);

const BUSINESS_TAIL =
  /\s+(?:automation|technologies|technology|electronics|systems|industries|controls|solutions|software|engineering)$/;

/** The canonical name of one vendor spelling; an unknown vendor is its own key (its line of business dropped). */
export function canonicalVendor(name: string): string | null {
  const key = vendorKey(name);
  if (key === '' || key === 'n a' || key === 'multiple') return null;
  const known = CANONICAL.get(key);
  if (known) return known;
  const paren = /\(([^)]+)\)/.exec(name);
  const short = paren ? CANONICAL.get(vendorKey(paren[1]!)) : undefined;
  if (short) return short;
  // An unknown vendor named with and without its line of business is one: "FATEK Automation", "FATEK".
  const trimmed = key.replace(BUSINESS_TAIL, '');
  return trimmed.length >= 4 ? trimmed : key;
}

/**
 * Every vendor an advisory's vendor branch names: "Red Lion, AutomationDirect", "ABB, Phoenix
 * Contact, Schneider Electric, Siemens, and WAGO", "Sensormatic Electronics, LLC, Johnson Controls".
 */
export function canonicalVendors(text: string): string[] {
  const whole = canonicalVendor(text);
  const pieces = text
    .split(/\s*(?:,|;|\/|\band\b|\ba subsidiary of\b|\ban affiliate of\b)\s*/i)
    .map((piece) => piece.trim())
    .filter((piece) => vendorKey(piece) !== '' && !/^(?:inc|llc|ltd|gmbh|ag|co)\.?$/i.test(piece));
  const found = new Set<string>();
  if (whole && CANONICAL.has(vendorKey(text))) found.add(whole);
  for (const piece of pieces) {
    const vendor = canonicalVendor(piece);
    if (vendor) found.add(vendor);
  }
  if (found.size === 0 && whole) found.add(whole);
  return [...found];
}

/** A vendor named at the start of a model text ("Schneider M340", "Siemens SIMATIC S7-1516"). */
export function vendorInText(text: string): string | null {
  const key = ` ${vendorKey(text)} `;
  for (const alias of ALIAS_KEYS) {
    if (alias.length < 3) continue;
    if (key.startsWith(` ${alias} `)) return CANONICAL.get(alias)!;
  }
  return null;
}
