/**
 * shared/ compiles against ES2023 alone (no DOM, no Node): these are the few web-platform APIs it
 * uses, which browsers, Workers and Node 20 all provide as globals, declared to the extent shared/
 * uses them. Anything else (document, window, Buffer, process, fs) is a type error here.
 */

/** WebCrypto names its input BufferSource, a Web IDL type that lib.es2023 lacks. */
type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;

interface TextDecodeOptions {
  stream?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
  readonly hash: string;
  readonly pathname: string;
  readonly search: string;
  readonly origin: string;
  readonly href: string;
}

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
}

declare function setTimeout(handler: () => void, timeout?: number): unknown;

interface CryptoKey {
  readonly type: string;
  readonly algorithm: { name: string };
}
interface SubtleCrypto {
  digest(algorithm: string, data: BufferSource): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    keyData: BufferSource,
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKey>;
  verify(algorithm: string, key: CryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean>;
}
declare const crypto: {
  readonly subtle: SubtleCrypto;
  randomUUID(): string;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
};

interface ReadableStreamDefaultReader<T> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: T }>;
  releaseLock(): void;
  cancel(reason?: unknown): Promise<void>;
}
interface ReadableStreamDefaultController<T> {
  enqueue(chunk: T): void;
  close(): void;
  error(reason?: unknown): void;
}
declare class ReadableStream<T> {
  constructor(source: { pull?(controller: ReadableStreamDefaultController<T>): void | Promise<void> });
  getReader(): ReadableStreamDefaultReader<T>;
  pipeThrough<U>(transform: TransformStream<T, U>): ReadableStream<U>;
}
declare class TransformStream<I, O> {
  readonly readable: ReadableStream<O>;
  readonly writable: unknown;
  private readonly input?: I;
}
declare class DecompressionStream {
  constructor(format: 'deflate' | 'deflate-raw' | 'gzip');
}

interface Blob {
  readonly size: number;
  readonly type: string;
  stream(): ReadableStream<Uint8Array>;
  slice(start?: number, end?: number): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
}
