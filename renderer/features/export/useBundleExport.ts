import { useState } from 'react';
import type { SigningIdentity } from '../../../shared/bridge';
import type { Assessment } from '../../../shared/model';
import { formatDateTime, plural } from '../../ui/format';
import { notify } from '../../ui/notices';
import { buildSignedBundle, saveBundle, type BundleExportProgress } from './bundle-export';

/** The bundle build: its passphrase, progress and error, whether it can start, and starting it. */
export function useBundleExport(assessment: Assessment, identity: SigningIdentity | null | undefined) {
  const [progress, setProgress] = useState<BundleExportProgress | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const needsPassphrase = identity?.protection === 'passphrase';
  const canBuild = Boolean(identity) && progress === null && !(needsPassphrase && !passphrase);

  const build = () => {
    if (!identity || !canBuild) return;
    setError(null);
    setProgress({ fraction: 0, step: 'loading' });
    buildSignedBundle(assessment.id, identity, needsPassphrase ? passphrase : undefined, setProgress)
      .then(async (bundle) => {
        const saved = await saveBundle(bundle);
        if (saved.saved)
          notify('success', `Saved ${bundle.fileName}`, [
            `${plural(bundle.files, 'file')}, signed ${formatDateTime(bundle.signedAt)}`,
          ]);
      })
      .catch((e: Error) => setError(`The bundle was not built: ${e.message}`))
      .finally(() => setProgress(null));
  };
  return { progress, passphrase, setPassphrase, error, needsPassphrase, canBuild, build };
}

export type BundleExport = ReturnType<typeof useBundleExport>;
