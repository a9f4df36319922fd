import { ipcChannel } from '../../shared/bridge';
import { openExternalSchema } from '../../shared/bridge-validation';
import { openExternalSafely, type OpenExternal } from '../security';
import { handleValidated, type IpcMainLike } from './guard';

export function registerExternalHandlers(ipcMain: IpcMainLike, openExternal: OpenExternal) {
  handleValidated(ipcMain, ipcChannel('openExternal'), openExternalSchema, (url) =>
    openExternalSafely(url, openExternal),
  );
}
