import { useState } from 'react';
import type { BundleVerification } from '../../../shared/bundle';
import { listKnownSigners } from '../../db/known-signers';
import { platform } from '../../platform';
import { useFileDrop } from '../../ui/useFileDrop';
import { verifyInWorker } from './verify-in-worker';

export interface Checked {
  fileName: string;
  result: BundleVerification;
  /** Checks the same bundle again (after its signer was trusted). */
  recheck: () => void;
}

/** Checking a bundle, dropped or chosen: the last result and whether a check is under way. */
export function useBundleVerifier(ownFingerprint: string | null) {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const check = (fileName: string, bytes: Uint8Array) => {
    setBusy(true);
    const recheck = () => check(fileName, bytes);
    // The signers the user trusts, and their own key: any other key is refused before hashing.
    const trusted = listKnownSigners().then((known) => [
      ...known.map((k) => k.fingerprint),
      ...(ownFingerprint ? [ownFingerprint] : []),
    ]);
    // A copy goes to the worker (transferred), so that the bundle can be checked again once trusted.
    trusted
      .then((fingerprints) => verifyInWorker(bytes.slice(), fingerprints))
      .then((result) => setChecked({ fileName, result, recheck }))
      .catch((e: Error) =>
        setChecked({
          fileName,
          recheck,
          result: {
            valid: false,
            signer: { name: '', email: '', organization: '', fingerprint: '' },
            signedAt: null,
            files: 0,
            problems: [e.message],
            fileStatus: [],
          },
        }),
      )
      .finally(() => setBusy(false));
  };
  const drop = useFileDrop((files) => {
    const file = files[0];
    if (file) void file.arrayBuffer().then((buffer) => check(file.name, new Uint8Array(buffer)));
  });
  const choose = () => {
    void platform()
      .openFiles({
        title: 'Choose a report bundle',
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      })
      .then((files) => files[0] && check(files[0].name, files[0].bytes));
  };
  return { checked, busy, drop, choose };
}

export type BundleVerifier = ReturnType<typeof useBundleVerifier>;
