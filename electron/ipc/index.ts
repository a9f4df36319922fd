import type { IpcMainLike } from './guard';
import { registerFileHandlers, type DialogLike, type FileSystemLike } from './files';
import { registerKeyHandlers, type SigningKeyStore, type WriteBackupFile } from './keys';
import { registerExternalHandlers } from './external';
import { registerHashHandlers, type HashApis } from './hash';
import type { OpenExternal } from '../security';

export interface IpcDependencies {
  ipcMain: IpcMainLike;
  dialog: DialogLike;
  fs: FileSystemLike;
  downloadsDir: string;
  keys: SigningKeyStore;
  /** Writes a signing-key backup (already encrypted) as a new private file. */
  writeKeyBackup: WriteBackupFile;
  openExternal: OpenExternal;
  hash: HashApis;
}

/** Registers one handler per DesktopApi method; each checks its sender and its payload. */
export function registerIpcHandlers(deps: IpcDependencies): void {
  registerFileHandlers(deps.ipcMain, deps.dialog, deps.fs, deps.downloadsDir);
  registerKeyHandlers(deps.ipcMain, deps.keys, {
    dialog: deps.dialog,
    writeBackup: deps.writeKeyBackup,
    downloadsDir: deps.downloadsDir,
  });
  registerExternalHandlers(deps.ipcMain, deps.openExternal);
  registerHashHandlers(deps.ipcMain, deps.hash);
}
