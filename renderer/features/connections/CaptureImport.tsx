import { useRef, useState } from 'react';
import type { ImportBatch } from '../../../shared/model';
import { importCapture, undoCaptureImport } from '../../db/connections';
import { trackSave } from '../../db/save-status';
import { notify } from '../../ui/notices';
import { useFileDrop } from '../../ui/useFileDrop';
import { readCaptureInWorker, type CaptureProgress } from './capture-client';

const ACCEPT = '.pcap,.pcapng,.cap,.gz,application/vnd.tcpdump.pcap,application/gzip';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** Picks or takes dropped captures, reads each in a Worker with progress and cancel, and stores the aggregates. */
export function CaptureImport({ assessmentId, batches }: { assessmentId: string; batches: ImportBatch[] }) {
  const [running, setRunning] = useState<{
    name: string;
    progress: CaptureProgress | null;
    cancel: () => void;
  } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const importFiles = async (files: File[]) => {
    for (const file of files) {
      const job = readCaptureInWorker(file, (progress) =>
        setRunning((r) => (r && r.name === file.name ? { ...r, progress } : r)),
      );
      setRunning({ name: file.name, progress: null, cancel: job.cancel });
      const outcome = await job.result;
      if (outcome.kind === 'cancelled') {
        setRunning(null);
        notify('info', `Import of ${file.name} cancelled; nothing was stored`);
        return;
      }
      if (outcome.kind === 'error') {
        setRunning(null);
        notify('error', `${file.name} was not imported`, [outcome.message]);
        continue;
      }
      try {
        const batch = await trackSave(
          importCapture(assessmentId, outcome.summary, {
            name: file.name,
            size: file.size,
            sha256: outcome.sha256,
          }),
        );
        notify(
          'success',
          `Imported ${file.name}: ${outcome.summary.packets} packets, ${batch.counts.flows} flows, ${batch.counts.assets} assets`,
        );
      } catch (error) {
        notify('error', `${file.name} was not imported`, [(error as Error).message]);
      }
      setRunning(null);
    }
  };
  const drop = useFileDrop((files) => void importFiles(files));
  const progress = running?.progress;
  const percent =
    progress && progress.totalBytes > 0 ? Math.round((progress.bytes / progress.totalBytes) * 100) : 0;

  return (
    <section
      className={`capture-drop${drop.active ? ' capture-drop-active' : ''}`}
      aria-label="Packet captures"
      {...drop.handlers}
    >
      <div className="toolbar">
        <h2>Packet captures</h2>
        <button
          type="button"
          className="button button-primary"
          disabled={running !== null}
          onClick={() => input.current?.click()}
        >
          Import capture…
        </button>
        <input
          ref={input}
          type="file"
          hidden
          multiple
          accept={ACCEPT}
          data-testid="capture-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
      </div>
      <p className="hint">
        pcap or pcapng, or a .gz of either. Drop files here. Only flows and assets are kept, never packets.
      </p>
      {running && (
        <div className="capture-progress" data-testid="capture-progress">
          <span>
            {progress?.phase === 'hashing' ? 'Hashing' : 'Reading'} {running.name}
            {progress
              ? `: ${formatBytes(progress.bytes)} of ${formatBytes(progress.totalBytes)}, ${progress.packets} packets`
              : '…'}
          </span>
          <progress max={100} value={percent} aria-label={`Reading ${running.name}`} />
          <button type="button" className="button button-small" onClick={running.cancel}>
            Cancel
          </button>
        </div>
      )}
      {batches.length > 0 && (
        <ul className="batch-list">
          {batches.map((batch) => (
            <li key={batch.id} data-testid="capture-batch">
              <strong>{batch.fileName}</strong> — {batch.counts.records} packets, {batch.counts.flows} flows,{' '}
              {batch.counts.assets} assets, {formatBytes(batch.fileSize)}
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() =>
                  void trackSave(undoCaptureImport(batch)).then((r) =>
                    r.ok
                      ? notify('info', `Import of ${batch.fileName} undone`)
                      : notify('error', `Import of ${batch.fileName} cannot be undone`, [r.message]),
                  )
                }
              >
                Undo import
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
