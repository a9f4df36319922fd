import { sha512 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { gunzipSync, unzipSync } from 'fflate';
import { parseTar } from 'nanotar';
import { compareRevisions, CsafError, readCsaf } from './csaf';
import type { Advisory, AdvisoryPack, PackProblem } from './types';

/** One file of a pack: its path inside the folder or archive, and its bytes. */
export interface PackFile {
  path: string;
  bytes: Uint8Array;
}

/** The pack cannot be used at all (an unreadable archive, a checksum that does not match). */
export class PackError extends Error {
  override name = 'PackError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';
}

/** The files of a .zip, .tar.gz, .tgz or .tar pack, by content (the name only names it in messages). */
export function unpackArchive(name: string, bytes: Uint8Array): PackFile[] {
  try {
    if (isZip(bytes)) {
      const entries = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') });
      return Object.entries(entries).map(([path, data]) => ({ path, bytes: data }));
    }
    const tar = isGzip(bytes) ? gunzipSync(bytes) : bytes;
    if (!isTar(tar)) throw new Error('not a .zip, .tar.gz or .tar archive');
    return parseTar(tar)
      .filter((entry) => entry.type === 'file' && entry.data)
      .map((entry) => ({ path: entry.name, bytes: entry.data! }));
  } catch (error) {
    throw new PackError(name, `cannot be read as an advisory pack (${(error as Error).message})`);
  }
}

const IGNORED = /(^|\/)(\.|__MACOSX\/)|(^|\/)(index|changes)\.(txt|csv)$|\.(asc|sha256|md|txt|html)$/i;

/** The digest a sha512sum-format sidecar names for a file ("<hex>  <name>" or the hex alone). */
function sidecarDigest(text: string): string | null {
  const match = /^\s*([0-9a-f]{128})\b/i.exec(text);
  return match ? match[1]!.toLowerCase() : null;
}

function dateOnly(iso: string): string {
  return iso.slice(0, 10);
}

export interface ReadPackOptions {
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads the CSAF files of a pack laid out as CISA publishes it (year folders, each file with a
 * .sha512 sidecar) or flat. A sidecar that does not match refuses the whole pack, naming the file;
 * a malformed file is reported by name while the rest load; of two files with one tracking id the
 * later revision wins.
 */
export function readPack(files: PackFile[], options: ReadPackOptions = {}): AdvisoryPack {
  const byPath = new Map(files.map((file) => [file.path.replace(/\\/g, '/'), file]));
  const documents = [...byPath.values()].filter(
    (file) => /\.json$/i.test(file.path) && !IGNORED.test(file.path),
  );
  const problems: PackProblem[] = [];
  const kept = new Map<string, { advisory: Advisory; file: string }>();
  const superseded: AdvisoryPack['superseded'] = [];
  let verified = 0;
  const decoder = new TextDecoder('utf-8');
  documents.sort((a, b) => a.path.localeCompare(b.path));
  documents.forEach((file, index) => {
    options.onProgress?.(index, documents.length);
    const sidecar = byPath.get(`${file.path}.sha512`) ?? byPath.get(file.path.replace(/\.json$/i, '.sha512'));
    if (sidecar) {
      const expected = sidecarDigest(decoder.decode(sidecar.bytes));
      if (!expected) throw new PackError(sidecar.path, 'is not a SHA-512 checksum file');
      if (bytesToHex(sha512(file.bytes)) !== expected) {
        throw new PackError(file.path, `does not match its checksum in ${sidecar.path}: the pack is refused`);
      }
      verified++;
    }
    let advisory: Advisory;
    try {
      advisory = readCsaf(JSON.parse(decoder.decode(file.bytes)));
    } catch (error) {
      const reason =
        error instanceof CsafError
          ? error.message
          : error instanceof SyntaxError
            ? `not valid JSON (${error.message})`
            : String(error);
      problems.push({ file: file.path, message: reason });
      return;
    }
    const earlier = kept.get(advisory.id);
    if (!earlier) {
      kept.set(advisory.id, { advisory, file: file.path });
      return;
    }
    const newer =
      compareRevisions(advisory.revision, earlier.advisory.revision) > 0 ||
      (compareRevisions(advisory.revision, earlier.advisory.revision) === 0 &&
        advisory.currentRelease > earlier.advisory.currentRelease);
    const [winner, loser] = newer
      ? [{ advisory, file: file.path }, earlier]
      : [earlier, { advisory, file: file.path }];
    kept.set(advisory.id, winner);
    superseded.push({
      file: loser.file,
      id: advisory.id,
      revision: loser.advisory.revision,
      by: winner.file,
    });
  });
  options.onProgress?.(documents.length, documents.length);
  const advisories = [...kept.values()]
    .map((entry) => entry.advisory)
    .sort((a, b) => a.id.localeCompare(b.id));
  const dates = advisories
    .flatMap((a) => [a.initialRelease, a.currentRelease])
    .filter(Boolean)
    .sort();
  return {
    advisories,
    from: dates.length > 0 ? dateOnly(dates[0]!) : null,
    to: dates.length > 0 ? dateOnly(dates[dates.length - 1]!) : null,
    files: documents.length,
    superseded,
    problems,
    verified,
  };
}
