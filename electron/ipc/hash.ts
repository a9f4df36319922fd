import { randomUUID } from 'node:crypto';
import { ipcChannel } from '../../shared/bridge';
import { sha256IdSchema, sha256UpdateSchema } from '../../shared/bridge-validation';
import { handleValidated, IpcRefusedError, noPayloadSchema, type IpcMainLike } from './guard';

/** The part of a node:crypto Hash used here. */
export interface HashLike {
  update(data: Uint8Array): unknown;
  digest(encoding: 'hex'): string;
}

export interface HashApis {
  createSha256(): HashLike;
  newId?(): string;
}

/** Streams open at once: a capture import needs one; more means a page that forgot to finish. */
export const MAX_OPEN_HASHES = 4;

/**
 * SHA-256 in the host's native hash (OpenSSL, with the CPU's SHA instructions), streamed over IPC
 * in chunks: a 1 GB capture hashes faster than it is read, where the renderer's pure-JS hash took
 * six times as long. The host keeps only each stream's running state, never the bytes.
 */
export function registerHashHandlers(ipcMain: IpcMainLike, apis: HashApis): void {
  const open = new Map<string, HashLike>();
  const newId = apis.newId ?? randomUUID;
  const stream = (id: string): HashLike => {
    const hash = open.get(id);
    if (!hash) throw new IpcRefusedError('refused: no such hash stream (finished, or never opened)');
    return hash;
  };
  handleValidated(ipcMain, ipcChannel('openSha256'), noPayloadSchema, () => {
    if (open.size >= MAX_OPEN_HASHES)
      throw new IpcRefusedError(`refused: ${MAX_OPEN_HASHES} hash streams are already open`);
    const id = newId();
    open.set(id, apis.createSha256());
    return id;
  });
  handleValidated(ipcMain, ipcChannel('updateSha256'), sha256UpdateSchema, ({ id, chunk }) => {
    stream(id).update(chunk);
  });
  handleValidated(ipcMain, ipcChannel('digestSha256'), sha256IdSchema, (id) => {
    const digest = stream(id).digest('hex');
    open.delete(id);
    return digest;
  });
}
