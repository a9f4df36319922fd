import type { BundleVerification } from '../../../shared/bundle';
import { connect } from '../../workers/channel';
import type { VerifyHandlers } from '../../workers/verify.worker';

/**
 * Runs the strict verifier in a Web Worker; the bytes are transferred, not copied. `trusted`: the
 * fingerprints of the signers the user trusts (any other key is refused before hashing).
 */
export async function verifyInWorker(
  bytes: Uint8Array,
  trusted: readonly string[],
): Promise<BundleVerification> {
  const worker = connect<VerifyHandlers>(
    new Worker(new URL('../../workers/verify.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the verifier' },
  );
  try {
    return await worker.call('verify', { bytes, trusted }, { transfer: [bytes.buffer] });
  } finally {
    worker.close();
  }
}
