/*
 * Takes a real zip apart into its entries' header fields and data, and writes it back with
 * changes no zip library would make: extra fields, unlisted local headers, gaps, prepended bytes,
 * bytes after a deflate stream. Offsets are recomputed, so each change is the only change.
 */
import { crc32 } from 'node:zlib';

export interface ZipPart {
  name: Uint8Array;
  /** The name in the local header, when it differs from the central directory's. */
  localName?: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  localExtra: Uint8Array;
  centralExtra: Uint8Array;
  comment: Uint8Array;
  internalAttributes: number;
  externalAttributes: number;
  data: Uint8Array;
  /** Written as a local header and data, but left out of the central directory. */
  unlisted?: boolean;
  /** Bytes written just before this entry's local header. */
  before?: Uint8Array;
}

export interface ZipLayout {
  parts: ZipPart[];
  /** Bytes between the last entry and the central directory. */
  beforeDirectory?: Uint8Array;
  comment?: Uint8Array;
}

const encoder = new TextEncoder();
export const text = (s: string): Uint8Array => encoder.encode(s);
export const nameOf = (part: ZipPart): string => new TextDecoder().decode(part.name);

export function parseZip(bytes: Uint8Array): ZipLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  if (view.getUint32(eocd, true) !== 0x06054b50) throw new Error('the test zip has a comment');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const localNameLength = view.getUint16(local + 26, true);
    const localExtraLength = view.getUint16(local + 28, true);
    const compressedSize = view.getUint32(at + 20, true);
    const dataStart = local + 30 + localNameLength + localExtraLength;
    parts.push({
      versionMadeBy: view.getUint16(at + 4, true),
      versionNeeded: view.getUint16(at + 6, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size: view.getUint32(at + 24, true),
      name: bytes.slice(at + 46, at + 46 + nameLength),
      centralExtra: bytes.slice(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      comment: bytes.slice(
        at + 46 + nameLength + extraLength,
        at + 46 + nameLength + extraLength + commentLength,
      ),
      internalAttributes: view.getUint16(at + 36, true),
      externalAttributes: view.getUint32(at + 38, true),
      localExtra: bytes.slice(local + 30 + localNameLength, dataStart),
      data: bytes.slice(dataStart, dataStart + compressedSize),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { parts };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function writeZip(layout: ZipLayout): Uint8Array {
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  let listed = 0;
  for (const part of layout.parts) {
    if (part.before) {
      chunks.push(part.before);
      offset += part.before.length;
    }
    const localName = part.localName ?? part.name;
    const local = new Uint8Array(30 + localName.length + part.localExtra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, part.versionNeeded, true);
    lv.setUint16(6, part.flags, true);
    lv.setUint16(8, part.method, true);
    lv.setUint16(10, part.time, true);
    lv.setUint16(12, part.date, true);
    lv.setUint32(14, part.crc, true);
    lv.setUint32(18, part.compressedSize, true);
    lv.setUint32(22, part.size, true);
    lv.setUint16(26, localName.length, true);
    lv.setUint16(28, part.localExtra.length, true);
    local.set(localName, 30);
    local.set(part.localExtra, 30 + localName.length);
    chunks.push(local, part.data);
    const localOffset = offset;
    offset += local.length + part.data.length;
    if (part.unlisted) continue;
    listed++;
    const central = new Uint8Array(46 + part.name.length + part.centralExtra.length + part.comment.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, part.versionMadeBy, true);
    cv.setUint16(6, part.versionNeeded, true);
    cv.setUint16(8, part.flags, true);
    cv.setUint16(10, part.method, true);
    cv.setUint16(12, part.time, true);
    cv.setUint16(14, part.date, true);
    cv.setUint32(16, part.crc, true);
    cv.setUint32(20, part.compressedSize, true);
    cv.setUint32(24, part.size, true);
    cv.setUint16(28, part.name.length, true);
    cv.setUint16(30, part.centralExtra.length, true);
    cv.setUint16(32, part.comment.length, true);
    cv.setUint16(36, part.internalAttributes, true);
    cv.setUint32(38, part.externalAttributes, true);
    cv.setUint32(42, localOffset, true);
    central.set(part.name, 46);
    central.set(part.centralExtra, 46 + part.name.length);
    central.set(part.comment, 46 + part.name.length + part.centralExtra.length);
    centrals.push(central);
  }
  if (layout.beforeDirectory) {
    chunks.push(layout.beforeDirectory);
    offset += layout.beforeDirectory.length;
  }
  const directory = concat(centrals);
  const comment = layout.comment ?? new Uint8Array(0);
  const eocd = new Uint8Array(22 + comment.length);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, listed, true);
  ev.setUint16(10, listed, true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, comment.length, true);
  eocd.set(comment, 22);
  return concat([...chunks, directory, eocd]);
}

/** An Info-ZIP Unicode Path extra field (0x7075) naming the entry `path`, valid for its header name. */
export function unicodePathField(headerName: Uint8Array, path: string): Uint8Array {
  const unicode = text(path);
  const field = new Uint8Array(4 + 5 + unicode.length);
  const v = new DataView(field.buffer);
  v.setUint16(0, 0x7075, true);
  v.setUint16(2, 5 + unicode.length, true);
  field[4] = 1;
  v.setUint32(5, crc32(headerName), true);
  field.set(unicode, 9);
  return field;
}

/** A stored entry for `path` holding `content`, with the fields of `like` (dates, attributes). */
export function storedPart(like: ZipPart, path: string, content: Uint8Array): ZipPart {
  return {
    ...like,
    name: text(path),
    localName: undefined,
    method: 0,
    flags: 0x0800,
    crc: crc32(content),
    compressedSize: content.length,
    size: content.length,
    localExtra: new Uint8Array(0),
    centralExtra: new Uint8Array(0),
    data: content,
  };
}
