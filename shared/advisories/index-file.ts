import { gunzipSync, gzipSync } from 'fflate';
import type { Advisory, AdvisoryProduct, RemediationKind } from './types';

/**
 * The advisory index Conduit ships and stores: every advisory of a pack, flattened for matching,
 * as gzipped JSON with repeated strings (vendor names, remediation texts) kept once.
 */
export const INDEX_FORMAT = 'conduit-advisory-index';
export const INDEX_VERSION = 1;

export interface AdvisoryIndex {
  source: { file: string; sha256: string } | null;
  from: string | null;
  to: string | null;
  advisories: Advisory[];
}

type CompactProduct = [
  vendor: number,
  family: string,
  name: string | 0,
  versions: string | null,
  versionKind: 'range' | 'version' | null,
  platform: string | null,
  modelNumbers: string[],
  affected: number[],
  fixed: number[],
  notAffected: number[],
  remediations: number[],
];
type CompactAdvisory = [
  id: string,
  title: string,
  revision: string,
  initialRelease: string,
  currentRelease: string,
  revisions: Array<[string, string, string]>,
  cves: Array<[string, number | null, string | null, string | null]>,
  products: CompactProduct[],
];
interface CompactIndex {
  format: typeof INDEX_FORMAT;
  version: number;
  source: AdvisoryIndex['source'];
  from: string | null;
  to: string | null;
  strings: string[];
  advisories: CompactAdvisory[];
}

export class IndexError extends Error {
  override name = 'IndexError';
}

export function encodeIndex(index: AdvisoryIndex): Uint8Array {
  const strings = new Map<string, number>();
  const ref = (text: string) => {
    let at = strings.get(text);
    if (at === undefined) {
      at = strings.size;
      strings.set(text, at);
    }
    return at;
  };
  const advisories: CompactAdvisory[] = index.advisories.map((a) => [
    a.id,
    a.title,
    a.revision,
    a.initialRelease,
    a.currentRelease,
    a.revisions.map((r) => [r.number, r.date, r.summary]),
    a.cves.map((c) => [c.id, c.cvss, c.vector, c.title]),
    a.products.map((p): CompactProduct => [
      ref(p.vendor),
      p.family,
      p.name === p.family ? 0 : p.name,
      p.versions,
      p.versionKind,
      p.platform,
      p.modelNumbers,
      p.affected,
      p.fixed,
      p.notAffected,
      p.remediations.map((r) => ref(`${r.kind}:${r.text}`)),
    ]),
  ]);
  const compact: CompactIndex = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    source: index.source,
    from: index.from,
    to: index.to,
    strings: [...strings.keys()],
    advisories,
  };
  return gzipSync(new TextEncoder().encode(JSON.stringify(compact)), { level: 9, mtime: 0 });
}

export function decodeIndex(bytes: Uint8Array): AdvisoryIndex {
  let compact: CompactIndex;
  try {
    // A web server may have sent the .gz with Content-Encoding: the browser then hands over the JSON.
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    compact = JSON.parse(new TextDecoder().decode(gzipped ? gunzipSync(bytes) : bytes)) as CompactIndex;
  } catch (error) {
    throw new IndexError(`the advisory index cannot be read (${(error as Error).message})`);
  }
  if (compact.format !== INDEX_FORMAT || compact.version !== INDEX_VERSION) {
    throw new IndexError(`not a Conduit advisory index of version ${INDEX_VERSION}`);
  }
  const { strings } = compact;
  // One object per remediation text, shared by the products that give it (the matcher keys them once).
  const remediations = new Map<number, { kind: RemediationKind; text: string }>();
  const remediation = (at: number) => {
    let known = remediations.get(at);
    if (!known) {
      const text = strings[at]!;
      const colon = text.indexOf(':');
      known = { kind: text.slice(0, colon) as RemediationKind, text: text.slice(colon + 1) };
      remediations.set(at, known);
    }
    return known;
  };
  return {
    source: compact.source,
    from: compact.from,
    to: compact.to,
    advisories: compact.advisories.map(
      ([id, title, revision, initialRelease, currentRelease, revisions, cves, products]) => ({
        id,
        title,
        revision,
        initialRelease,
        currentRelease,
        revisions: revisions.map(([number, date, summary]) => ({ number, date, summary })),
        cves: cves.map(([cve, cvss, vector, cveTitle]) => ({ id: cve, title: cveTitle, cvss, vector })),
        products: products.map(
          ([
            vendor,
            family,
            name,
            versions,
            versionKind,
            platform,
            modelNumbers,
            affected,
            fixed,
            notAffected,
            rem,
          ]): AdvisoryProduct => ({
            vendor: strings[vendor]!,
            family,
            name: name === 0 ? family : name,
            versions,
            versionKind,
            platform,
            modelNumbers,
            affected,
            fixed,
            notAffected,
            remediations: rem.map(remediation),
          }),
        ),
      }),
    ),
  };
}
