import type { SigningIdentity } from '../../../shared/bridge';
import { parseOpenSshPublicKey } from '../../../shared/bundle/ssh-key';
import { platform } from '../../platform';
import { connect } from '../../workers/channel';
import type {
  BuiltBundle,
  BundleHandlers,
  BundlePageHandlers,
  BundleProgress,
} from '../../workers/bundle.worker';
import { svgToPng } from '../../ui/svg-to-png';
import { loadReportFonts } from './report-assets';

export type BuiltBundleFile = BuiltBundle;
export type BundleExportProgress = BundleProgress;

/**
 * Builds the signed bundle in a Web Worker (reading the assessment, report, hashing and zipping
 * off the UI thread). The worker asks back for the signature, which the host makes with the key
 * it keeps, and for the diagram's PNG, which only the page can draw.
 */
export async function buildSignedBundle(
  assessmentId: string,
  identity: SigningIdentity,
  passphrase: string | undefined,
  onProgress: (progress: BundleExportProgress) => void,
): Promise<BuiltBundleFile> {
  onProgress({ fraction: 0, step: 'loading' });
  const fonts = await loadReportFonts();
  const answers: BundlePageHandlers = {
    sign: (data) => platform().sign(passphrase ? { data, passphrase } : { data }),
    // The report's page is white: so is the diagram's background.
    diagramPng: (svg) => svgToPng(svg, { background: '#ffffff' }),
  };
  const worker = connect<BundleHandlers, BundlePageHandlers>(
    new Worker(new URL('../../workers/bundle.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the bundle worker', answers },
  );
  try {
    return await worker.call(
      'build',
      {
        assessmentId,
        signer: {
          name: identity.name,
          organization: identity.organization,
          email: identity.email,
          publicKey: parseOpenSshPublicKey(identity.publicKey),
        },
        fonts,
      },
      { onProgress },
    );
  } finally {
    worker.close();
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
