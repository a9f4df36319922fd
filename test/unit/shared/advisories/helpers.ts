import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeIndex, unpackArchive, type AdvisoryIndex, type PackFile } from '../../../../shared/advisories';

export const ADVISORY_ASSETS = join(import.meta.dirname, '../../../../assets/advisories');
export const SNAPSHOT_PATH = join(ADVISORY_ASSETS, 'cisa-csaf-ot-2017-2023.tar.gz');
export const INDEX_PATH = join(ADVISORY_ASSETS, 'index.json.gz');
export const KEV_PATH = join(ADVISORY_ASSETS, 'cisa-kev-2025-08-25.json.gz');

let files: PackFile[] | null = null;
/** The shipped snapshot's files (unpacked once per test file). */
export function snapshotFiles(): PackFile[] {
  files ??= unpackArchive('cisa-csaf-ot-2017-2023.tar.gz', new Uint8Array(readFileSync(SNAPSHOT_PATH)));
  return files;
}

/** One real advisory file of the snapshot, with its sidecar. */
export function snapshotFile(name: string): { json: PackFile; sidecar: PackFile } {
  const json = snapshotFiles().find((f) => f.path.endsWith(`/${name}`));
  const sidecar = snapshotFiles().find((f) => f.path.endsWith(`/${name}.sha512`));
  if (!json || !sidecar) throw new Error(`${name} is not in the snapshot`);
  return { json, sidecar };
}

let index: AdvisoryIndex | null = null;
export function shippedIndex(): AdvisoryIndex {
  index ??= decodeIndex(new Uint8Array(readFileSync(INDEX_PATH)));
  return index;
}
