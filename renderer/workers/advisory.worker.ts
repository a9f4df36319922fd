import '../first-import';
import {
  compactBuffers,
  decodeIndex,
  encodeIndex,
  matchAssetsCompact,
  mergeIndexes,
  readKev,
  readPack,
  unpackArchive,
  type CompactMatches,
  type MatchableAsset,
  type PackFile,
  type PackProblem,
} from '../../shared/advisories';
import type { AliasEdit } from '../../shared/vendors';
import { serveSelf, withTransfer, type Job } from './channel';

export interface MatchProgress {
  done: number;
  total: number;
  step: string;
}

/** What an imported pack says of itself, with its encoded index (stored as is). */
export interface ImportedPack {
  from: string | null;
  to: string | null;
  advisories: number;
  files: number;
  verified: number;
  superseded: number;
  problems: PackProblem[];
  index: Uint8Array;
}

/** Matches the assessment's assets against advisory indexes, and reads imported packs, off the UI thread. */
const handlers = {
  match(
    request: {
      /** Encoded indexes: the bundled one and any imported; of one advisory the latest revision counts. */
      indexes: Uint8Array[];
      kev: string[];
      assets: Array<MatchableAsset & { id: string }>;
      /** The assessor's aliases (the Dexie `aliases` table), applied to advisory and asset vendors. */
      aliases: AliasEdit[];
    },
    job: Job<MatchProgress>,
  ): CompactMatches | null {
    job.progress({ done: 0, total: request.assets.length, step: 'reading the advisories' });
    const index = mergeIndexes(request.indexes.map((bytes) => decodeIndex(bytes)));
    const result = matchAssetsCompact(index, new Set(request.kev), request.assets, {
      onProgress: (done, total) => job.progress({ done, total, step: 'matching' }),
      cancelled: () => job.signal.aborted,
      vendorAliases: request.aliases,
    });
    return result && withTransfer(result, compactBuffers(result));
  },

  /** A folder's files, or one .zip / .tar.gz archive: checked, read and indexed. */
  importPack(
    request: { name: string; files?: PackFile[]; archive?: Uint8Array },
    job: Job<MatchProgress>,
  ): ImportedPack {
    job.progress({ done: 0, total: 1, step: 'unpacking' });
    const files = request.archive ? unpackArchive(request.name, request.archive) : (request.files ?? []);
    const pack = readPack(files, {
      onProgress: (done, total) => {
        if (job.signal.aborted) throw new Error('cancelled');
        if (done % 25 === 0 || done === total) job.progress({ done, total, step: 'reading advisories' });
      },
    });
    if (pack.advisories.length === 0) {
      const why = pack.problems[0] ? ` (${pack.problems[0].file}: ${pack.problems[0].message})` : '';
      throw new Error(`${request.name}: no CSAF advisory could be read${why}`);
    }
    const index = encodeIndex({ source: null, from: pack.from, to: pack.to, advisories: pack.advisories });
    return withTransfer(
      {
        from: pack.from,
        to: pack.to,
        advisories: pack.advisories.length,
        files: pack.files,
        verified: pack.verified,
        superseded: pack.superseded.length,
        problems: pack.problems,
        index,
      },
      [index.buffer as ArrayBuffer],
    );
  },

  /** What an encoded index holds (the bundled pack's line in the pack list). */
  describeIndex(request: { index: Uint8Array }): {
    from: string | null;
    to: string | null;
    advisories: number;
  } {
    const index = decodeIndex(request.index);
    return { from: index.from, to: index.to, advisories: index.advisories.length };
  },

  /** A KEV catalog JSON: its CVE ids, version and release date. */
  importKev(request: { name: string; text: string }): {
    version: string;
    released: string | null;
    cves: string[];
  } {
    const kev = readKev(request.text, request.name);
    return { version: kev.version, released: kev.released, cves: [...kev.entries.keys()] };
  },
};
export type AdvisoryHandlers = typeof handlers;

serveSelf(handlers);
