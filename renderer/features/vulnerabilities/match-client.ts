import { gunzipSync } from 'fflate';
import indexUrl from '../../../assets/advisories/index.json.gz?url';
import kevUrl from '../../../assets/advisories/cisa-kev-2025-08-25.json.gz?url';
import {
  assembleMatches,
  distinctAssets,
  expandMatches,
  readKev,
  sliceKeys,
  type KeyMatches,
  type AdvisoryMatch,
  type MatchableAsset,
  type PackFile,
} from '../../../shared/advisories';
import { newId, nowIso, sha256Hex } from '../../../shared/model';
import type { AliasEdit } from '../../../shared/vendors';
import { listAdvisoryPacks, type StoredAdvisoryPack } from '../../db/advisory-packs';
import { listAliases } from '../../db/aliases';
import { connect, isCancelled, type WorkerClient } from '../../workers/channel';
import type { AdvisoryHandlers, MatchProgress } from '../../workers/advisory.worker';

async function bytesOf(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

let bundled: Promise<{ index: Uint8Array; kev: string[] }> | null = null;

/** The bundled advisory index (CISA ICS advisories 2017–2023) and the KEV catalog's CVE ids, read once. */
export function bundledAdvisories(): Promise<{ index: Uint8Array; kev: string[] }> {
  bundled ??= readBundled().catch((error: unknown) => {
    bundled = null;
    throw error;
  });
  return bundled;
}

async function readBundled(): Promise<{ index: Uint8Array; kev: string[] }> {
  const [index, kevBytes] = await Promise.all([bytesOf(indexUrl), bytesOf(kevUrl)]);
  // A server may send the .gz with Content-Encoding, so the browser has already inflated it.
  const kevJson = kevBytes[0] === 0x1f && kevBytes[1] === 0x8b ? gunzipSync(kevBytes) : kevBytes;
  const kev = readKev(new TextDecoder().decode(kevJson), 'cisa-kev-2025-08-25.json');
  return { index, kev: [...kev.entries.keys()] };
}

export interface MatchingSources {
  indexes: Uint8Array[];
  kev: string[];
  /** The assessor's aliases: a vendor spelling they map meets the advisories under its name. */
  aliases: AliasEdit[];
}

/**
 * What matching reads: the bundled index and every imported pack (of one advisory the latest
 * revision wins, in the worker), and the KEV catalog imported last, else the bundled one.
 */
export async function matchingSources(): Promise<MatchingSources> {
  const [bundled, stored, aliases] = await Promise.all([
    bundledAdvisories(),
    listAdvisoryPacks(),
    listAliases(),
  ]);
  const packs = stored.filter((p) => p.kind !== 'kev');
  const kev = stored.filter((p) => p.kind === 'kev' && p.kev).at(-1)?.kev?.cves ?? bundled.kev;
  return {
    indexes: [bundled.index, ...packs.map((p) => p.index)],
    kev,
    aliases: aliases.map(({ kind, spelling, canonical }) => ({ kind, spelling, canonical })),
  };
}

function advisoryWorker(): WorkerClient<AdvisoryHandlers> {
  return connect<AdvisoryHandlers>(
    new Worker(new URL('../../workers/advisory.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the advisory matcher' },
  );
}

/** A worker job the caller can cancel: `result` resolves to null once cancelled. */
export interface CancellableJob<T> {
  result: Promise<T | null>;
  cancel: () => void;
}

function cancellable<T>(run: (worker: WorkerClient<AdvisoryHandlers>) => Promise<T>): CancellableJob<T> {
  const worker = advisoryWorker();
  const result = run(worker)
    .catch((error: unknown) => {
      if (isCancelled(error)) return null;
      throw error;
    })
    .finally(() => worker.close());
  return { result, cancel: () => worker.close('cancelled') };
}

/** Workers that stay between runs, so that each reads the index and prepares its matcher once. */
let matchWorkers: Array<WorkerClient<AdvisoryHandlers>> = [];

/** Below this many distinct vendor/model/firmware keys one worker is quicker than preparing a second. */
const SPLIT_FROM_KEYS = 20_000;
const MAX_WORKERS = 2;

/**
 * A second worker pays off only with a core to spare beside the page and the first: on 2 cores the
 * bench measured 96,225 distinct keys at 1.95 s in one worker against 2.37 s in two.
 */
function workersFor(keys: number): Array<WorkerClient<AdvisoryHandlers>> {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  const spare = Math.max(1, cores - 1);
  const wanted = keys >= SPLIT_FROM_KEYS ? Math.min(MAX_WORKERS, spare) : 1;
  while (matchWorkers.length < wanted) matchWorkers.push(advisoryWorker());
  return matchWorkers.slice(0, wanted);
}

/**
 * Has the first matching worker read the index and prepare its matcher now, while the assessor
 * looks at the workspace, so that pressing Match pays only for the matching (on 100,000 distinct
 * assets the bench measured 1.95 s cold against 0.82 s warm). Failures are left to the real run.
 */
export function warmMatching(source: MatchingSources): Promise<void> {
  const [worker] = workersFor(1);
  const none = distinctAssets([]);
  return worker!
    .call('match', { sources: source, keys: none.keys })
    .then(() => undefined)
    .catch(() => undefined);
}

/**
 * Matches assets in one or two Workers with progress: each distinct vendor, model and firmware is
 * sent once, as columns, and the keys are split across the workers when there are many. Cancel
 * stops the workers at once (their matching does not pause to read messages); the next run starts
 * fresh ones.
 */
export function matchInWorker(
  assets: Array<MatchableAsset & { id: string }>,
  source: MatchingSources,
  onProgress: (done: number, total: number) => void,
): CancellableJob<Map<string, AdvisoryMatch[]>> {
  const distinct = distinctAssets(assets);
  const count = distinct.firstAsset.length;
  const workers = workersFor(count);
  const share = Math.ceil(count / workers.length);
  const done = workers.map(() => 0);
  const sources = { indexes: source.indexes, kev: source.kev, aliases: source.aliases };
  const parts = workers.map((worker, at) =>
    worker.call(
      'match',
      { sources, keys: sliceKeys(distinct.keys, at * share, Math.min(count, (at + 1) * share)) },
      {
        onProgress: (progress) => {
          done[at] = progress.done;
          const keysDone = done.reduce((a, b) => a + b, 0);
          onProgress(Math.round((keysDone / Math.max(1, count)) * assets.length), assets.length);
        },
      },
    ),
  );
  const stop = (message: string) => {
    for (const worker of workers) worker.close(message);
    matchWorkers = matchWorkers.filter((worker) => !workers.includes(worker));
  };
  const result = Promise.all(parts)
    .then((answers) => {
      // A run the worker saw cancelled first answers null: no matches, as before.
      if (answers.some((answer) => answer === null)) return new Map<string, AdvisoryMatch[]>();
      return expandMatches(assembleMatches(distinct, answers as KeyMatches[]), assets);
    })
    .catch((error: unknown) => {
      if (isCancelled(error)) return null;
      stop('the advisory matcher failed');
      throw error;
    });
  return { result, cancel: () => stop('cancelled') };
}

/** The bundled pack's line in the pack list. */
export async function describeBundled(): Promise<{
  from: string | null;
  to: string | null;
  advisories: number;
}> {
  const { index } = await bundledAdvisories();
  const worker = advisoryWorker();
  try {
    return await worker.call('describeIndex', { index });
  } finally {
    worker.close();
  }
}

/** The files the assessor picked: one .zip / .tar.gz archive, or a folder's files. */
async function packRequest(
  files: readonly File[],
): Promise<{ name: string; files?: PackFile[]; archive?: Uint8Array }> {
  if (files.length === 1 && !files[0]!.webkitRelativePath) {
    return { name: files[0]!.name, archive: new Uint8Array(await files[0]!.arrayBuffer()) };
  }
  const folder = files[0]?.webkitRelativePath.split('/')[0] || 'folder';
  const read = await Promise.all(
    files.map(async (file) => ({
      path: file.webkitRelativePath || file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { name: folder, files: read };
}

/** Reads, checks and indexes a pack in the worker; the record to store, or null once cancelled. */
export function importPackInWorker(
  files: readonly File[],
  onProgress: (progress: MatchProgress) => void,
): CancellableJob<StoredAdvisoryPack> {
  return cancellable(async (worker) => {
    const request = await packRequest(files);
    const pack = await worker.call('importPack', request, { onProgress });
    return {
      id: newId(),
      name: request.name,
      importedAt: nowIso(),
      kind: 'csaf' as const,
      ...pack,
      sha256: await sha256Hex(pack.index),
    };
  });
}

/** Reads a KEV catalog JSON in the worker; the record to store. */
export function importKevInWorker(file: File): CancellableJob<StoredAdvisoryPack> {
  return cancellable(async (worker) => {
    const text = await file.text();
    const kev = await worker.call('importKev', { name: file.name, text });
    const bytes = new TextEncoder().encode(text);
    return {
      id: newId(),
      name: file.name,
      importedAt: nowIso(),
      kind: 'kev' as const,
      from: kev.released,
      to: kev.released,
      advisories: 0,
      files: 1,
      verified: 0,
      superseded: 0,
      problems: [],
      sha256: await sha256Hex(bytes),
      index: new Uint8Array(),
      kev: { version: kev.version, cves: kev.cves },
    };
  });
}
