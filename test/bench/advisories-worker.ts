import { parentPort } from 'node:worker_threads';
import { decodeIndex, matchAssets, type MatchableAsset } from '../../shared/advisories';

/** The benchmark's worker thread: what renderer/workers/advisory.worker.ts does, in Node. */
parentPort!.on(
  'message',
  ({ index, assets }: { index: Uint8Array; assets: Array<MatchableAsset & { id: string }> }) => {
    const result = matchAssets(decodeIndex(index), new Set(), assets)!;
    parentPort!.postMessage({ matched: result.size });
  },
);
parentPort!.postMessage('ready');
