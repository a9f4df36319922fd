import '../first-import';
import { createSHA256 } from 'hash-wasm';
import type { ImportBatch } from '../../shared/model';
import { toHex } from '../../shared/model/hash';
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

/** Up to this size WebCrypto (native, but not incremental) digests the file in one read. */
const WEBCRYPTO_HASH_LIMIT = 256 * 1024 * 1024;

/** What the capture worker may ask the page: the host's native SHA-256 of the file, or null when it has none. */
export interface CapturePageHandlers {
  [name: string]: Handler;
  sha256Natively(file: File): Promise<string | null>;
}

/**
 * The file's SHA-256 for the import record: the host's native hash when it has one (Electron,
 * node:crypto streamed over IPC by the page: a quarter of the read time); else WebCrypto for a file
 * that fits in memory; else, streaming, WebAssembly (hash-wasm, faster than the pure-JS hash used
 * before; the workers' CSP allows wasm, see shared/csp.ts).
 */
async function hashFile(
  file: File,
  job: Job<CaptureProgress, CapturePageHandlers>,
  progress: (bytes: number) => void,
): Promise<string> {
  const native = await job.ask('sha256Natively', file);
  if (native !== null) return native;
  if (file.size <= WEBCRYPTO_HASH_LIMIT) {
    return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())));
  }
  const hash = await createSHA256();
  let read = 0;
  for await (const chunk of chunksOf(file, job.signal, (n) => progress((read += n)))) hash.update(chunk);
  return hash.digest('hex');
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
  readMs: number;
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
    for await (const chunk of chunksOf(file, signal, (n) => (read += n))) {
      analyzer.push(chunk);
      progress('reading', read);
    }
    const summary = analyzer.finish();
    const hashStart = performance.now();
    job.progress({ phase: 'hashing', bytes: 0, totalBytes: file.size, packets: summary.packets });
    const digest = await hashFile(file, job, (bytes) => progress('hashing', bytes));
    const hashMs = performance.now() - hashStart;
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
    return { batch, packets: summary.packets, warnings: summary.warnings, readMs: hashStart - start, hashMs };
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
