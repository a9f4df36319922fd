import { deflateSync, zipSync, type Zippable } from 'fflate';

export interface ZipSource {
  /** Path inside the archive, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export interface ZipWriteOptions {
  /** The timestamp every entry carries (so that the same inputs give the same bytes). */
  modified: Date;
}

/** Formats that are compressed already: stored as they are, since deflating them costs time and saves nothing. */
const COMPRESSED_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'avif', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst',
  '7z', 'rar', 'mp4', 'mov', 'm4v', 'avi', 'mkv', 'webm', 'mp3', 'm4a', 'aac', 'ogg', 'docx', 'xlsx', 'pptx',
  'odt', 'ods', 'jar', 'apk', 'woff', 'woff2',
]); // prettier-ignore

const PROBE_BYTES = 64 * 1024;
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
 * Writes a zip with fflate's zipSync, entries in the given order. zipSync rather than fflate's
 * streaming Zip: the streaming writer puts every size in a trailing data descriptor, and macOS's
 * Archive Utility fails on stored entries written that way; zipSync writes sizes and CRCs in the
 * local headers, which every unzipper reads. Stored entries are not copied before the one copy
 * into the output buffer.
 */
export function writeZip(sources: readonly ZipSource[], options: ZipWriteOptions): Uint8Array {
  const total = sources.reduce((n, s) => n + s.bytes.length, 0);
  if (total > MAX_ZIP_BYTES)
    throw new Error(`the bundle would hold ${total} bytes; a zip without ZIP64 holds at most 4 GiB`);
  const mtime = dosTime(options.modified);
  // Keys keep insertion order (none is an integer-like string: every path has a folder and a slash).
  const files: Zippable = {};
  for (const source of sources) {
    const level = !shouldDeflate(source.path, source.bytes)
      ? 0
      : source.bytes.length > FAST_DEFLATE_ABOVE
        ? 1
        : 6;
    files[source.path] = [source.bytes, { level, mtime, os: 3, attrs: UNIX_FILE_ATTRIBUTES }];
  }
  return zipSync(files);
}
