import { Gunzip } from 'fflate';
import { decodePrefix } from './decode';

/** What a file's first bytes say it is, when that is not a text export. */
export interface BinaryContent {
  /** How to name it to a person: "a gzip archive", "a pcap capture". */
  looksLike: string;
  /** A packet capture (pcap, pcapng, or either gzipped): Connections imports it. */
  capture: boolean;
}

interface Magic {
  bytes: readonly number[];
  /** Where the bytes start (0 unless said). */
  at?: number;
  looksLike: string;
  capture?: boolean;
}

const CAPTURE_MAGICS: readonly Magic[] = [
  { bytes: [0xd4, 0xc3, 0xb2, 0xa1], looksLike: 'a pcap capture', capture: true },
  { bytes: [0xa1, 0xb2, 0xc3, 0xd4], looksLike: 'a pcap capture', capture: true },
  { bytes: [0x4d, 0x3c, 0xb2, 0xa1], looksLike: 'a pcap capture', capture: true },
  { bytes: [0xa1, 0xb2, 0x3c, 0x4d], looksLike: 'a pcap capture', capture: true },
  { bytes: [0x0a, 0x0d, 0x0d, 0x0a], looksLike: 'a pcapng capture', capture: true },
];

/** Container and document formats that sensors do not export inventories as. */
const OTHER_MAGICS: readonly Magic[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: 'an Office 97-2003 file (xls, doc)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'a 7-Zip archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], looksLike: 'an xz archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], looksLike: 'a RAR archive' },
  { bytes: [0x75, 0x73, 0x74, 0x61, 0x72], at: 257, looksLike: 'a tar archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20], looksLike: 'an SQLite database' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], looksLike: 'an executable (ELF)' },
];

function startsWith(bytes: Uint8Array, magic: Magic): boolean {
  const at = magic.at ?? 0;
  if (bytes.length < at + magic.bytes.length) return false;
  return magic.bytes.every((b, i) => bytes[at + i] === b);
}

function byMagic(bytes: Uint8Array, magics: readonly Magic[]): BinaryContent | null {
  const found = magics.find((m) => startsWith(bytes, m));
  return found ? { looksLike: found.looksLike, capture: found.capture ?? false } : null;
}

/** The first inflated bytes of a gzip stream (enough for a magic number), or null if it is not one. */
function gunzipHead(bytes: Uint8Array): Uint8Array | null {
  let head: Uint8Array | null = null;
  try {
    const inflater = new Gunzip((chunk) => {
      head ??= chunk;
    });
    inflater.push(bytes.subarray(0, 65_536), bytes.length <= 65_536);
  } catch {
    return head;
  }
  return head;
}

function sniffGzip(bytes: Uint8Array): BinaryContent {
  const inner = gunzipHead(bytes);
  const capture = inner ? byMagic(inner, CAPTURE_MAGICS) : null;
  if (capture) return { looksLike: `${capture.looksLike} (gzip-compressed)`, capture: true };
  return { looksLike: 'a gzip archive', capture: false };
}

/** A ZIP that is an Office Open XML workbook or document names its parts early on. */
function sniffZip(bytes: Uint8Array): BinaryContent | null {
  const names = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (names.includes('xl/')) return { looksLike: 'an Excel workbook (xlsx)', capture: false };
  if (names.includes('word/')) return { looksLike: 'a Word document (docx)', capture: false };
  return null;
}

/** Share of a text's characters that no text export holds: controls (but tab, CR, LF, FF) and U+FFFD. */
function garbageRatio(text: string): number {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd)
      bad++;
  }
  return bad / sample.length;
}

/**
 * Tells a binary file from a text export before anything parses it, so no message ever echoes its
 * bytes: magic numbers first (captures, archives, documents, images), then the share of control
 * characters in the decoded text (UTF-16 exports are decoded first, so their zero bytes do not
 * count). A ZIP that may be a GRASSMARLIN session is left to the importers. Null for text.
 */
export function sniffBinary(bytes: Uint8Array): BinaryContent | null {
  const known = byMagic(bytes, CAPTURE_MAGICS) ?? byMagic(bytes, OTHER_MAGICS);
  if (known) return known;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return sniffGzip(bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return sniffZip(bytes);
  if (garbageRatio(decodePrefix(bytes, 16_384)) > 0.02) return { looksLike: 'binary data', capture: false };
  return null;
}

/** The message for a file that is not a text export. */
export function notTextMessage(fileName: string, content: BinaryContent): string {
  const where = content.capture ? '; import captures in Connections' : '';
  return `${fileName}: not a text export (looks like ${content.looksLike})${where}`;
}
