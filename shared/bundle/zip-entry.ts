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

/** Inflates data in steps, refusing a stream that ends early or leaves bytes after its end. */
function inflateExactly(data: Uint8Array, name: string, take: (chunk: Uint8Array) => void): void {
  const inflater = new Inflate((chunk) => take(chunk));
  try {
    for (let offset = 0; offset < data.length || offset === 0; offset += STEP) {
      const last = offset + STEP >= data.length;
      inflater.push(data.subarray(offset, offset + STEP), last);
      const state = streamEnded(inflater);
      if (state.ended && (state.leftover > 0 || !last)) {
        throw new ZipEntryError(`"${name}" has data after the end of its deflate stream`);
      }
      if (last && !state.ended) throw new ZipEntryError(`"${name}": its deflate stream ends early`);
      if (last) break;
    }
  } catch (error) {
    if (error instanceof ZipEntryError) throw error;
    throw new ZipEntryError(`"${name}" cannot be inflated: ${(error as Error).message}`);
  }
}

/**
 * Streams an entry's bytes to sink in chunks (a view into the archive when stored), refusing to
 * produce a byte more than declared, fewer bytes, bytes after the deflate stream, or a wrong CRC.
 */
export function streamZipEntry(bytes: Uint8Array, entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
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
    inflateExactly(data, entry.name, take);
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
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.method === 0) {
    streamZipEntry(bytes, entry, () => {});
    return bytes.subarray(entry.dataStart, entry.dataEnd);
  }
  const out = new Uint8Array(entry.size);
  let at = 0;
  streamZipEntry(bytes, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
