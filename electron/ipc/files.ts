import path from 'node:path';
import { ipcChannel, type PickedFile, type SaveResult } from '../../shared/bridge';
import { openFilesOptionsSchema, saveFileOptionsSchema } from '../../shared/bridge-validation';
import { handleValidated, type IpcMainLike } from './guard';

/** The parts of Electron's dialog module used here. */
export interface DialogLike {
  showOpenDialog(options: {
    title?: string;
    properties: Array<'openFile' | 'multiSelections'>;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface FileSystemLike {
  readFile(file: string): Promise<Uint8Array>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
}

/** Files bigger than this are opened by drag-and-drop in the renderer, which streams them. */
export const MAX_OPEN_BYTES = 512 * 1024 * 1024;

export function registerFileHandlers(
  ipcMain: IpcMainLike,
  dialog: DialogLike,
  fs: FileSystemLike,
  downloadsDir: string,
) {
  handleValidated(
    ipcMain,
    ipcChannel('openFiles'),
    openFilesOptionsSchema,
    async (options): Promise<PickedFile[]> => {
      const result = await dialog.showOpenDialog({
        title: options.title,
        properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: options.filters,
      });
      if (result.canceled) return [];
      const files: PickedFile[] = [];
      for (const filePath of result.filePaths) {
        const info = await fs.stat(filePath);
        if (!info.isFile()) throw new Error(`${path.basename(filePath)} is not a file`);
        if (info.size > MAX_OPEN_BYTES) {
          throw new Error(
            `${path.basename(filePath)} is larger than 512 MiB: drag it into the window instead`,
          );
        }
        files.push({ name: path.basename(filePath), bytes: await fs.readFile(filePath) });
      }
      return files;
    },
  );

  handleValidated(
    ipcMain,
    ipcChannel('saveFile'),
    saveFileOptionsSchema,
    async (options): Promise<SaveResult> => {
      const result = await dialog.showSaveDialog({
        title: options.title,
        defaultPath: path.join(downloadsDir, options.suggestedName),
        filters: options.filters,
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await fs.writeFile(result.filePath, options.data);
      return { saved: true, path: result.filePath };
    },
  );
}
