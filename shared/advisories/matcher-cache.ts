import type { AliasEdit } from '../vendors/normalise';
import { decodeIndex } from './index-file';
import { AdvisoryMatcher } from './match';
import { mergeIndexes } from './merge-packs';

/** What a matcher is built from: encoded indexes (of one advisory the latest revision counts), KEV, aliases. */
export interface MatcherSources {
  indexes: Uint8Array[];
  kev: string[];
  aliases: AliasEdit[];
}

async function fingerprint(sources: MatcherSources): Promise<string> {
  const digests = await Promise.all(
    sources.indexes.map(async (bytes) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
      return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    }),
  );
  return JSON.stringify([digests, sources.kev, sources.aliases]);
}

/**
 * The matcher of a worker that serves many runs: reading the index and preparing the matcher cost
 * more than matching a plant, so both are done once while the same indexes, KEV catalog and
 * aliases come back (told apart by the indexes' SHA-256 and the rest as is), and the matcher's
 * per-model memo carries over from one run to the next.
 */
export class MatcherCache {
  private cached: { key: string; matcher: AdvisoryMatcher } | null = null;

  async matcherFor(sources: MatcherSources): Promise<AdvisoryMatcher> {
    const key = await fingerprint(sources);
    if (this.cached?.key !== key) {
      const index = mergeIndexes(sources.indexes.map((bytes) => decodeIndex(bytes)));
      this.cached = {
        key,
        matcher: new AdvisoryMatcher(index.advisories, new Set(sources.kev), sources.aliases),
      };
    }
    return this.cached.matcher;
  }
}
