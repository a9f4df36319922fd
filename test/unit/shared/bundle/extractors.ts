import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hasCommand } from '../../helpers/tools';

/** A tree as extracted: relative path → SHA-256 of a regular file, or "link"/"other". */
export type ExtractedTree = Map<string, string>;

export function readTree(root: string): ExtractedTree {
  const tree: ExtractedTree = new Map();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      const rel = relative(root, path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) tree.set(rel, createHash('sha256').update(readFileSync(path)).digest('hex'));
      else tree.set(rel, stat.isSymbolicLink() ? 'link' : 'other');
    }
  };
  walk(root);
  return tree;
}

export const EXTRACTORS = {
  /** Info-ZIP unzip, which reads the central directory. */
  unzip: (zipFile: string, into: string) => spawnSync('unzip', ['-qq', '-o', zipFile, '-d', into]),
  /** libarchive reading a stream: local headers only, as `cat bundle.zip | bsdtar -xf -` does. */
  'bsdtar (stream)': (zipFile: string, into: string) =>
    spawnSync('bsdtar', ['-xf', '-', '-C', into], { input: readFileSync(zipFile) }),
} as const;

export const haveExtractors = hasCommand('unzip') && hasCommand('bsdtar');

/** What each extractor writes from these zip bytes (into fresh folders under dir). */
export function extractAll(
  zip: Uint8Array,
  dir: string,
  tag: string,
): Record<keyof typeof EXTRACTORS, ExtractedTree> {
  const zipFile = join(dir, `${tag}.zip`);
  writeFileSync(zipFile, zip);
  const out = {} as Record<keyof typeof EXTRACTORS, ExtractedTree>;
  for (const [name, extract] of Object.entries(EXTRACTORS) as [
    keyof typeof EXTRACTORS,
    (typeof EXTRACTORS)[keyof typeof EXTRACTORS],
  ][]) {
    const into = join(dir, `${tag}-${name.replace(/\W+/g, '-')}`);
    mkdirSync(into, { recursive: true });
    extract(zipFile, into);
    out[name] = readTree(into);
  }
  return out;
}

/** The tree a signed bundle stands for: the files SHA256SUMS lists, plus the three signature files. */
export function signedTree(
  folder: string,
  files: { path: string; sha256: string }[],
  signatureFiles: Record<string, Uint8Array>,
): ExtractedTree {
  const tree: ExtractedTree = new Map(files.map((f) => [`${folder}/${f.path}`, f.sha256]));
  for (const [path, bytes] of Object.entries(signatureFiles))
    tree.set(`${folder}/${path}`, createHash('sha256').update(bytes).digest('hex'));
  return tree;
}
