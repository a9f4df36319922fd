/// <reference lib="webworker" />
import '../first-import';
import { sha256 } from '@noble/hashes/sha2';
import { toHex } from '../../shared/model/hash';
import { CaptureAnalyzer } from '../../shared/traffic/analyzer';
import { CaptureError } from '../../shared/traffic/errors';
import { OuiTable } from '../../shared/traffic/oui';
import type { CaptureRequest, CaptureResponse } from './capture-messages';

/**
 * Reads a capture File chunk by chunk (never whole), aggregates flows, layer-2 frames and assets,
 * then hashes the file for the import record. Posts progress about every 100 ms; stops on "cancel".
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let cancelled = false;
const post = (message: CaptureResponse) => scope.postMessage(message);

/** Above this the file is hashed in streaming JS; below, WebCrypto digests it in one read (much faster). */
const WEBCRYPTO_HASH_LIMIT = 256 * 1024 * 1024;

class Cancelled extends Error {}

async function loadOui(url: string | null): Promise<OuiTable | null> {
  if (url === null) return null;
  const response = await fetch(url);
  if (!response.ok) return null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server may have already undone the gzip (Content-Encoding): then it is the text itself.
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return gzipped ? OuiTable.fromGzip(bytes) : OuiTable.fromText(new TextDecoder().decode(bytes));
}

async function* chunksOf(file: File, onChunk: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      if (cancelled) throw new Cancelled();
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value.byteLength);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

async function hashFile(file: File, progress: (bytes: number) => void): Promise<string> {
  if (file.size <= WEBCRYPTO_HASH_LIMIT) {
    return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())));
  }
  // WebCrypto has no incremental digest: stream the big ones through a JS SHA-256.
  const hash = sha256.create();
  let read = 0;
  for await (const chunk of chunksOf(file, (n) => progress((read += n)))) hash.update(chunk);
  return toHex(hash.digest());
}

async function run(file: File, ouiUrl: string | null) {
  const analyzer = new CaptureAnalyzer({ oui: await loadOui(ouiUrl).catch(() => null) });
  let read = 0;
  let lastPost = 0;
  const progress = (phase: 'reading' | 'hashing', bytes: number) => {
    const now = performance.now();
    if (now - lastPost < 100 && bytes < file.size) return;
    lastPost = now;
    post({ type: 'progress', phase, bytes, totalBytes: file.size, packets: analyzer.packets });
  };
  const start = performance.now();
  for await (const chunk of chunksOf(file, (n) => (read += n))) {
    analyzer.push(chunk);
    progress('reading', read);
  }
  const summary = analyzer.finish();
  const hashStart = performance.now();
  const digest = await hashFile(file, (bytes) => progress('hashing', bytes));
  const end = performance.now();
  post({ type: 'done', summary, sha256: digest, readMs: hashStart - start, hashMs: end - hashStart });
}

scope.onmessage = (event: MessageEvent<CaptureRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  run(request.file, request.ouiUrl).catch((error: unknown) => {
    if (error instanceof Cancelled) post({ type: 'cancelled' });
    else if (error instanceof CaptureError)
      post({ type: 'error', message: `${request.file.name}: ${error.message}` });
    else
      post({ type: 'error', message: `${request.file.name}: ${(error as Error).message || String(error)}` });
  });
};
