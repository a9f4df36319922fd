/// <reference lib="webworker" />
import '../first-import';
import { verifyBundle, type BundleVerification } from '../../shared/bundle';

export type VerifyWorkerReply = { ok: true; result: BundleVerification } | { ok: false; message: string };

/** Verifies a dropped bundle off the UI thread: unzipping and hashing a large bundle takes a while. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<Uint8Array>) => {
  verifyBundle(event.data).then(
    (result) => scope.postMessage({ ok: true, result } satisfies VerifyWorkerReply),
    (error: unknown) =>
      scope.postMessage({
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies VerifyWorkerReply),
  );
};
