import { useRef, useState } from 'react';
import type { ImportBatch } from '../../../shared/model';
import { trackSave } from '../../db/save-status';
import { notify } from '../../ui/notices';
import { useFileDrop } from '../../ui/useFileDrop';
import { WorkerError } from '../../workers/channel';
import { importCaptureInWorker, undoCaptureInWorker, type CaptureProgress } from './capture-client';

const ACCEPT = '.pcap,.pcapng,.cap,.gz,application/vnd.tcpdump.pcap,application/gzip';

const PHASE_LABELS: Record<CaptureProgress['phase'], string> = {
  reading: 'Reading',
  hashing: 'Hashing',
  writing: 'Storing',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** Picks or takes dropped captures, reads each in a Worker with progress and cancel, and stores the aggregates. */
export function CaptureImport({ assessmentId, batches }: { assessmentId: string; batches: ImportBatch[] }) {
  const [running, setRunning] = useState<Running | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const importFiles = async (files: File[]) => {
    for (const file of files) {
      const job = importCaptureInWorker(assessmentId, file, (progress) =>
        setRunning((r) => (r && r.name === file.name ? { ...r, progress } : r)),
      );
      setRunning({ name: file.name, progress: null, cancel: job.cancel });
      try {
        const { batch, packets, warnings } = await trackSave(job.result);
        const imported = `Imported ${file.name}: ${packets} packets, ${batch.counts.flows} flows, ${batch.counts.assets} assets`;
        if (warnings.length > 0) notify('info', imported, warnings);
        else notify('success', imported);
      } catch (error) {
        if (error instanceof WorkerError && error.kind === 'cancelled') {
          setRunning(null);
          notify('info', `Import of ${file.name} cancelled; nothing was stored`);
          return;
        }
        notify('error', `${file.name} was not imported`, [(error as Error).message]);
      }
      setRunning(null);
    }
  };
  const undo = (batch: ImportBatch) =>
    trackSave(undoCaptureInWorker(batch.id)).then(
      () => notify('info', `Import of ${batch.fileName} undone`),
      (error: Error) => notify('error', `Import of ${batch.fileName} cannot be undone`, [error.message]),
    );
  const drop = useFileDrop((files) => void importFiles(files));

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
      {running && <RunningImport running={running} />}
      {batches.length > 0 && <BatchList batches={batches} onUndo={(batch) => void undo(batch)} />}
    </section>
  );
}

interface Running {
  name: string;
  progress: CaptureProgress | null;
  cancel: () => void;
}

function RunningImport({ running }: { running: Running }) {
  const progress = running.progress;
  const percent =
    progress && progress.totalBytes > 0 ? Math.round((progress.bytes / progress.totalBytes) * 100) : 0;
  return (
    <div className="capture-progress" data-testid="capture-progress">
      <span>
        {PHASE_LABELS[progress?.phase ?? 'reading']} {running.name}
        {progress
          ? `: ${formatBytes(progress.bytes)} of ${formatBytes(progress.totalBytes)}, ${progress.packets} packets`
          : '…'}
      </span>
      <progress max={100} value={percent} aria-label={`Reading ${running.name}`} />
      <button type="button" className="button button-small" onClick={running.cancel}>
        Cancel
      </button>
    </div>
  );
}

/** The captures imported, each with its counts, where it was cut short (if it was), and its undo. */
function BatchList({ batches, onUndo }: { batches: ImportBatch[]; onUndo: (batch: ImportBatch) => void }) {
  return (
    <ul className="batch-list">
      {batches.map((batch) => (
        <li key={batch.id} data-testid="capture-batch">
          <strong>{batch.fileName}</strong> — {batch.counts.records} packets, {batch.counts.flows} flows,{' '}
          {batch.counts.assets} assets, {formatBytes(batch.fileSize)}
          {batch.warnings
            .filter((warning) => warning.record === 'capture')
            .map((warning) => (
              <p key={warning.message} className="capture-warning" role="note">
                {warning.message}
              </p>
            ))}
          <button type="button" className="button button-small button-ghost" onClick={() => onUndo(batch)}>
            Undo import
          </button>
        </li>
      ))}
    </ul>
  );
}
