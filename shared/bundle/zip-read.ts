/*
 * A strict zip reader for verifying bundles. Hand-written because the checks must run on the
 * central directory before a single entry is inflated (names, duplicates, sizes, overlaps), and
 * fflate's unzip trusts the declared sizes and inflates as it goes; fflate still does the inflating.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Most entries an archive may hold. */
  maxEntries: number;
  /** Largest uncompressed size of one entry, declared or actual. */
  maxEntryBytes: number;
  /** Largest sum of uncompressed sizes. */
  maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio of a deflated entry larger than ratioFloorBytes (deflate tops out near 1032). */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 2 ** 31 - 1,
  maxTotalBytes: 2 ** 32,
  maxCompressionRatio: 500,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  isDirectory: boolean;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Where the entry's (compressed) data starts and ends in the archive. */
  dataStart: number;
  dataEnd: number;
}

/** The archive is not a zip this reader can list at all (the CLI's "cannot be read"). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function findEndOfCentralDirectory(view: DataView): number {
  const length = view.byteLength;
  if (length < 22) throw new ZipFormatError('the file is too small to be a zip archive');
  const lowest = Math.max(0, length - 22 - 0xffff);
  for (let at = length - 22; at >= lowest; at--) {
    // The comment length must reach exactly to the end of the file, or this is a stray signature.
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + 22 + view.getUint16(at + 20, true) === length)
      return at;
  }
  throw new ZipFormatError('this is not a zip archive (no end-of-central-directory record)');
}

/** Why a name is unsafe to extract, or null when it is fine. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\\')) return 'a backslash in the path';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a control character in the path';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return 'a ".." path segment';
  if (segments.includes('.')) return 'a "." path segment';
  if (segments.includes('')) return 'an empty path segment';
  return null;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Every reason to refuse the archive; when not empty, nothing may be extracted. */
  problems: string[];
}

/**
 * Lists and vets every entry from the central directory (and each local header's position),
 * without inflating anything. Throws ZipFormatError when the archive cannot be listed.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipFormatError('ZIP64 archives are not supported (a Conduit bundle is never one)');
  }
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw new ZipFormatError('multi-part (split) zip archives are not supported');
  }
  const count = view.getUint16(eocd + 10, true);
  if (view.getUint16(eocd + 8, true) !== count)
    throw new ZipFormatError('the entry counts in the zip footer disagree');
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset + cdSize !== eocd)
    throw new ZipFormatError('the central directory is not where the zip footer says');
  if (count > limits.maxEntries)
    throw new ZipFormatError(`the archive has ${count} entries; at most ${limits.maxEntries} are accepted`);

  const problems: string[] = [];
  const entries: ZipEntry[] = [];
  const seen = new Map<string, string>();
  const topFolders = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`central directory entry ${index + 1} is damaged`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > eocd) throw new ZipFormatError(`central directory entry ${index + 1} runs past the directory`);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    at = next;

    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      problems.push(`entry ${index + 1}: the name is not valid UTF-8`);
      continue;
    }
    const label = `"${name}"`;
    const unsafe = unsafeNameReason(name);
    if (unsafe) {
      problems.push(`${label}: refused, ${unsafe}`);
      continue;
    }
    // Two names that one file system would merge (case, Unicode normalization) count as duplicates.
    const key = name.normalize('NFC').toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        earlier === name
          ? `${label}: refused, a duplicate entry`
          : `${label}: refused, a duplicate of "${earlier}"`,
      );
      continue;
    }
    seen.set(key, name);
    const slash = name.indexOf('/');
    if (slash < 0) problems.push(`${label}: refused, a file outside the bundle's top folder`);
    else topFolders.add(name.slice(0, slash));

    if (flags & 0x41) problems.push(`${label}: refused, the entry is encrypted`);
    if (method !== 0 && method !== 8)
      problems.push(`${label}: refused, unsupported compression method ${method}`);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      problems.push(`${label}: refused, ZIP64 sizes are not supported`);
      continue;
    }
    if (size > limits.maxEntryBytes)
      problems.push(`${label}: refused, declares ${size} bytes (limit ${limits.maxEntryBytes})`);
    if (method === 0 && compressedSize !== size)
      problems.push(`${label}: refused, a stored entry whose sizes disagree`);
    if (
      method === 8 &&
      size > limits.ratioFloorBytes &&
      size / Math.max(compressedSize, 1) > limits.maxCompressionRatio
    ) {
      problems.push(
        `${label}: refused, expands ${Math.round(size / Math.max(compressedSize, 1))} times (a compression bomb; limit ${limits.maxCompressionRatio})`,
      );
    }
    total += size;

    if (localOffset + 30 > cdOffset || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      problems.push(`${label}: refused, its local header is missing or damaged`);
      continue;
    }
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength);
    if (localNameLength !== nameLength || !localName.every((b, i) => b === nameBytes[i])) {
      problems.push(`${label}: refused, the local header names a different file`);
      continue;
    }
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > cdOffset) {
      problems.push(`${label}: refused, its data runs past the end of the archive`);
      continue;
    }
    const isDirectory = name.endsWith('/');
    if (isDirectory && size !== 0) problems.push(`${label}: refused, a folder entry with content`);
    entries.push({ name, isDirectory, method, compressedSize, size, crc, dataStart, dataEnd });
  }
  if (total > limits.maxTotalBytes) {
    problems.push(`the archive declares ${total} bytes in all (limit ${limits.maxTotalBytes})`);
  }
  if (topFolders.size > 1) {
    problems.push(
      `refused: the archive has ${topFolders.size} top folders (${[...topFolders].sort().join(', ')}), a bundle has one`,
    );
  }
  // Entries sharing bytes are how "overlapping" zip bombs multiply a small archive.
  const byPosition = [...entries].sort((a, b) => a.dataStart - b.dataStart);
  for (let i = 1; i < byPosition.length; i++) {
    if (byPosition[i]!.dataStart < byPosition[i - 1]!.dataEnd) {
      problems.push(`"${byPosition[i]!.name}": refused, its data overlaps "${byPosition[i - 1]!.name}"`);
    }
  }
  return { entries, problems };
}

/** Thrown while inflating when an entry is not what the directory declared. */
export class ZipEntryError extends Error {
  override name = 'ZipEntryError';
}

/**
 * An entry's bytes: a view into the archive when stored, or inflated into a buffer of exactly
 * the declared size (refusing to produce a byte more).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === 0) return data;
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) {
      throw new ZipEntryError(`"${entry.name}" inflates to more than the ${entry.size} bytes it declares`);
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  const STEP = 1024 * 1024;
  try {
    for (let offset = 0; offset < data.length; offset += STEP) {
      inflater.push(data.subarray(offset, offset + STEP), offset + STEP >= data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof ZipEntryError) throw error;
    throw new ZipEntryError(`"${entry.name}" cannot be inflated: ${(error as Error).message}`);
  }
  if (written !== entry.size) {
    throw new ZipEntryError(
      `"${entry.name}" inflates to ${written} bytes, not the ${entry.size} it declares`,
    );
  }
  return out;
}
