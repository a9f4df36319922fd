import { useEffect, useRef, useState } from 'react';
import { readSetting, writeSetting } from '../../db/inventory';
import type { ImportBatch } from '../../../shared/model';
import { trackSave } from '../../db/save-status';
import { takeHandedFiles } from '../../ui/file-handoff';
import { notify } from '../../ui/notices';
import { useFileDrop } from '../../ui/useFileDrop';
import { WorkerError } from '../../workers/channel';
import { importCaptureInWorker, undoCaptureInWorker, type CaptureProgress } from './capture-client';
import { plural } from '../../ui/format';

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

const ENDPOINTS_SETTING = 'captures.addEndpoints';

/** Whether a capture's unknown endpoints become "seen in traffic" assets: kept as a setting. */
function useEndpointChoice() {
  const [state, setState] = useState({ value: true, loaded: false });
  // Read when an import starts, which may be before a re-render.
  const current = useRef(true);
  useEffect(() => {
    void readSetting<boolean>(ENDPOINTS_SETTING).then((saved) => {
      current.current = saved !== false;
      setState({ value: saved !== false, loaded: true });
    });
  }, []);
  const choose = (value: boolean) => {
    current.current = value;
    setState({ value, loaded: true });
    void trackSave(writeSetting(ENDPOINTS_SETTING, value));
  };
  return [{ ...state, current: current.current }, choose] as const;
}

/** Several captures imported in a row show as one notice that counts them. */
const CAPTURES_IMPORTED = {
  key: 'captures-imported',
  title: (n: number) => `${plural(n, 'capture')} imported`,
};

/**
 * Reads captures one after the other in a Worker, with progress and cancel, and stores the
 * aggregates; takes the captures handed over from another workspace once the endpoint choice is read.
 */
function useCaptureImports(assessmentId: string, addEndpoints: ReturnType<typeof useEndpointChoice>[0]) {
  const [running, setRunning] = useState<Running | null>(null);
  const importFiles = async (files: File[]) => {
    for (const file of files) {
      const job = importCaptureInWorker(
        assessmentId,
        file,
        (progress) => setRunning((r) => (r && r.name === file.name ? { ...r, progress } : r)),
        { addEndpoints: addEndpoints.current },
      );
      setRunning({ name: file.name, progress: null, cancel: job.cancel });
      try {
        const { batch, packets, warnings } = await trackSave(job.result);
        const imported = `Imported ${file.name}: ${plural(packets, 'packet')}, ${plural(batch.counts.flows, 'flow')}, ${plural(batch.counts.assets, 'asset')}`;
        // A capture cut short is kept up to the cut; its warning stays on screen until read.
        if (warnings.length > 0) notify('info', imported, warnings);
        else notify('success', imported, undefined, { group: CAPTURES_IMPORTED });
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
  // Captures dropped on another workspace (Inventory) and handed here, once the choice is read.
  useEffect(() => {
    if (!addEndpoints.loaded) return;
    const handed = takeHandedFiles('capture');
    if (handed.length > 0) void importFiles(handed);
    // Once the setting is read: the files wait in the hand-off until then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [addEndpoints.loaded]);
  const undo = (batch: ImportBatch) =>
    trackSave(undoCaptureInWorker(batch.id)).then(
      () => notify('info', `Import of ${batch.fileName} undone`),
      (error: Error) => notify('error', `Import of ${batch.fileName} cannot be undone`, [error.message]),
    );
  return { running, importFiles, undo };
}

/** The import button and its hidden file input (several captures at once). */
function CapturePicker({ disabled, onFiles }: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        disabled={disabled}
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
          onFiles(files);
        }}
      />
    </>
  );
}

function EndpointChoice({
  disabled,
  addEndpoints,
  onChoose,
}: {
  disabled: boolean;
  addEndpoints: boolean;
  onChoose: (add: boolean) => void;
}) {
  return (
    <fieldset className="capture-endpoints" disabled={disabled}>
      <legend>Endpoints that match no asset</legend>
      <label>
        <input type="radio" name="capture-endpoints" checked={addEndpoints} onChange={() => onChoose(true)} />
        Add observed endpoints to the inventory as “seen in traffic”
      </label>
      <label>
        <input
          type="radio"
          name="capture-endpoints"
          checked={!addEndpoints}
          onChange={() => onChoose(false)}
        />
        Don’t add them (their flows keep the addresses)
      </label>
    </fieldset>
  );
}

/** Picks or takes dropped captures, reads each in a Worker with progress and cancel, and stores the aggregates. */
export function CaptureImport({ assessmentId, batches }: { assessmentId: string; batches: ImportBatch[] }) {
  const [addEndpoints, setAddEndpoints] = useEndpointChoice();
  const { running, importFiles, undo } = useCaptureImports(assessmentId, addEndpoints);
  const drop = useFileDrop((files) => void importFiles(files));
  return (
    <section
      className={`capture-drop${drop.active ? ' capture-drop-active' : ''}`}
      aria-label="Packet captures"
      {...drop.handlers}
    >
      <div className="toolbar">
        <h2>Packet captures</h2>
        <CapturePicker disabled={running !== null} onFiles={(files) => void importFiles(files)} />
      </div>
      <p className="hint">
        pcap or pcapng, or a .gz of either. Drop files here. Only flows and assets are kept, never packets.
      </p>
      <EndpointChoice
        disabled={running !== null}
        addEndpoints={addEndpoints.value}
        onChoose={setAddEndpoints}
      />
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
