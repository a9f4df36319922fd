/// <reference lib="webworker" />
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import {
  decodeIndex,
  encodeIndex,
  matchAssets,
  PackError,
  readPack,
  unpackArchive,
} from '../../shared/advisories';
import type { AdvisoryWorkerMessage, AdvisoryWorkerRequest } from './advisory-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: AdvisoryWorkerMessage, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

function match(request: Extract<AdvisoryWorkerRequest, { type: 'match' }>): void {
  post({ type: 'progress', done: 0, total: request.assets.length, step: 'reading the advisories' });
  const index = decodeIndex(request.index);
  const result = matchAssets(index, new Set(request.kev), request.assets, {
    onProgress: (done, total) => post({ type: 'progress', done, total, step: 'matching' }),
  })!;
  post({ type: 'matched', matches: [...result] });
}

function readPackFiles(request: Extract<AdvisoryWorkerRequest, { type: 'read-pack' }>): void {
  const files =
    request.files.length === 1 && !/\.json$/i.test(request.files[0]!.path)
      ? unpackArchive(request.name, request.files[0]!.bytes)
      : request.files;
  const pack = readPack(files, {
    onProgress: (done, total) =>
      post({ type: 'progress', done, total, step: 'checking and reading advisories' }),
  });
  if (pack.advisories.length === 0) {
    throw new PackError(
      request.name,
      `holds no CSAF advisory${pack.problems.length > 0 ? ` (${pack.problems.length} files unreadable)` : ''}`,
    );
  }
  const index = encodeIndex({
    source: { file: request.name, sha256: '' },
    from: pack.from,
    to: pack.to,
    advisories: pack.advisories,
  });
  post(
    {
      type: 'pack',
      index,
      from: pack.from,
      to: pack.to,
      advisories: pack.advisories.length,
      files: pack.files,
      verified: pack.verified,
      superseded: pack.superseded.length,
      problems: pack.problems,
      sha256: bytesToHex(sha256(index)),
    },
    [index.buffer],
  );
}

scope.onmessage = (event: MessageEvent<AdvisoryWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'match') match(request);
    else readPackFiles(request);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
