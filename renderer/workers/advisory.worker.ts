import '../first-import';
import { decodeIndex, matchAssets, type AdvisoryMatch, type MatchableAsset } from '../../shared/advisories';
import { serveSelf, type Job } from './channel';

export interface MatchProgress {
  done: number;
  total: number;
  step: string;
}

/** Matches the assessment's assets against an advisory index, off the UI thread. */
const handlers = {
  match(
    request: {
      /** The encoded index (assets/advisories/index.json.gz or an imported pack). */
      index: Uint8Array;
      kev: string[];
      assets: Array<MatchableAsset & { id: string }>;
    },
    job: Job<MatchProgress>,
  ): Array<[assetId: string, matches: AdvisoryMatch[]]> {
    job.progress({ done: 0, total: request.assets.length, step: 'reading the advisories' });
    const index = decodeIndex(request.index);
    const result = matchAssets(index, new Set(request.kev), request.assets, {
      onProgress: (done, total) => job.progress({ done, total, step: 'matching' }),
    });
    return [...(result ?? [])];
  },
};
export type AdvisoryHandlers = typeof handlers;

serveSelf(handlers);
