import { deflateSync, Zip, type ZipInputFile } from 'fflate';
import { crc32 } from './crc32';

export interface ZipSource {
  /** Path inside the archive, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export interface ZipWriteOptions {
  /** The timestamp every entry carries (so that the same inputs give the same bytes). */
  modified: Date;
  /** Called as bytes are processed: the count so far and the total. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

/** Formats that are compressed already: stored as they are, since deflating them costs time and saves nothing. */
const COMPRESSED_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'avif', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst',
  '7z', 'rar', 'mp4', 'mov', 'm4v', 'avi', 'mkv', 'webm', 'mp3', 'm4a', 'aac', 'ogg', 'docx', 'xlsx', 'pptx',
  'odt', 'ods', 'jar', 'apk', 'woff', 'woff2',
]); // prettier-ignore

const PROBE_BYTES = 64 * 1024;
const CRC_CHUNK = 16 * 1024 * 1024;
/** Larger files are deflated at level 1: most of the gain at a fraction of level 6's time. */
const FAST_DEFLATE_ABOVE = 16 * 1024 * 1024;
/** Without ZIP64 (which fflate does not write) offsets and sizes are 32-bit. */
const MAX_ZIP_BYTES = 0xffff_fffe;
/** Regular file, rw-r--r--, in the high half of the external attributes (Unix "version made by"). */
const UNIX_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** Deflate known text, store known-compressed formats, and probe the rest with a quick level-1 pass. */
export function shouldDeflate(path: string, bytes: Uint8Array): boolean {
  if (bytes.length < 128) return false;
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (COMPRESSED_EXTENSIONS.has(extension)) return false;
  const probe = bytes.subarray(0, PROBE_BYTES);
  return deflateSync(probe, { level: 1 }).length < probe.length * 0.9;
}

/** The zip entry timestamp is local wall-clock time; using the UTC fields keeps the bytes independent of the time zone. */
function dosTime(date: Date): Date {
  return new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}

/**
 * Writes a zip with fflate's streaming Zip, in the given order. Entries are fed as ready-made
 * ZipInputFile objects (a documented fflate extension point) so the CRC runs through the fast
 * crc32 above, in chunks that report progress. Returns one buffer: the caller saves it whole.
 */
export function writeZip(sources: readonly ZipSource[], options: ZipWriteOptions): Uint8Array {
  const totalBytes = sources.reduce((n, s) => n + s.bytes.length, 0);
  const mtime = dosTime(options.modified);
  const chunks: Uint8Array[] = [];
  let failure = null as Error | null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  let done = 0;
  for (const source of sources) {
    let crc = 0;
    for (let offset = 0; offset < source.bytes.length; offset += CRC_CHUNK) {
      const part = source.bytes.subarray(offset, offset + CRC_CHUNK);
      crc = crc32(part, crc);
      done += part.length;
      options.onProgress?.(done, totalBytes);
    }
    const deflate = shouldDeflate(source.path, source.bytes);
    const data = deflate
      ? deflateSync(source.bytes, { level: source.bytes.length > FAST_DEFLATE_ABOVE ? 1 : 6 })
      : source.bytes;
    const file: ZipInputFile = {
      filename: source.path,
      size: source.bytes.length,
      crc,
      compression: deflate ? 8 : 0,
      mtime,
      os: 3,
      attrs: UNIX_FILE_ATTRIBUTES,
    };
    zip.add(file);
    file.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  const size = chunks.reduce((n, c) => n + c.length, 0);
  if (size > MAX_ZIP_BYTES)
    throw new Error(`the bundle would be ${size} bytes; a zip without ZIP64 holds at most 4 GiB`);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
