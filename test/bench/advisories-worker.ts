import { parentPort } from 'node:worker_threads';
import {
  keyMatchBuffers,
  matchKeys,
  MatcherCache,
  type AssetKeys,
  type MatcherSources,
} from '../../shared/advisories';

/** The benchmark's worker thread: what renderer/workers/advisory.worker.ts does, in Node, run after run. */
const matchers = new MatcherCache();
parentPort!.on('message', ({ sources, keys }: { sources: MatcherSources; keys: AssetKeys }) => {
  void matchers.matcherFor(sources).then((matcher) => {
    const result = matchKeys(matcher, keys)!;
    parentPort!.postMessage(result, keyMatchBuffers(result));
  });
});
parentPort!.postMessage('ready');
