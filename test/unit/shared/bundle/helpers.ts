import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { inflateSync, unzipSync, zipSync, type Zippable } from 'fflate';
import type { BundleSigner } from '../../../../shared/bundle';
import { hasCommand } from '../../helpers/tools';

export function run(
  command: string,
  args: string[],
  options: { cwd?: string; input?: Uint8Array | string; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: options.cwd,
    input: options.input,
    env: options.env,
    encoding: 'utf8',
  });
}

export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'conduit-bundle-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Extracts a zip with the system's unzip (or Python's zipfile), never with our own reader. */
export function extractWithSystemTool(zipFile: string, into: string): void {
  if (hasCommand('unzip')) execFileSync('unzip', ['-q', zipFile, '-d', into]);
  else
    execFileSync('python3', [
      '-c',
      'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      zipFile,
      into,
    ]);
}

/** An Ed25519 signer over a non-extractable WebCrypto key, as the browser build keeps it. */
export async function webCryptoSigner(identity: {
  name: string;
  organization: string;
  email: string;
}): Promise<BundleSigner> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return {
    ...identity,
    publicKey,
    sign: async (data) =>
      new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, data as BufferSource)),
  };
}

/** Unzips with fflate, lets the test change the files (path → bytes), and zips them again. */
export function rezip(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files))
    zippable[path] = [data, { level: 0, mtime: new Date(2026, 0, 1) }];
  return zipSync(zippable);
}

export interface RawEntry {
  name: string;
  data: Uint8Array;
  method?: 0 | 8;
  /** Override the uncompressed size written in the headers. */
  declaredSize?: number;
  /** Point the entry at another entry's local header (for overlap tests). */
  sameLocalAs?: number;
  /** Override the CRC-32 (by default that of the data, inflated when deflated and inflatable). */
  crc?: number;
}

function crcOf(entry: RawEntry): number {
  if (entry.crc !== undefined) return entry.crc;
  if (entry.method !== 8) return crc32(entry.data);
  try {
    return crc32(inflateSync(entry.data));
  } catch {
    return 0;
  }
}

/**
 * Writes a zip by hand, byte by byte, so tests can produce archives no zip library would:
 * "../" names, duplicates, lying sizes, shared data.
 */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = new Uint8Array(30 + name.length + entry.data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, entry.method ?? 0, true);
    lv.setUint32(14, crcOf(entry), true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(entry.data, 30 + name.length);
    const localOffset = entry.sameLocalAs === undefined ? offset : offsets[entry.sameLocalAs]!;
    offsets.push(offset);
    if (entry.sameLocalAs === undefined) {
      locals.push(local);
      offset += local.length;
    }
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 0x0314, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, entry.method ?? 0, true);
    cv.setUint32(16, crcOf(entry), true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, localOffset, true);
    central.set(name, 46);
    centrals.push(central);
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
