import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ReactNode } from 'react';
import {
  deleteAdvisoryPack,
  listAdvisoryPacks,
  storeAdvisoryPack,
  type StoredAdvisoryPack,
} from '../../db/advisory-packs';
import { notify } from '../../ui/notices';
import type { MatchProgress } from '../../workers/advisory.worker';
import { describeBundled, importKevInWorker, importPackInWorker, type CancellableJob } from './match-client';

type Bundled = { from: string | null; to: string | null; advisories: number };
type ImportJob = { cancel: () => void; progress: MatchProgress | null };

function dates(from: string | null, to: string | null): string {
  return from && to ? `${from} to ${to}` : 'no dates';
}

function PackRow({ pack, onRemove }: { pack: StoredAdvisoryPack; onRemove: () => void }) {
  const counts =
    pack.kind === 'kev'
      ? `KEV catalog ${pack.kev?.version ?? ''}: ${pack.kev?.cves.length ?? 0} CVEs`
      : `${pack.advisories} advisories from ${pack.files} files, ${pack.verified} ${pack.verified === 1 ? 'checksum' : 'checksums'} verified, ${pack.superseded} superseded by a later revision`;
  return (
    <li data-testid="advisory-pack">
      <strong>{pack.name}</strong> · {dates(pack.from, pack.to)} · {counts}
      {pack.problems.length > 0 && (
        <details>
          <summary>
            {pack.problems.length} {pack.problems.length === 1 ? 'file' : 'files'} not read
          </summary>
          <ul>
            {pack.problems.map((p) => (
              <li key={p.file}>
                {p.file}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}{' '}
      <button type="button" className="button" onClick={onRemove}>
        Remove {pack.name}
      </button>
    </li>
  );
}

/** The bundled index's dates and size, read once. */
function useBundled(): Bundled | null {
  const [bundled, setBundled] = useState<Bundled | null>(null);
  useEffect(() => void describeBundled().then(setBundled, () => setBundled(null)), []);
  return bundled;
}

/** The bundled index and each imported pack, with its removal. */
function PackList({ onRemoved }: { onRemoved: () => void }) {
  const packs = useLiveQuery(listAdvisoryPacks, []);
  const bundled = useBundled();
  return (
    <ul>
      <li data-testid="advisory-pack">
        <strong>Bundled CISA ICS advisories</strong> ·{' '}
        {bundled ? `${dates(bundled.from, bundled.to)} · ${bundled.advisories} advisories` : 'reading…'}
      </li>
      {(packs ?? []).map((pack) => (
        <PackRow
          key={pack.id}
          pack={pack}
          onRemove={() => void deleteAdvisoryPack(pack.id).then(onRemoved)}
        />
      ))}
    </ul>
  );
}

/** Runs one import job at a time with progress and cancel; stores what it returns. */
function useImport(onImported: () => void) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const start = (make: (onProgress: (p: MatchProgress) => void) => CancellableJob<StoredAdvisoryPack>) => {
    const running = make((progress) => setJob((j) => (j ? { ...j, progress } : j)));
    setJob({ cancel: running.cancel, progress: null });
    running.result
      .then(async (pack) => {
        if (!pack) return notify('info', 'Import cancelled', ['Nothing was stored.']);
        await storeAdvisoryPack(pack);
        notify('success', `Imported ${pack.name}`, [
          pack.kind === 'kev'
            ? `${pack.kev?.cves.length ?? 0} known exploited CVEs`
            : `${pack.advisories} advisories, ${dates(pack.from, pack.to)}`,
          ...pack.problems.map((p) => `${p.file}: ${p.message}`),
        ]);
        onImported();
      })
      .catch((error: Error) => notify('error', 'The pack was not imported', [error.message]))
      .finally(() => setJob(null));
  };
  const picked = (files: FileList | null, kev: boolean) => {
    const list = [...(files ?? [])];
    if (list.length === 0) return;
    start((onProgress) => (kev ? importKevInWorker(list[0]!) : importPackInWorker(list, onProgress)));
  };
  return { job, picked };
}

/** A button that opens the file picker; the input is emptied after each pick, so the same file can come again. */
function FilePickButton({
  label,
  disabled,
  onPick,
  input,
}: {
  label: string;
  disabled: boolean;
  onPick: (files: FileList | null) => void;
  input: { accept?: string; testId?: string; folder?: boolean };
}) {
  return (
    <label className="button">
      {label}
      <input
        type="file"
        hidden
        accept={input.accept}
        data-testid={input.testId}
        ref={input.folder ? (el) => el?.setAttribute('webkitdirectory', '') : undefined}
        disabled={disabled}
        onChange={(e) => {
          onPick(e.target.files);
          e.target.value = '';
        }}
      />
    </label>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  return (
    <>
      <progress
        aria-label="Importing"
        max={Math.max(1, job.progress?.total ?? 1)}
        value={job.progress?.done ?? 0}
      />
      <span>{job.progress?.step ?? 'starting'}</span>
      <button type="button" className="button" onClick={job.cancel}>
        Cancel import
      </button>
    </>
  );
}

/**
 * The advisory packs matching reads (the bundled one and those imported), and their import; the
 * workspace's own actions on them (matching) sit in the same row.
 */
export function PackPanel({ onImported, children }: { onImported: () => void; children?: ReactNode }) {
  const { job, picked } = useImport(onImported);
  const busy = job !== null;
  return (
    <section className="advisory-packs" aria-label="Advisory packs">
      <PackList onRemoved={onImported} />
      <div className="toolbar">
        <FilePickButton
          label="Import advisory pack…"
          disabled={busy}
          onPick={(files) => picked(files, false)}
          input={{ accept: '.zip,.tar.gz,.tgz,.tar', testId: 'advisory-pack-input' }}
        />
        <FilePickButton
          label="Import advisory folder…"
          disabled={busy}
          onPick={(files) => picked(files, false)}
          input={{ folder: true }}
        />
        <FilePickButton
          label="Import KEV…"
          disabled={busy}
          onPick={(files) => picked(files, true)}
          input={{ accept: '.json', testId: 'kev-input' }}
        />
        {job && <ImportProgress job={job} />}
        {children}
      </div>
    </section>
  );
}
