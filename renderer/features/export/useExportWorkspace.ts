import { useEffect, useState } from 'react';
import type { SigningIdentity } from '../../../shared/bridge';
import type { Assessment } from '../../../shared/model';
import { exportAssessmentFile } from '../../db/file-transfer';
import { hostKind, platform } from '../../platform';
import { useCommandKeys } from '../../ui/commands';
import { notify } from '../../ui/notices';
import { EXPORT_COMMANDS, type ExportCommandState } from './commands';
import { exportPublicKey } from './public-key-file';
import { useKeyDialogs } from './SigningIdentityPanel';
import { useBundleExport } from './useBundleExport';
import { useBundleVerifier } from './useBundleVerifier';

/** The signing identity as the host has it: undefined while it is read, null when there is none. */
function useSigningIdentity() {
  const [identity, setIdentity] = useState<SigningIdentity | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    platform()
      .getSigningIdentity()
      .then(
        (found) => live && setIdentity(found),
        (e: Error) => {
          if (!live) return;
          setIdentity(null);
          notify('error', `Could not read the signing key: ${e.message}`);
        },
      );
    return () => {
      live = false;
    };
  }, []);
  return [identity, setIdentity] as const;
}

/** Saving the whole assessment as a file, once at a time. */
function useAssessmentFileExport(assessmentId: string) {
  const [saving, setSaving] = useState(false);
  const save = () => {
    if (saving) return;
    setSaving(true);
    void exportAssessmentFile(assessmentId)
      .then(
        (r) => r.saved && notify('success', `Exported ${r.fileName}`),
        (error: Error) => notify('error', `Could not export: ${error.message}`),
      )
      .finally(() => setSaving(false));
  };
  return { saving, save };
}

/**
 * The Export workspace's state and its command list's state, with the keyboard map over that list:
 * the panels render from what this returns, and their buttons run the same commands as the keys.
 */
export function useExportWorkspace(assessment: Assessment) {
  const [identity, setIdentity] = useSigningIdentity();
  const exporter = useBundleExport(assessment, identity);
  const verifier = useBundleVerifier(identity?.fingerprint ?? null);
  const keyDialogs = useKeyDialogs();
  const file = useAssessmentFileExport(assessment.id);
  const commandState: ExportCommandState = {
    desktop: hostKind() === 'desktop',
    hasIdentity: Boolean(identity),
    canBuildBundle: exporter.canBuild,
    verifying: verifier.busy,
    savingFile: file.saving,
    buildBundle: exporter.build,
    chooseBundleToVerify: verifier.choose,
    exportPublicKey: () => identity && exportPublicKey(identity),
    openKeyDialog: keyDialogs.setDialog,
    exportAssessmentFile: file.save,
  };
  useCommandKeys(EXPORT_COMMANDS, commandState);
  return { identity, setIdentity, exporter, verifier, keyDialogs, commandState };
}
