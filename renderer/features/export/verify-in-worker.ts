import type { BundleVerification } from '../../../shared/bundle';
import { connect } from '../../workers/channel';
import type { VerifyHandlers } from '../../workers/verify.worker';

/** Runs the strict verifier in a Web Worker; the bytes are transferred, not copied. */
export async function verifyInWorker(bytes: Uint8Array): Promise<BundleVerification> {
  const worker = connect<VerifyHandlers>(
    new Worker(new URL('../../workers/verify.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the verifier' },
  );
  try {
    return await worker.call('verify', bytes, { transfer: [bytes.buffer] });
  } finally {
    worker.close();
  }
}
