/*
 * A strict zip reader for verifying bundles. Hand-written because the verifier must see the
 * archive exactly as extractors do before a single entry is inflated: the central directory
 * (what `unzip` lists), every local header (what a streaming extractor such as
 * `cat f | bsdtar -xf -` reads), and every byte between them. Any disagreement, gap or byte that
 * no entry owns is refused; fflate still does the inflating (zip-entry.ts).
 */
import { extraFieldProblem } from './zip-extra';

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
  /** Where its local header starts, and where the entry ends (after any data descriptor). */
  localOffset: number;
  end: number;
}

/** The archive is not a zip this reader can list at all (the CLI's "cannot be read"). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Every reason to refuse the archive; when not empty, nothing may be extracted. */
  problems: string[];
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
/** Flags a bundle may carry: deflate options (bits 1-2), data descriptor (3), UTF-8 names (11). */
const ALLOWED_FLAGS = 0x0002 | 0x0004 | 0x0008 | 0x0800;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
/** Hosts whose external attributes carry a Unix mode (Unix, OS X), and the others a bundle may come from (MS-DOS, NTFS). */
const UNIX_HOSTS = new Set([3, 19]);
const OTHER_HOSTS = new Set([0, 10]);
/** Zip 2.0 (deflate): unzip skips an entry that asks for a newer version, so nothing may. */
const MAX_VERSION_NEEDED = 20;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Footer {
  eocd: number;
  count: number;
  cdOffset: number;
}

interface CentralRecord {
  index: number;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameBytes: Uint8Array;
  extra: Uint8Array;
  commentLength: number;
  externalAttributes: number;
  localOffset: number;
}

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

function readFooter(view: DataView, problems: string[]): Footer {
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
  if (view.getUint16(eocd + 20, true) !== 0)
    problems.push('refused: the archive has a comment, which a bundle never has (unzip prints it)');
  return { eocd, count, cdOffset };
}

/** The central directory's records, in order; throws when it cannot be walked at all. */
function readCentralRecords(bytes: Uint8Array, view: DataView, footer: Footer): CentralRecord[] {
  const records: CentralRecord[] = [];
  let at = footer.cdOffset;
  for (let index = 0; index < footer.count; index++) {
    if (at + 46 > footer.eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`central directory entry ${index + 1} is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > footer.eocd)
      throw new ZipFormatError(`central directory entry ${index + 1} runs past the directory`);
    records.push({
      index,
      versionMadeBy: view.getUint16(at + 4, true),
      versionNeeded: view.getUint16(at + 6, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      nameBytes: bytes.subarray(at + 46, at + 46 + nameLength),
      extra: bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      commentLength,
      externalAttributes: view.getUint32(at + 38, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  if (at !== footer.eocd) throw new ZipFormatError('the central directory holds bytes no entry owns');
  return records;
}

/** Why a name is unsafe to extract, or null when it is fine. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\\')) return 'a backslash in the path';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'a control character in the path';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return 'a ".." path segment';
  if (segments.includes('.')) return 'a "." path segment';
  if (segments.includes('')) return 'an empty path segment';
  return null;
}

/** The entry's name, or the reason it cannot be trusted to extract as read. */
function decodeName(record: CentralRecord): { name: string } | { problem: string } {
  let name: string;
  try {
    name = utf8.decode(record.nameBytes);
  } catch {
    return { problem: `entry ${record.index + 1}: the name is not valid UTF-8` };
  }
  if (!(record.flags & FLAG_UTF8) && record.nameBytes.some((b) => b >= 0x80)) {
    return {
      problem: `"${name}": refused, a non-ASCII name without the UTF-8 flag (extractors would read it as CP437)`,
    };
  }
  const unsafe = unsafeNameReason(name);
  return unsafe ? { problem: `"${name}": refused, ${unsafe}` } : { name };
}

/** What the central record itself declares that a bundle may not hold (flags, method, sizes, type). */
function recordProblems(record: CentralRecord, name: string, limits: ZipLimits): string[] {
  const label = `"${name}": refused,`;
  const out: string[] = [];
  const { flags, method, size, compressedSize } = record;
  if (flags & 0x2041) out.push(`${label} the entry is encrypted`);
  else if (flags & ~ALLOWED_FLAGS) out.push(`${label} unknown general-purpose flags 0x${flags.toString(16)}`);
  if (method !== 0 && method !== 8) out.push(`${label} unsupported compression method ${method}`);
  if (size === 0xffffffff || compressedSize === 0xffffffff || record.localOffset === 0xffffffff) {
    out.push(`${label} ZIP64 sizes are not supported`);
    return out;
  }
  if (size > limits.maxEntryBytes)
    out.push(`${label} declares ${size} bytes (limit ${limits.maxEntryBytes})`);
  if (method === 0 && compressedSize !== size) out.push(`${label} a stored entry whose sizes disagree`);
  const ratio = size / Math.max(compressedSize, 1);
  if (method === 8 && size > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
    out.push(
      `${label} expands ${Math.round(ratio)} times (a compression bomb; limit ${limits.maxCompressionRatio})`,
    );
  }
  const extra = extraFieldProblem(record.extra);
  if (extra) out.push(`${label} ${extra}`);
  if (record.commentLength > 0) out.push(`${label} an entry comment, which a bundle never has`);
  out.push(...typeProblems(record, name, label));
  return out;
}

/** Only regular files and folders: unzip and bsdtar turn Unix symlink entries into links. */
function typeProblems(record: CentralRecord, name: string, label: string): string[] {
  const isDirectory = name.endsWith('/');
  const mode = record.externalAttributes >>> 16;
  const type = mode & S_IFMT;
  const host = record.versionMadeBy >> 8;
  if (!UNIX_HOSTS.has(host) && !OTHER_HOSTS.has(host)) return [`${label} made on an unknown host (${host})`];
  if (record.versionNeeded > MAX_VERSION_NEEDED)
    return [
      `${label} needs zip version ${record.versionNeeded / 10}, which extractors may skip (a bundle needs 2.0)`,
    ];
  if (UNIX_HOSTS.has(host) && type !== 0) {
    if (type !== S_IFREG && type !== S_IFDIR) return [`${label} a symbolic link or special file`];
    if ((type === S_IFDIR) !== isDirectory) return [`${label} its file type and its name disagree`];
  }
  if (record.externalAttributes & 0x10 && !isDirectory)
    return [`${label} marked as a folder but named as a file`];
  if (isDirectory && (record.size !== 0 || record.compressedSize !== 0 || record.method !== 0))
    return [`${label} a folder entry with content`];
  return [];
}

/** The local header must say exactly what the central directory says; returns where the entry's bytes lie. */
function readLocalHeader(
  bytes: Uint8Array,
  view: DataView,
  record: CentralRecord,
  cdOffset: number,
): { dataStart: number; dataEnd: number; end: number } | string {
  const at = record.localOffset;
  if (at + 30 > cdOffset || view.getUint32(at, true) !== LOCAL_SIGNATURE)
    return 'its local header is missing or damaged';
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  if (nameLength !== record.nameBytes.length || !localName.every((b, i) => b === record.nameBytes[i]))
    return 'the local header names a different file';
  if (view.getUint16(at + 4, true) !== record.versionNeeded)
    return 'the local header needs another zip version';
  if (view.getUint16(at + 6, true) !== record.flags) return 'the local header has other flags';
  if (view.getUint16(at + 8, true) !== record.method)
    return 'the local header has another compression method';
  if (view.getUint16(at + 10, true) !== record.time || view.getUint16(at + 12, true) !== record.date)
    return 'the local header has another date';
  const described = record.flags & FLAG_DESCRIPTOR;
  const sizes = [view.getUint32(at + 14, true), view.getUint32(at + 18, true), view.getUint32(at + 22, true)];
  const expected = [record.crc, record.compressedSize, record.size];
  // With a data descriptor the local header may leave any of them 0, to be given after the data.
  if (sizes.some((v, i) => v !== expected[i] && !(described && v === 0)))
    return 'the local header declares other sizes or another CRC';
  const dataStart = at + 30 + nameLength + extraLength;
  const extra = extraFieldProblem(bytes.subarray(at + 30 + nameLength, dataStart));
  if (extra) return `its local header carries ${extra}`;
  const dataEnd = dataStart + record.compressedSize;
  let end = dataEnd;
  if (described) {
    const signed = dataEnd + 4 <= cdOffset && view.getUint32(dataEnd, true) === DESCRIPTOR_SIGNATURE;
    const fields = signed ? dataEnd + 4 : dataEnd;
    end = fields + 12;
    if (end > cdOffset) return 'its data descriptor runs past the end of the archive';
    const found = [
      view.getUint32(fields, true),
      view.getUint32(fields + 4, true),
      view.getUint32(fields + 8, true),
    ];
    if (found.some((v, i) => v !== expected[i]))
      return 'its data descriptor declares other sizes or another CRC';
  }
  if (end > cdOffset) return 'its data runs past the end of the archive';
  return { dataStart, dataEnd, end };
}

/**
 * Lists and vets every entry: the central directory, each local header against it, and the
 * layout of the whole file, without inflating anything. Throws ZipFormatError when the archive
 * cannot be listed.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problems: string[] = [];
  const footer = readFooter(view, problems);
  if (footer.count > limits.maxEntries)
    throw new ZipFormatError(
      `the archive has ${footer.count} entries; at most ${limits.maxEntries} are accepted`,
    );
  const records = readCentralRecords(bytes, view, footer);

  const entries: ZipEntry[] = [];
  /** Where every entry whose local header reads lies, refused or not: the layout check covers them all. */
  const extents: Extent[] = [];
  let localHeadersRead = true;
  const names = new NameRegister();
  let total = 0;
  for (const record of records) {
    const local = readLocalHeader(bytes, view, record, footer.cdOffset);
    const decoded = decodeName(record);
    const label = 'name' in decoded ? decoded.name : `entry ${record.index + 1}`;
    if (typeof local !== 'string') extents.push({ label, localOffset: record.localOffset, end: local.end });
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const { name } = decoded;
    const duplicate = names.add(name);
    if (duplicate) {
      problems.push(duplicate);
      continue;
    }
    const found = recordProblems(record, name, limits);
    problems.push(...found);
    if (found.some((p) => p.includes('ZIP64'))) continue;
    total += record.size;
    if (typeof local === 'string') {
      localHeadersRead = false;
      problems.push(`"${name}": refused, ${local}`);
      continue;
    }
    entries.push({
      name,
      isDirectory: name.endsWith('/'),
      method: record.method,
      compressedSize: record.compressedSize,
      size: record.size,
      crc: record.crc,
      localOffset: record.localOffset,
      ...local,
    });
  }
  if (total > limits.maxTotalBytes) {
    problems.push(`the archive declares ${total} bytes in all (limit ${limits.maxTotalBytes})`);
  }
  problems.push(...names.folderProblems(), ...directoryProblems(entries));
  // A local header that could not be read leaves a gap already explained.
  if (localHeadersRead) problems.push(...layoutProblems(bytes, view, extents, footer.cdOffset));
  return { entries, problems };
}

/** Names seen so far: duplicates (as one file system would merge them) and the one top folder. */
class NameRegister {
  private readonly seen = new Map<string, string>();
  private readonly topFolders = new Set<string>();
  private readonly outside: string[] = [];

  /** Registers the name; returns why it is refused as a duplicate, or null. */
  add(name: string): string | null {
    const key = name.normalize('NFC').toLowerCase();
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      return earlier === name
        ? `"${name}": refused, a duplicate entry`
        : `"${name}": refused, a duplicate of "${earlier}"`;
    }
    this.seen.set(key, name);
    const slash = name.indexOf('/');
    if (slash < 0) this.outside.push(name);
    else this.topFolders.add(name.slice(0, slash));
    return null;
  }

  folderProblems(): string[] {
    const out = this.outside.map((name) => `"${name}": refused, a file outside the bundle's top folder`);
    if (this.topFolders.size > 1) {
      const folders = [...this.topFolders].sort().join(', ');
      out.push(`refused: the archive has ${this.topFolders.size} top folders (${folders}), a bundle has one`);
    }
    return out;
  }
}

/** A folder entry is accepted only where a file inside it implies the folder anyway. */
function directoryProblems(entries: readonly ZipEntry[]): string[] {
  const implied = new Set<string>();
  for (const entry of entries) {
    if (entry.isDirectory) continue;
    for (let slash = entry.name.indexOf('/'); slash >= 0; slash = entry.name.indexOf('/', slash + 1))
      implied.add(entry.name.slice(0, slash + 1));
  }
  const stray = entries.filter((e) => e.isDirectory && !implied.has(e.name));
  const shown = stray
    .slice(0, 5)
    .map((e) => `"${e.name}": refused, a folder entry that holds no file of the bundle`);
  if (stray.length > 5) shown.push(`refused: ${stray.length - 5} more folder entries that hold no file`);
  return shown;
}

/**
 * Every byte before the central directory must belong to exactly one entry, in order: bytes
 * before the first entry, gaps and local headers that no central entry names are what streaming
 * extractors read and `unzip -l` never shows.
 */
interface Extent {
  label: string;
  localOffset: number;
  end: number;
}

function layoutProblems(
  bytes: Uint8Array,
  view: DataView,
  extents: readonly Extent[],
  cdOffset: number,
): string[] {
  const out: string[] = [];
  const ordered = [...extents].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  let previous: Extent | null = null;
  const describeGap = (from: number, to: number): string => {
    const where = previous ? `after "${previous.label}"` : 'before the first entry';
    const header = bytes
      .subarray(from, to)
      .findIndex((_, i) => from + i + 4 <= to && view.getUint32(from + i, true) === LOCAL_SIGNATURE);
    return header >= 0
      ? `refused: a local header at byte ${from + header} that the central directory does not list (a streaming extractor would write it out)`
      : `refused: ${to - from} bytes ${where} that belong to no entry`;
  };
  for (const entry of ordered) {
    if (entry.localOffset > expected) out.push(describeGap(expected, entry.localOffset));
    else if (entry.localOffset < expected && previous)
      out.push(`"${entry.label}": refused, its data overlaps "${previous.label}"`);
    expected = Math.max(expected, entry.end);
    previous = entry;
  }
  if (cdOffset > expected) out.push(describeGap(expected, cdOffset));
  return out;
}
