/** Reads a Blob (a File picked in the browser, in a Worker) as a stream of chunks, one slice at a time. */
export async function* blobChunks(blob: Blob, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += chunkSize) {
    yield new Uint8Array(await blob.slice(at, Math.min(at + chunkSize, blob.size)).arrayBuffer());
  }
}
