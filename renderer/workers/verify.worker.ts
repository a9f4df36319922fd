import '../first-import';
import { verifyDroppedBundle } from '../../shared/bundle';
import { serveSelf } from './channel';

/** Verifies a dropped bundle off the UI thread: unzipping and hashing a large bundle takes a while. */
const handlers = {
  verify: (bytes: Uint8Array) => verifyDroppedBundle(bytes),
};
export type VerifyHandlers = typeof handlers;

serveSelf(handlers);
