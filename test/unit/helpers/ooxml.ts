import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** One part of an OOXML package, as the system's unzip reads it. */
export function unzipPart(bytes: Uint8Array, name: string, part: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-ooxml-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const result = spawnSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status, `${part}: ${result.stderr}`).toBe(0);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The names of the parts in an OOXML package, as `unzip -Z1` lists them. */
export function zipEntries(bytes: Uint8Array, name: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-ooxml-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const result = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of word/document.xml: each w:p's runs joined, its style, and whether it holds a picture. */
export function docxParagraphs(xml: string): { style: string | null; text: string; picture: boolean }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: unescapeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    picture: p.includes('<pic:pic'),
  }));
}
