import '../first-import';
import { verifyDroppedBundle, type VerifyOptions } from '../../shared/bundle';
import { serveSelf } from './channel';

/** Verifies a dropped bundle off the UI thread: unzipping and hashing a large bundle takes a while. */
const handlers = {
  /** `trusted`: the fingerprints of the signers the user trusts; another key is refused before hashing. */
  verify: ({ bytes, trusted }: { bytes: Uint8Array; trusted: readonly string[] }) =>
    verifyDroppedBundle(bytes, { trusted } satisfies VerifyOptions),
};
export type VerifyHandlers = typeof handlers;

serveSelf(handlers);
