/// <reference lib="webworker" />
import '../first-import';
import { buildBundle, sshFingerprint } from '../../shared/bundle';
import { renderReportPdf } from '../../shared/report';
import type { BundleWorkerMessage, BundleWorkerRequest } from './bundle-protocol';

/** The report takes this share of the progress bar, the bundle the rest. */
const REPORT_SHARE = 0.5;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: BundleWorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

let nextSignId = 1;
const pendingSignatures = new Map<number, { resolve: (s: Uint8Array) => void; reject: (e: Error) => void }>();

/** Asks the page to sign SHA256SUMS: only the host holds the private key, and it builds the signed data. */
function signOnPage(_signedData: Uint8Array, sums: Uint8Array): Promise<Uint8Array> {
  const id = nextSignId++;
  return new Promise((resolve, reject) => {
    pendingSignatures.set(id, { resolve, reject });
    post({ type: 'sign', id, data: sums });
  });
}

async function build(request: Extract<BundleWorkerRequest, { type: 'build' }>): Promise<void> {
  const { data, signer } = request;
  const signedAt = new Date().toISOString();
  const fingerprint = await sshFingerprint(signer.publicKey);
  const reportPdf = renderReportPdf(data, {
    fonts: request.fonts,
    signer: { ...signer, fingerprint },
    generatedAt: signedAt,
    // The report draws the diagram as vectors with its embedded fonts: the PNG is rasterised by the
    // browser with whatever system fonts it finds (CJK may be missing there), so it only goes in the bundle.
    onProgress: (fraction, step) =>
      post({ type: 'progress', fraction: fraction * REPORT_SHARE, step: `report: ${step}` }),
  });
  const bundle = await buildBundle({
    data,
    signer: { ...signer, sign: signOnPage },
    signedAt,
    reportPdf,
    diagramSvg: request.diagramSvg,
    diagramPng: request.diagramPng?.bytes ?? null,
    onProgress: ({ phase, fraction }) =>
      post({ type: 'progress', fraction: REPORT_SHARE + fraction * (1 - REPORT_SHARE), step: phase }),
  });
  post(
    {
      type: 'done',
      fileName: bundle.fileName,
      bytes: bundle.bytes,
      fingerprint: bundle.fingerprint,
      signedAt: bundle.signedAt,
      files: bundle.files.length,
    },
    [bundle.bytes.buffer],
  );
}

scope.onmessage = (event: MessageEvent<BundleWorkerRequest>) => {
  const message = event.data;
  if (message.type === 'build') {
    build(message).catch((error: unknown) =>
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else {
    const pending = pendingSignatures.get(message.id);
    pendingSignatures.delete(message.id);
    if (message.type === 'signed') pending?.resolve(message.signature);
    else pending?.reject(new Error(message.message));
  }
};
