import { parentPort } from 'node:worker_threads';
import {
  compactBuffers,
  decodeIndex,
  matchAssetsCompact,
  type MatchableAsset,
} from '../../shared/advisories';

/** The benchmark's worker thread: what renderer/workers/advisory.worker.ts does, in Node. */
parentPort!.on('message', ({ index, assets }: { index: Uint8Array; assets: MatchableAsset[] }) => {
  const result = matchAssetsCompact(decodeIndex(index), new Set(), assets)!;
  parentPort!.postMessage(result, compactBuffers(result));
});
parentPort!.postMessage('ready');
