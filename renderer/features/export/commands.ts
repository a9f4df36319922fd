import type { Command } from '../../ui/commands';

/** A dialog of the signing identity, opened by a command. */
export type KeyDialog = 'confirm-replace' | 'backup' | 'backup-then-confirm' | 'restore';

/** What the Export commands read and act on. */
export interface ExportCommandState {
  /** The desktop host backs up and restores the key; the browser cannot. */
  desktop: boolean;
  hasIdentity: boolean;
  /** A key, its passphrase if it has one, and no build under way. */
  canBuildBundle: boolean;
  verifying: boolean;
  savingFile: boolean;
  buildBundle(): void;
  chooseBundleToVerify(): void;
  exportPublicKey(): void;
  openKeyDialog(dialog: KeyDialog): void;
  exportAssessmentFile(): void;
}

/** Every command of the Export workspace: its buttons and its keyboard map read this list. */
export const EXPORT_COMMANDS: readonly Command<ExportCommandState>[] = [
  {
    id: 'build-bundle',
    label: 'Build signed bundle…',
    shortcuts: ['Mod+E'],
    enabled: (s) => s.canBuildBundle,
    perform: (s) => s.buildBundle(),
  },
  {
    id: 'verify-bundle',
    label: 'Choose bundle…',
    shortcuts: ['Mod+O'],
    enabled: (s) => !s.verifying,
    perform: (s) => s.chooseBundleToVerify(),
  },
  {
    id: 'export-assessment-file',
    label: 'Export assessment file',
    shortcuts: ['Mod+Shift+E'],
    enabled: (s) => !s.savingFile,
    perform: (s) => s.exportAssessmentFile(),
  },
  {
    id: 'export-public-key',
    label: 'Export public key (.pub)',
    enabled: (s) => s.hasIdentity,
    perform: (s) => s.exportPublicKey(),
  },
  {
    id: 'back-up-key',
    label: 'Back up the signing key…',
    enabled: (s) => s.desktop && s.hasIdentity,
    perform: (s) => s.openKeyDialog('backup'),
  },
  {
    id: 'restore-key',
    label: 'Restore from backup…',
    enabled: (s) => s.desktop,
    perform: (s) => s.openKeyDialog('restore'),
  },
  {
    id: 'replace-key',
    label: 'Replace key…',
    enabled: (s) => s.hasIdentity,
    perform: (s) => s.openKeyDialog('confirm-replace'),
  },
];
