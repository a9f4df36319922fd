import '../first-import';
import { createSHA256 } from 'hash-wasm';
import type { ImportBatch } from '../../shared/model';
import { CaptureAnalyzer } from '../../shared/traffic/analyzer';
import { CaptureError } from '../../shared/traffic/errors';
import { OuiTable } from '../../shared/traffic/oui';
import { importCapture as writeCapture } from '../db/captures';
import { batchHandlers, importRefused } from './batch-handlers';
import { serveSelf, type Handler, type Job } from './channel';

/**
 * Reads a capture File chunk by chunk (never whole), aggregates flows, layer-2 frames and assets,
 * hashes the file for the import record, then merges and writes it in one transaction, the same
 * way as an inventory file. Reports progress about every 100 ms; stops when cancelled.
 */
async function loadOui(url: string | null): Promise<OuiTable | null> {
  if (url === null) return null;
  const response = await fetch(url);
  if (!response.ok) return null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server may have already undone the gzip (Content-Encoding): then it is the text itself.
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return gzipped ? OuiTable.fromGzip(bytes) : OuiTable.fromText(new TextDecoder().decode(bytes));
}

async function* chunksOf(
  file: File,
  signal: AbortSignal,
  onChunk: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value.byteLength);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** What the capture worker may ask the page: the host's native SHA-256 of the file, or null when it has none. */
export interface CapturePageHandlers {
  [name: string]: Handler;
  /** Whether the host hashes natively (Electron); asked first, so that the read pass knows whether to hash. */
  hashesNatively(): Promise<boolean>;
  sha256Natively(file: File): Promise<string | null>;
}

/**
 * The file's SHA-256 for the import record, computed while the read pass runs. With the host's
 * native hash (Electron: node:crypto, streamed over IPC by the page) the page reads the file a
 * second time alongside this worker. Without one (the browser), the read pass hashes each chunk as
 * it aggregates it with WebAssembly (hash-wasm; the workers' CSP allows wasm, see shared/csp.ts):
 * the file is read once, and a second read (a 1 GB File re-read in slices takes longer than the
 * hash itself) is avoided. WebCrypto cannot hash incrementally.
 */
async function fileHasher(
  file: File,
  job: Job<CaptureProgress, CapturePageHandlers>,
): Promise<{
  update(chunk: Uint8Array): void;
  digest(): Promise<string>;
  ms(): number;
  inReadPass: boolean;
}> {
  if (await job.ask('hashesNatively', {})) {
    const native = job.ask('sha256Natively', file);
    native.catch(() => undefined); // awaited in digest(); a failure there is reported with the file
    let waited = 0;
    return {
      update: () => undefined,
      digest: async () => {
        const start = performance.now();
        const digest = await native;
        waited = performance.now() - start;
        if (digest === null) throw new Error('the host stopped offering its native hash');
        return digest;
      },
      ms: () => waited,
      inReadPass: false,
    };
  }
  const hash = await createSHA256();
  let spent = 0;
  return {
    update: (chunk) => {
      const start = performance.now();
      hash.update(chunk);
      spent += performance.now() - start;
    },
    digest: () => Promise.resolve(hash.digest('hex')),
    ms: () => spent,
    inReadPass: true,
  };
}

export interface CaptureProgress {
  phase: 'reading' | 'hashing' | 'writing';
  bytes: number;
  totalBytes: number;
  packets: number;
}

export interface CaptureImported {
  batch: ImportBatch;
  packets: number;
  /** Where the capture was cut short mid-record, when it was: the packets before the cut were kept. */
  warnings: string[];
  /** The read pass, hashing aside. */
  readMs: number;
  /** Hashing: in the browser the time spent hashing chunks in the read pass; in Electron, the wait for the host's digest after it. */
  hashMs: number;
}

/** Reads, hashes and merges one capture into the assessment, written through the import repository. */
async function importCapture(
  {
    file,
    ouiUrl,
    assessmentId,
    addEndpoints = true,
  }: { file: File; ouiUrl: string | null; assessmentId: string; addEndpoints?: boolean },
  job: Job<CaptureProgress, CapturePageHandlers>,
): Promise<CaptureImported> {
  const { signal } = job;
  const analyzer = new CaptureAnalyzer({ oui: await loadOui(ouiUrl).catch(() => null) });
  let read = 0;
  let lastPost = 0;
  const progress = (phase: CaptureProgress['phase'], bytes: number) => {
    const now = performance.now();
    if (now - lastPost < 100 && bytes < file.size) return;
    lastPost = now;
    job.progress({ phase, bytes, totalBytes: file.size, packets: analyzer.packets });
  };
  const start = performance.now();
  try {
    const hasher = await fileHasher(file, job);
    for await (const chunk of chunksOf(file, signal, (n) => (read += n))) {
      hasher.update(chunk);
      analyzer.push(chunk);
      progress('reading', read);
    }
    const summary = analyzer.finish();
    const readEnd = performance.now();
    job.progress({ phase: 'hashing', bytes: file.size, totalBytes: file.size, packets: summary.packets });
    const digest = await hasher.digest();
    const hashMs = hasher.ms();
    signal.throwIfAborted();
    job.progress({ phase: 'writing', bytes: file.size, totalBytes: file.size, packets: summary.packets });
    const batch = await writeCapture(
      assessmentId,
      summary,
      {
        name: file.name,
        size: file.size,
        sha256: digest,
      },
      { addEndpoints },
    );
    return {
      batch,
      packets: summary.packets,
      warnings: summary.warnings,
      readMs: readEnd - start - (hasher.inReadPass ? hashMs : 0),
      hashMs,
    };
  } catch (error) {
    // A read error names the file; a cancel (signal aborted) is reported as such by the channel.
    if (error instanceof CaptureError) throw new CaptureError(`${file.name}: ${error.message}`);
    if (signal.aborted) throw error;
    throw new Error(`${file.name}: ${(error as Error).message || String(error)}`);
  }
}

const handlers = { importCapture, ...batchHandlers };
export type CaptureHandlers = typeof handlers;

serveSelf(handlers, { refused: importRefused });
