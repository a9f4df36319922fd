import { useEffect, useState } from 'react';
import type { Asset } from '../../../shared/model';
import { storeMatches } from '../../db/vulnerabilities';
import { notify } from '../../ui/notices';
import { matchingSources, matchInWorker, warmMatching } from './match-client';

/** Runs the matcher in its worker over the assessment's assets and stores the result. */
export function useMatching(assessmentId: string, assets: readonly Asset[] | undefined) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    void matchingSources()
      .then(warmMatching)
      .catch(() => undefined);
  }, []);
  const run = async () => {
    const list = (assets ?? []).map((a) => ({
      id: a.id,
      vendor: a.vendor,
      model: a.model,
      firmware: a.firmware,
    }));
    setProgress({ done: 0, total: list.length });
    try {
      const source = await matchingSources();
      const matches = await matchInWorker(list, source, (done, total) => setProgress({ done, total })).result;
      if (matches) {
        const result = await storeMatches(assessmentId, matches);
        notify('success', `${result.records.length - result.stale} matches on ${matches.size} assets`, [
          `${result.added} new, ${result.refreshed} seen again, ${result.stale} decisions no longer match (kept, marked stale)`,
        ]);
      }
    } catch (error) {
      notify('error', 'Matching failed', [(error as Error).message]);
    } finally {
      setProgress(null);
    }
  };
  return { progress, run };
}
