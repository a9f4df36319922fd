import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'fflate';
import {
  decodeIndex,
  readKev,
  readPack,
  unpackArchive,
  type AdvisoryIndex,
  type KevCatalog,
  type PackFile,
  type PackProblem,
} from '../../shared/advisories';

const BUNDLED_INDEX = fileURLToPath(new URL('../../assets/advisories/index.json.gz', import.meta.url));
const BUNDLED_KEV = fileURLToPath(
  new URL('../../assets/advisories/cisa-kev-2025-08-25.json.gz', import.meta.url),
);

export class AdvisoryInputError extends Error {
  override name = 'AdvisoryInputError';
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AdvisoryInputError(`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

async function folderFiles(root: string, dir = root): Promise<PackFile[]> {
  const files: PackFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await folderFiles(root, path)));
    else if (entry.isFile())
      files.push({ path: relative(root, path).split('\\').join('/'), bytes: await readBytes(path) });
  }
  return files;
}

export interface LoadedAdvisories {
  index: AdvisoryIndex;
  problems: PackProblem[];
}

/** The bundled index, or a pack given as a folder, .zip, .tar.gz or .tar (PackError names a bad one). */
export async function loadAdvisories(pack: string | undefined): Promise<LoadedAdvisories> {
  if (pack === undefined) return { index: decodeIndex(await readBytes(BUNDLED_INDEX)), problems: [] };
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(pack)).isDirectory();
  } catch {
    throw new AdvisoryInputError(`${pack}: no such file or folder`);
  }
  const files = isDirectory ? await folderFiles(pack) : unpackArchive(pack, await readBytes(pack));
  const read = readPack(files);
  if (read.advisories.length === 0) {
    throw new AdvisoryInputError(
      `${pack}: holds no CSAF advisory${read.problems.length > 0 ? ` (${read.problems.length} files unreadable)` : ''}`,
    );
  }
  return {
    index: { source: { file: pack, sha256: '' }, from: read.from, to: read.to, advisories: read.advisories },
    problems: read.problems,
  };
}

/** The bundled KEV catalog, or a KEV JSON given by the user (plain or gzipped). */
export async function loadKev(file: string | undefined): Promise<KevCatalog> {
  const bytes = await readBytes(file ?? BUNDLED_KEV);
  let text: string;
  try {
    text = new TextDecoder().decode(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
  } catch (error) {
    throw new AdvisoryInputError(`${file ?? BUNDLED_KEV}: cannot be read (${(error as Error).message})`);
  }
  return readKev(text, file ?? BUNDLED_KEV);
}

/** The bundled index's bytes and the bundled KEV ids: the demo plant's advisory source. */
export async function bundledAdvisorySource(): Promise<{ index: Uint8Array; kev: string[] }> {
  const [index, kev] = await Promise.all([readBytes(BUNDLED_INDEX), loadKev(undefined)]);
  return { index, kev: [...kev.entries.keys()] };
}
