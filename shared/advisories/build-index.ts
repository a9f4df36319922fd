import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { AdvisoryIndex } from './index-file';
import { readPack, unpackArchive, type ReadPackOptions } from './pack';
import type { AdvisoryPack } from './types';

/** Reads a pack archive into the index Conduit stores, with the archive's name and SHA-256 as its source. */
export function buildIndexFromArchive(
  fileName: string,
  bytes: Uint8Array,
  options: ReadPackOptions = {},
): { index: AdvisoryIndex; pack: AdvisoryPack } {
  const pack = readPack(unpackArchive(fileName, bytes), options);
  return {
    pack,
    index: {
      source: { file: fileName, sha256: bytesToHex(sha256(bytes)) },
      from: pack.from,
      to: pack.to,
      advisories: pack.advisories,
    },
  };
}
