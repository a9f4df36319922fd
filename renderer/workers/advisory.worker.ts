import '../first-import';
import {
  decodeIndex,
  encodeIndex,
  keyMatchBuffers,
  matchKeys,
  MatcherCache,
  readKev,
  readPack,
  unpackArchive,
  type AssetKeys,
  type KeyMatches,
  type MatcherSources,
  type PackFile,
  type PackProblem,
} from '../../shared/advisories';
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

/** The worker lives as long as the page: the index is read and the matcher prepared once. */
const matchers = new MatcherCache();

/** Matches the assessment's assets against advisory indexes, and reads imported packs, off the UI thread. */
const handlers = {
  /**
   * Matches a share of the assets' distinct keys. The page may split the keys across several
   * workers and puts their answers together in key order (`assembleMatches`).
   */
  async match(
    request: {
      /** The bundled index and any imported, the KEV catalog, the assessor's aliases (Dexie `aliases`). */
      sources: MatcherSources;
      keys: AssetKeys;
    },
    job: Job<MatchProgress>,
  ): Promise<KeyMatches | null> {
    const total = request.keys.vendor.length;
    job.progress({ done: 0, total, step: 'reading the advisories' });
    const matcher = await matchers.matcherFor(request.sources);
    const result = matchKeys(matcher, request.keys, {
      onProgress: (done) => job.progress({ done, total, step: 'matching' }),
      cancelled: () => job.signal.aborted,
    });
    return result && withTransfer(result, keyMatchBuffers(result));
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
