import '../../renderer/first-import';
import { createAssessmentRecord } from '../../renderer/db/assessments';
import { connect } from '../../renderer/workers/channel';
import type { CaptureHandlers, CapturePageHandlers } from '../../renderer/workers/capture.worker';
import type { HashAloneHandlers } from './hash-alone.worker';

/**
 * The capture bench's page, bundled by capture-browser.ts: it runs the app's capture Worker as
 * renderer/features/connections/capture-client.ts does in the browser host (no native hash), into
 * a real assessment in IndexedDB, then hash-wasm alone over the same file in another Worker.
 */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));

async function runCapture(): Promise<Record<string, number | string | string[]>> {
  const file = (document.getElementById('file') as HTMLInputElement).files![0]!;
  const assessment = await createAssessmentRecord({ client: 'Bench', site: 'Capture' });
  const answers: CapturePageHandlers = {
    hashesNatively: () => Promise.resolve(false),
    sha256Natively: () => Promise.resolve(null),
  };
  const capture = connect<CaptureHandlers, CapturePageHandlers>(
    new Worker('/capture.worker-bench.js', { type: 'module' }),
    { peer: 'the capture reader', answers },
  );
  const start = performance.now();
  const imported = await capture
    .call('importCapture', { file, assessmentId: assessment.id, ouiUrl: null })
    .finally(() => capture.close());
  const totalMs = performance.now() - start;
  const hasher = connect<HashAloneHandlers>(new Worker('/hash-alone.worker-bench.js', { type: 'module' }));
  const alone = await hasher.call('hashAlone', { file }).finally(() => hasher.close());
  return {
    packets: imported.packets,
    assets: imported.batch.counts.assets,
    flows: imported.batch.counts.flows,
    readMs: imported.readMs,
    hashMs: imported.hashMs,
    totalMs,
    aloneMs: alone.ms,
    aloneReadMs: alone.readMs,
    computeMs: alone.computeMs,
    streamChunk: alone.streamChunk,
    sha256: imported.batch.fileSha256,
    aloneSha256: alone.sha256,
    violations,
  };
}

(window as unknown as { runCapture: typeof runCapture }).runCapture = runCapture;
