import type { BundleVerification } from '../../../shared/bundle';
import type { VerifyWorkerReply } from '../../workers/verify.worker';

/** Runs the strict verifier in a Web Worker; the bytes are transferred, not copied. */
export function verifyInWorker(bytes: Uint8Array): Promise<BundleVerification> {
  const worker = new Worker(new URL('../../workers/verify.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<BundleVerification>((resolve, reject) => {
    worker.onerror = (event) => reject(new Error(event.message || 'the verifier failed'));
    worker.onmessage = (event: MessageEvent<VerifyWorkerReply>) =>
      event.data.ok ? resolve(event.data.result) : reject(new Error(event.data.message));
    worker.postMessage(bytes, [bytes.buffer]);
  }).finally(() => worker.terminate());
}
