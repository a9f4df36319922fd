import { z } from 'zod';
import { describeZodError } from '../../shared/model/assessment-file';
import { APP_ORIGIN } from '../app-protocol';

/** The parts of an IpcMainInvokeEvent the guard looks at. */
export interface InvokeEvent {
  senderFrame: { url: string; parent?: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/** Only the app's own top-level frame may call the host. */
export function assertTrustedSender(event: InvokeEvent): void {
  const frame = event.senderFrame;
  if (!frame) throw new IpcRefusedError('refused: the calling frame is gone');
  if (frame.parent) throw new IpcRefusedError('refused: called from a sub-frame');
  let origin: string;
  try {
    const url = new URL(frame.url);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    throw new IpcRefusedError('refused: the calling frame has no valid URL');
  }
  if (origin !== APP_ORIGIN) throw new IpcRefusedError(`refused: called from a foreign frame (${origin})`);
}

/** Registers a handler that checks its sender, then validates its one payload with zod. */
export function handleValidated<S extends z.ZodType, R>(
  ipcMain: IpcMainLike,
  channel: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<R> | R,
): void {
  ipcMain.handle(channel, async (event, ...args) => {
    assertTrustedSender(event);
    if (args.length > 1) throw new IpcRefusedError(`refused: ${channel} takes one argument`);
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      throw new IpcRefusedError(
        `refused: invalid payload for ${channel}: ${describeZodError(parsed.error, 3).join('; ')}`,
      );
    }
    return handler(parsed.data);
  });
}

/** For methods that take no argument. */
export const noPayloadSchema = z.undefined();
