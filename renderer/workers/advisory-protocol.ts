import type { AdvisoryMatch, MatchableAsset } from '../../shared/advisories';

/** What the page sends the advisory worker: match assets, or read a pack the assessor chose. */
export type AdvisoryWorkerRequest =
  | {
      type: 'match';
      /** The encoded index (assets/advisories/index.json.gz or an imported pack). */
      index: Uint8Array;
      kev: string[];
      assets: Array<MatchableAsset & { id: string }>;
    }
  | { type: 'read-pack'; name: string; files: Array<{ path: string; bytes: Uint8Array }> };
// To cancel, the page terminates the worker: matching runs without yielding.

export type AdvisoryWorkerMessage =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'matched'; matches: Array<[assetId: string, matches: AdvisoryMatch[]]> }
  | {
      type: 'pack';
      index: Uint8Array;
      from: string | null;
      to: string | null;
      advisories: number;
      files: number;
      verified: number;
      superseded: number;
      problems: Array<{ file: string; message: string }>;
      sha256: string;
    }
  | { type: 'failed'; message: string };
