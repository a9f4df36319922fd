import ouiUrl from '../../../assets/oui/oui.txt.gz?url';
import type { CaptureSummary } from '../../../shared/traffic/analyzer';
import type { CaptureRequest, CaptureResponse } from '../../workers/capture-messages';

export interface CaptureProgress {
  phase: 'reading' | 'hashing';
  bytes: number;
  totalBytes: number;
  packets: number;
}

export type CaptureOutcome =
  | { kind: 'done'; summary: CaptureSummary; sha256: string }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** Reads a capture in a Worker; `cancel` stops it between chunks. The Worker ends with the run. */
export function readCaptureInWorker(
  file: File,
  onProgress: (progress: CaptureProgress) => void,
): { result: Promise<CaptureOutcome>; cancel: () => void } {
  const worker = new Worker(new URL('../../workers/capture.worker.ts', import.meta.url), { type: 'module' });
  const send = (request: CaptureRequest) => worker.postMessage(request);
  const result = new Promise<CaptureOutcome>((resolve) => {
    worker.onmessage = (event: MessageEvent<CaptureResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message);
        return;
      }
      worker.terminate();
      if (message.type === 'done')
        resolve({ kind: 'done', summary: message.summary, sha256: message.sha256 });
      else if (message.type === 'cancelled') resolve({ kind: 'cancelled' });
      else resolve({ kind: 'error', message: message.message });
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ kind: 'error', message: `${file.name}: ${event.message || 'the capture reader stopped'}` });
    };
  });
  // The OUI table comes from the app's own origin (it ships inside the app).
  send({ type: 'start', file, ouiUrl: new URL(ouiUrl, document.baseURI).href });
  return { result, cancel: () => send({ type: 'cancel' }) };
}
