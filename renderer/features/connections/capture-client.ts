import ouiUrl from '../../../assets/oui/oui.txt.gz?url';
import { connect, type WorkerClient } from '../../workers/channel';
import type { CaptureHandlers, CaptureImported, CaptureProgress } from '../../workers/capture.worker';

export type { CaptureImported, CaptureProgress };

function captureWorker(): WorkerClient<CaptureHandlers> {
  return connect<CaptureHandlers>(
    new Worker(new URL('../../workers/capture.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the capture reader' },
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
