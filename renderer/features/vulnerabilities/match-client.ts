import { gunzipSync } from 'fflate';
import indexUrl from '../../../assets/advisories/index.json.gz?url';
import kevUrl from '../../../assets/advisories/cisa-kev-2025-08-25.json.gz?url';
import { readKev, type AdvisoryMatch, type MatchableAsset } from '../../../shared/advisories';
import type { AdvisoryWorkerMessage, AdvisoryWorkerRequest } from '../../workers/advisory-protocol';

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

/** Matches assets in a Worker with progress; `cancel` ends the Worker. */
export function matchInWorker(
  assets: Array<MatchableAsset & { id: string }>,
  source: { index: Uint8Array; kev: string[] },
  onProgress: (done: number, total: number) => void,
): { result: Promise<Map<string, AdvisoryMatch[]> | null>; cancel: () => void } {
  const worker = new Worker(new URL('../../workers/advisory.worker.ts', import.meta.url), { type: 'module' });
  let settle: (value: Map<string, AdvisoryMatch[]> | null) => void = () => {};
  const result = new Promise<Map<string, AdvisoryMatch[]> | null>((resolve, reject) => {
    settle = resolve;
    worker.onmessage = (event: MessageEvent<AdvisoryWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.done, message.total);
      else if (message.type === 'matched') resolve(new Map(message.matches));
      else if (message.type === 'failed') reject(new Error(message.message));
      if (message.type !== 'progress') worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'the matching worker failed'));
      worker.terminate();
    };
  });
  const request: AdvisoryWorkerRequest = { type: 'match', index: source.index, kev: source.kev, assets };
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}
