import { Inflate } from 'fflate';
import { Crc32 } from './crc32';
import type { ZipEntry } from './zip-read';

/** Thrown while reading an entry that is not what the directory declared. */
export class ZipEntryError extends Error {
  override name = 'ZipEntryError';
}

const STEP = 1024 * 1024;

/**
 * fflate's Inflate state, read to learn whether the deflate stream has ended and how many bytes
 * of input it left over: fflate's own Gunzip reads the same fields (s.f final block seen, s.l
 * block in progress, s.p bit position in p, the unconsumed input). Pinned by the fflate version.
 */
interface InflateInternals {
  s: { f?: number; l?: unknown; p?: number };
  p: Uint8Array;
}

function streamEnded(inflater: Inflate): { ended: boolean; leftover: number } {
  const { s, p } = inflater as unknown as InflateInternals;
  const ended = Boolean(s.f) && !s.l;
  return { ended, leftover: ended ? p.length - Math.ceil((s.p ?? 0) / 8) : 0 };
}

/**
 * Walks the deflate stream with fflate, counting its output: refuses a stream that inflates past
 * the declared size, ends early, or leaves bytes after its end (fflate tells where it ended;
 * DecompressionStream does not).
 */
function checkDeflateStructure(data: Uint8Array, entry: ZipEntry): void {
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size)
      throw new ZipEntryError(`"${entry.name}" inflates to more than the ${entry.size} bytes it declares`);
  });
  try {
    for (let offset = 0; offset < data.length || offset === 0; offset += STEP) {
      const last = offset + STEP >= data.length;
      inflater.push(data.subarray(offset, offset + STEP), last);
      const state = streamEnded(inflater);
      if (state.ended && (state.leftover > 0 || !last)) {
        throw new ZipEntryError(`"${entry.name}" has data after the end of its deflate stream`);
      }
      if (last && !state.ended) throw new ZipEntryError(`"${entry.name}": its deflate stream ends early`);
      if (last) break;
    }
  } catch (error) {
    if (error instanceof ZipEntryError) throw error;
    throw new ZipEntryError(`"${entry.name}" cannot be inflated: ${(error as Error).message}`);
  }
}

/**
 * Inflates with the platform's zlib (DecompressionStream, in browsers, workers and Node alike),
 * which is what unzip and bsdtar use: fflate accepts some invalid streams that zlib refuses (the
 * fuzzer found one), and a file that an extractor cannot inflate is not covered by the signature.
 */
async function inflateWithZlib(
  data: Uint8Array,
  name: string,
  take: (chunk: Uint8Array) => void,
): Promise<void> {
  let offset = 0;
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= data.length) controller.close();
      else controller.enqueue(data.slice(offset, (offset += STEP)));
    },
  });
  const reader = source
    .pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof ZipEntryError) throw error;
    throw new ZipEntryError(
      `"${name}" is not a valid deflate stream (zlib refuses it: ${(error as Error).message})`,
    );
  }
}

/**
 * Streams an entry's bytes to sink in chunks (a view into the archive when stored), refusing to
 * produce a byte more than declared, fewer bytes, bytes after the deflate stream, a stream zlib
 * refuses, or a wrong CRC.
 */
export async function streamZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  sink: (chunk: Uint8Array) => void,
): Promise<void> {
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  const crc = new Crc32();
  let written = 0;
  const take = (chunk: Uint8Array): void => {
    if (written + chunk.length > entry.size) {
      throw new ZipEntryError(`"${entry.name}" inflates to more than the ${entry.size} bytes it declares`);
    }
    written += chunk.length;
    crc.update(chunk);
    sink(chunk);
  };
  if (entry.method === 0) {
    for (let offset = 0; offset < data.length; offset += STEP) take(data.subarray(offset, offset + STEP));
  } else {
    checkDeflateStructure(data, entry);
    await inflateWithZlib(data, entry.name, take);
  }
  if (written !== entry.size) {
    throw new ZipEntryError(
      `"${entry.name}" inflates to ${written} bytes, not the ${entry.size} it declares`,
    );
  }
  if (crc.digest() !== entry.crc)
    throw new ZipEntryError(`"${entry.name}": its CRC-32 does not match its data`);
}

/** An entry's whole bytes (for the small metadata files), checked as streamZipEntry checks them. */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.method === 0) {
    await streamZipEntry(bytes, entry, () => {});
    return bytes.subarray(entry.dataStart, entry.dataEnd);
  }
  const out = new Uint8Array(entry.size);
  let at = 0;
  await streamZipEntry(bytes, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
