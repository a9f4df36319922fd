/**
 * The one protocol between the page and its Web Workers: typed requests, progress, cancel, results
 * and errors. A worker names its handlers in one object (`serve`); the page derives every request,
 * progress and reply type from that object's type (`connect<typeof handlers>`), so a renamed
 * handler or a changed argument fails to compile on both sides. A handler can ask the page back
 * (the bundle worker asks it to sign: only the host holds the private key).
 *
 * Hand-written: the libraries that wrap postMessage (comlink and the like) proxy objects and have
 * no progress or cancel of their own, and this protocol is a few dozen lines.
 */

/** How a request ended when it did not succeed. The message is for the user as it stands. */
export type WorkerErrorKind =
  /** The input was refused (a bad file, an undo that must wait): the message says why. */
  | 'refused'
  /** The caller cancelled it, or closed the worker. */
  | 'cancelled'
  /** Something went wrong that the user cannot fix by changing the input. */
  | 'failed';

/** The one error every worker request rejects with. */
export class WorkerError extends Error {
  override name = 'WorkerError';
  constructor(
    readonly kind: WorkerErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof WorkerError && error.kind === 'cancelled';
}

/** What a handler receives besides its arguments. */
export interface Job<Progress = never, Asks extends Handlers = NoHandlers> {
  /** Reports progress to the caller's onProgress. */
  progress(value: Progress): void;
  /** Aborted when the caller cancels the request. */
  readonly signal: AbortSignal;
  /** Calls one of the other side's handlers. */
  ask<K extends keyof Asks & string>(name: K, args: ArgsOf<Asks[K]>): Promise<ResultOf<Asks[K]>>;
}

// `any` here lets each handler declare its own argument and progress types; they are recovered
// exactly by ArgsOf / ProgressOf / ResultOf.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (args: any, job: Job<any, any>) => unknown;
export type Handlers = Record<string, Handler>;
export type NoHandlers = Record<never, Handler>;

export type ArgsOf<H> = H extends (args: infer A, ...rest: never[]) => unknown ? A : never;
export type ResultOf<H> = H extends (...args: never[]) => infer R ? Awaited<R> : never;
export type ProgressOf<H> = H extends (args: never, job: Job<infer P, never>) => unknown ? P : never;

/** Anything that carries messages both ways: a Worker, a worker's global scope, a MessagePort. */
export interface Port {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export interface CallOptions<Progress> {
  onProgress?: (value: Progress) => void;
  /** Aborting it cancels the request: the handler sees its job's signal abort. */
  signal?: AbortSignal;
  /** Buffers to move to the other side instead of copying them. */
  transfer?: Transferable[];
}

type Message =
  | { kind: 'call'; id: number; name: string; args: unknown }
  | { kind: 'cancel'; id: number }
  | { kind: 'progress'; id: number; value: unknown }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: { kind: WorkerErrorKind; message: string } };

const transfers = new WeakMap<object, Transferable[]>();

/** Marks a handler's result (or progress value) so that these buffers are moved, not copied. */
export function withTransfer<T extends object>(value: T, transfer: Transferable[]): T {
  transfers.set(value, transfer);
  return value;
}

function transferOf(value: unknown): Transferable[] {
  return (typeof value === 'object' && value !== null && transfers.get(value)) || [];
}

export interface EndpointOptions {
  /** Which thrown errors are refusals of the input (their message goes to the user as is). */
  refused?: (error: unknown) => boolean;
  /** Names the other side in messages about it stopping ("the import worker"). */
  peer?: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: WorkerError): void;
  onProgress?: (value: unknown) => void;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)) || 'unknown error';
}

/** One side of the channel: serves its handlers, calls the other side's. */
function endpoint(port: Port, handlers: Handlers, options: EndpointOptions) {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const running = new Map<number, AbortController>();
  const post = (message: Message, transfer: Transferable[] = []) => port.postMessage(message, transfer);

  function call(name: string, args: unknown, callOptions: CallOptions<unknown> = {}): Promise<unknown> {
    const id = nextId++;
    const { signal, onProgress } = callOptions;
    if (signal?.aborted) return Promise.reject(new WorkerError('cancelled', 'cancelled'));
    return new Promise((resolve, reject) => {
      const onAbort = () => post({ kind: 'cancel', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (value) => (done(), resolve(value)),
        reject: (error) => (done(), reject(error)),
        onProgress,
      });
      post({ kind: 'call', id, name, args }, callOptions.transfer);
    });
  }

  async function serve(id: number, name: string, args: unknown) {
    const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    const controller = new AbortController();
    running.set(id, controller);
    const job: Job<unknown, Handlers> = {
      progress: (value) => post({ kind: 'progress', id, value }, transferOf(value)),
      signal: controller.signal,
      ask: (askName, askArgs) => call(askName, askArgs) as Promise<never>,
    };
    try {
      if (!handler) throw new Error(`no handler named "${name}"`);
      const result = await handler(args, job);
      post({ kind: 'result', id, result }, transferOf(result));
    } catch (error) {
      const kind: WorkerErrorKind =
        error instanceof WorkerError
          ? error.kind
          : controller.signal.aborted
            ? 'cancelled'
            : options.refused?.(error)
              ? 'refused'
              : 'failed';
      post({ kind: 'error', id, error: { kind, message: messageOf(error) } });
    } finally {
      running.delete(id);
    }
  }

  port.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message.kind === 'call') void serve(message.id, message.name, message.args);
    else if (message.kind === 'cancel') running.get(message.id)?.abort();
    else if (message.kind === 'progress') pending.get(message.id)?.onProgress?.(message.value);
    else {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.kind === 'result') waiting?.resolve(message.result);
      else waiting?.reject(new WorkerError(message.error.kind, message.error.message));
    }
  };

  /** Rejects every request still waiting (the other side is gone). */
  function abandon(kind: WorkerErrorKind, message: string) {
    for (const waiting of pending.values()) waiting.reject(new WorkerError(kind, message));
    pending.clear();
  }

  return { call, abandon };
}

/** The page's handle on a worker whose handlers are H. */
export interface WorkerClient<H extends Handlers> {
  call<K extends keyof H & string>(
    name: K,
    args: ArgsOf<H[K]>,
    options?: CallOptions<ProgressOf<H[K]>>,
  ): Promise<ResultOf<H[K]>>;
  /** Terminates the worker; requests still waiting reject as cancelled with this message. */
  close(message?: string): void;
}

/**
 * Connects the page to a worker that serves H. `answers` are the page's own handlers, which the
 * worker's jobs may ask. A worker that dies rejects what is waiting with a 'failed' WorkerError.
 */
export function connect<H extends Handlers, Answers extends Handlers = NoHandlers>(
  worker: Worker,
  options: EndpointOptions & { answers?: Answers } = {},
): WorkerClient<H> {
  const peer = options.peer ?? 'the worker';
  const side = endpoint(worker, options.answers ?? {}, options);
  let closed = false;
  worker.onerror = (event) => {
    event.preventDefault();
    side.abandon('failed', `${peer} stopped: ${event.message || 'unknown error'}`);
  };
  return {
    call: (name, args, callOptions) => {
      if (closed) return Promise.reject(new WorkerError('cancelled', `${peer} was closed`));
      return side.call(name, args, callOptions as CallOptions<unknown>) as never;
    },
    close: (message = 'cancelled') => {
      if (closed) return;
      closed = true;
      worker.terminate();
      side.abandon('cancelled', message);
    },
  };
}

/**
 * Serves H on a worker's global scope (or any port). Asks is the type of the page's handlers the
 * jobs may call back.
 */
export function serve<H extends Handlers>(port: Port, handlers: H, options: EndpointOptions = {}): void {
  endpoint(port, handlers, options);
}

/** Serves H on this worker's own global scope. */
export function serveSelf<H extends Handlers>(handlers: H, options: EndpointOptions = {}): void {
  // The worker's scope is typed as a window here: the DOM and WebWorker libs cannot both be loaded.
  serve(self as unknown as Port, handlers, options);
}

/** A client for a port that is not a Worker (a MessagePort in tests): no termination. */
export function connectPort<H extends Handlers, Answers extends Handlers = NoHandlers>(
  port: Port,
  options: EndpointOptions & { answers?: Answers } = {},
): Pick<WorkerClient<H>, 'call'> {
  const side = endpoint(port, options.answers ?? {}, options);
  return {
    call: (name, args, callOptions) => side.call(name, args, callOptions as CallOptions<unknown>) as never,
  };
}
