import { compareUtf8 } from './names';

/** `sha256sum -c` format: "<hex>  <path>" per line, sorted by path, LF. */
export function formatSha256Sums(files: readonly { path: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => compareUtf8(a.path, b.path))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

export interface ParsedSha256Sums {
  /** path → expected lower-case hex digest. */
  digests: Map<string, string>;
  problems: string[];
}

/** Reads SHA256SUMS strictly: only lines our builder writes (no escaped names, no duplicates). */
export function parseSha256Sums(text: string): ParsedSha256Sums {
  const digests = new Map<string, string>();
  const problems: string[] = [];
  if (text.length > 0 && !text.endsWith('\n'))
    problems.push('SHA256SUMS: the last line does not end with a line feed');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) {
      problems.push(`SHA256SUMS line ${index + 1}: not "<sha256>  <path>"`);
      return;
    }
    const [, digest, path] = match as unknown as [string, string, string];
    if (digests.has(path)) problems.push(`SHA256SUMS line ${index + 1}: ${path} is listed twice`);
    digests.set(path, digest);
  });
  return { digests, problems };
}
