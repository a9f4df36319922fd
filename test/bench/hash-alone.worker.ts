import { createSHA256 } from 'hash-wasm';
import { serveSelf } from '../../renderer/workers/channel';

/** The slice the capture worker hashes at a time. */
const SLICE = 8 * 1024 * 1024;

/**
 * The capture bench's yardsticks over the same file: reading it alone in the capture worker's
 * slices, and reading and hashing it with hash-wasm in the plainest loop (one hasher, one slice at a
 * time); hash-wasm over as many bytes already in memory (its own cost); and the chunk size
 * Blob.stream() hands out, which the capture worker's read pass hashes.
 */
const handlers = {
  async hashAlone({ file }: { file: File }) {
    const reader = file.stream().getReader();
    const first = await reader.read();
    await reader.cancel();
    const streamChunk = first.value?.byteLength ?? 0;
    let start = performance.now();
    for (let at = 0; at < file.size; at += SLICE) await file.slice(at, at + SLICE).arrayBuffer();
    const readMs = performance.now() - start;
    start = performance.now();
    const hash = await createSHA256();
    for (let at = 0; at < file.size; at += SLICE)
      hash.update(new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer()));
    const sha256 = hash.digest('hex');
    const ms = performance.now() - start;
    // hash-wasm's own cost: as many bytes, from memory, in Blob.stream()'s chunk size.
    const bytes = new Uint8Array(await file.slice(0, Math.min(file.size, 64 * 1048576)).arrayBuffer());
    const chunk = streamChunk || 65536;
    hash.init();
    start = performance.now();
    for (let done = 0; done < file.size; done += bytes.length)
      for (let at = 0; at < bytes.length && done + at < file.size; at += chunk)
        hash.update(bytes.subarray(at, Math.min(at + chunk, bytes.length, file.size - done)));
    hash.digest('hex');
    const computeMs = performance.now() - start;
    return { ms, readMs, computeMs, streamChunk, sha256 };
  },
};
export type HashAloneHandlers = typeof handlers;

serveSelf(handlers);
