import ouiUrl from '../../../assets/oui/oui.txt.gz?url';
import { platform } from '../../platform';
import { connect, type WorkerClient } from '../../workers/channel';
import type {
  CaptureHandlers,
  CaptureImported,
  CapturePageHandlers,
  CaptureProgress,
} from '../../workers/capture.worker';

export type { CaptureImported, CaptureProgress };

/** Bytes sent per IPC call: few calls, each well under the host's 16 MiB limit. */
const NATIVE_HASH_CHUNK = 8 * 1024 * 1024;

/**
 * The host's native SHA-256 of a file (Electron: node:crypto, streamed over IPC in 8 MiB pieces),
 * or null when the host has none (the browser).
 */
export async function sha256Natively(file: Blob): Promise<string | null> {
  const host = platform();
  const id = await host.openSha256();
  if (id === null) return null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const send = async () => {
    const chunk = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) chunk.set(part, (at += part.length) - part.length);
    pending = [];
    pendingBytes = 0;
    await host.updateSha256({ id, chunk });
  };
  try {
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending.push(value);
      pendingBytes += value.length;
      if (pendingBytes >= NATIVE_HASH_CHUNK) await send();
    }
    if (pendingBytes > 0) await send();
  } catch (error) {
    await host.digestSha256(id).catch(() => undefined); // closes the host's stream
    throw error;
  }
  return host.digestSha256(id);
}

/** Whether the host has a native hash: it opens a stream (null in the browser) and closes it again. */
async function hashesNatively(): Promise<boolean> {
  const host = platform();
  const id = await host.openSha256();
  if (id === null) return false;
  await host.digestSha256(id);
  return true;
}

const answers: CapturePageHandlers = { hashesNatively, sha256Natively };

function captureWorker(): WorkerClient<CaptureHandlers> {
  return connect<CaptureHandlers, CapturePageHandlers>(
    new Worker(new URL('../../workers/capture.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the capture reader', answers },
  );
}

/**
 * Reads a capture in a Worker and writes it into the assessment there, in one transaction;
 * `cancel` stops it between chunks (nothing is written). The Worker ends with the run. Rejects
 * with a WorkerError: 'refused' (the file cannot be read; the message names it), 'cancelled' or
 * 'failed'.
 */
export function importCaptureInWorker(
  assessmentId: string,
  file: File,
  onProgress: (progress: CaptureProgress) => void,
  options: { addEndpoints: boolean } = { addEndpoints: true },
): { result: Promise<CaptureImported>; cancel: () => void } {
  const worker = captureWorker();
  const controller = new AbortController();
  // The OUI table comes from the app's own origin (it ships inside the app).
  const result = worker
    .call(
      'importCapture',
      {
        file,
        assessmentId,
        ouiUrl: new URL(ouiUrl, document.baseURI).href,
        addEndpoints: options.addEndpoints,
      },
      { onProgress, signal: controller.signal },
    )
    .finally(() => worker.close());
  return { result, cancel: () => controller.abort() };
}

/** Undoes a capture import through the same repository as inventory files. */
export async function undoCaptureInWorker(batchId: string): Promise<void> {
  const worker = captureWorker();
  try {
    await worker.call('undo', { batchId });
  } finally {
    worker.close();
  }
}
