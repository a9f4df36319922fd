import type { SigningIdentity } from '../../../shared/bridge';
import { parseOpenSshPublicKey } from '../../../shared/bundle/ssh-key';
import type { AssessmentData } from '../../../shared/model';
import { loadAssessmentData } from '../../db/assessments';
import { regenerateFindings } from '../../db/findings';
import { platform } from '../../platform';
import type { BundleWorkerMessage, BundleWorkerRequest } from '../../workers/bundle-protocol';
import { diagramSvgOf } from './diagram-source';
import { svgToPng } from '../../ui/svg-to-png';
import { loadReportFonts } from './report-assets';

export interface BuiltBundleFile {
  fileName: string;
  bytes: Uint8Array;
  fingerprint: string;
  signedAt: string;
  files: number;
}

export interface BundleExportProgress {
  fraction: number;
  step: string;
}

/**
 * Builds the signed bundle in a Web Worker (report, hashing and zipping off the UI thread). The
 * worker asks back for the signature, which the host makes with the key it keeps.
 */
export async function buildSignedBundle(
  assessmentId: string,
  identity: SigningIdentity,
  passphrase: string | undefined,
  onProgress: (progress: BundleExportProgress) => void,
): Promise<BuiltBundleFile> {
  onProgress({ fraction: 0, step: 'loading' });
  // The report prints the findings as they stand now, even if the Findings workspace was never opened.
  await regenerateFindings(assessmentId);
  const data: AssessmentData = await loadAssessmentData(assessmentId);
  const fonts = await loadReportFonts();
  const diagramSvg = diagramSvgOf(data);
  // The report's page is white: so is the diagram's background.
  const diagramPng = diagramSvg ? await svgToPng(diagramSvg, { background: '#ffffff' }) : null;
  const worker = new Worker(new URL('../../workers/bundle.worker.ts', import.meta.url), { type: 'module' });
  const send = (message: BundleWorkerRequest, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  try {
    return await new Promise<BuiltBundleFile>((resolve, reject) => {
      worker.onerror = (event) => reject(new Error(event.message || 'the bundle worker failed'));
      worker.onmessage = (event: MessageEvent<BundleWorkerMessage>) => {
        const message = event.data;
        switch (message.type) {
          case 'progress':
            onProgress({ fraction: message.fraction, step: message.step });
            break;
          case 'sign': {
            const request = passphrase ? { data: message.data, passphrase } : { data: message.data };
            platform()
              .sign(request)
              .then(
                (signature) => send({ type: 'signed', id: message.id, signature }),
                (error: Error) => send({ type: 'sign-failed', id: message.id, message: error.message }),
              );
            break;
          }
          case 'done':
            resolve(message);
            break;
          case 'failed':
            reject(new Error(message.message));
            break;
        }
      };
      send({
        type: 'build',
        data,
        signer: {
          name: identity.name,
          organization: identity.organization,
          email: identity.email,
          publicKey: parseOpenSshPublicKey(identity.publicKey),
        },
        fonts,
        diagramSvg,
        diagramPng,
      });
    });
  } finally {
    worker.terminate();
  }
}

/** Saves the bundle through the host (a save dialog in Electron, a download in the browser). */
export function saveBundle(bundle: BuiltBundleFile) {
  return platform().saveFile({
    title: 'Save the signed report bundle',
    suggestedName: bundle.fileName,
    filters: [{ name: 'Zip archive', extensions: ['zip'] }],
    data: bundle.bytes,
  });
}
