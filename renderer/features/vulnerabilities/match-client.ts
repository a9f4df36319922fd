import { gunzipSync } from 'fflate';
import indexUrl from '../../../assets/advisories/index.json.gz?url';
import kevUrl from '../../../assets/advisories/cisa-kev-2025-08-25.json.gz?url';
import { readKev, type AdvisoryMatch, type MatchableAsset } from '../../../shared/advisories';
import { connect, isCancelled } from '../../workers/channel';
import type { AdvisoryHandlers } from '../../workers/advisory.worker';

async function bytesOf(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

/** The bundled advisory index (CISA ICS advisories 2017–2023) and the KEV catalog's CVE ids. */
export async function bundledAdvisories(): Promise<{ index: Uint8Array; kev: string[] }> {
  const [index, kevBytes] = await Promise.all([bytesOf(indexUrl), bytesOf(kevUrl)]);
  // A server may send the .gz with Content-Encoding, so the browser has already inflated it.
  const kevJson = kevBytes[0] === 0x1f && kevBytes[1] === 0x8b ? gunzipSync(kevBytes) : kevBytes;
  const kev = readKev(new TextDecoder().decode(kevJson), 'cisa-kev-2025-08-25.json');
  return { index, kev: [...kev.entries.keys()] };
}

/** Matches assets in a Worker with progress; `cancel` ends the Worker and resolves to null. */
export function matchInWorker(
  assets: Array<MatchableAsset & { id: string }>,
  source: { index: Uint8Array; kev: string[] },
  onProgress: (done: number, total: number) => void,
): { result: Promise<Map<string, AdvisoryMatch[]> | null>; cancel: () => void } {
  const worker = connect<AdvisoryHandlers>(
    new Worker(new URL('../../workers/advisory.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the advisory matcher' },
  );
  const result = worker
    .call(
      'match',
      { index: source.index, kev: source.kev, assets },
      {
        onProgress: ({ done, total }) => onProgress(done, total),
      },
    )
    .then(
      (matches) => new Map(matches),
      (error: unknown) => {
        if (isCancelled(error)) return null;
        throw error;
      },
    )
    .finally(() => worker.close());
  return { result, cancel: () => worker.close() };
}
