import { useEffect, useState } from 'react';
import { describeOutcome, sniffBinary } from '../../../shared/importers';
import type { Asset } from '../../../shared/model';
import { useFileHandoff } from '../../ui/file-handoff';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { ImportDialog } from './ImportDialog';
import type { PendingFile } from './use-import-dialog';
import { queueSummary, resultLine, type FileResult } from './import-results';

/** Enough of a file to tell a capture, an archive or a document from a text export. */
const SNIFF_BYTES = 65_536;

async function sniffFile(file: PendingFile): Promise<FileResult | null> {
  const head = new Uint8Array(await file.blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const content = sniffBinary(head);
  return content ? { kind: 'not-text', name: file.name, file: file.blob, content } : null;
}

/**
 * A lone file that came in says so in a notice (one refused or cancelled was said in its dialog);
 * several files, or one that is not a text export, get the summary instead.
 */
function notifyLone(result: FileResult): void {
  if (result.kind === 'imported') {
    notify('success', `Imported ${result.name}`, describeOutcome(result.name, result.outcome).lines);
  } else if (result.kind === 'unchanged') {
    notify('info', describeOutcome(result.name, result.outcome).headline);
  }
}

/**
 * Files chosen or dropped together, imported one after the other: "file 2 of 4", a preview for
 * each, and one summary at the end with what each file held and what was done with it. A file
 * that fails or is not a text export does not stop the others. Files dropped meanwhile join.
 */
export function useImportQueue(assessmentId: string, onInventory: (assets: Asset[]) => void) {
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [results, setResults] = useState<FileResult[]>([]);
  const [sniffed, setSniffed] = useState<string | null>(null);
  const current = files[results.length];
  const finished = files.length > 0 && results.length === files.length;
  const needsSummary = finished && (files.length > 1 || results[0]!.kind === 'not-text');

  const enqueue = (dropped: File[]) =>
    setFiles((q) => [...q, ...dropped.map((f) => ({ id: crypto.randomUUID(), name: f.name, blob: f }))]);
  const record = (result: FileResult) => {
    if (result.kind === 'imported') onInventory(result.inventory);
    setResults((r) => [...r, result]);
  };
  const reset = () => {
    setFiles([]);
    setResults([]);
  };

  useEffect(() => {
    if (!current) return;
    let live = true;
    void sniffFile(current).then(
      (result) => live && (result ? record(result) : setSniffed(current.id)),
      () => live && setSniffed(current.id),
    );
    return () => {
      live = false;
    };
    // Sniffs each file once, when its turn comes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current?.id]);

  useEffect(() => {
    if (!finished || needsSummary) return;
    notifyLone(results[0]!);
    reset();
  }, [finished, needsSummary, results]);

  let view: React.ReactNode = null;
  if (current && sniffed === current.id) {
    view = (
      <ImportDialog
        key={current.id}
        file={current}
        assessmentId={assessmentId}
        position={{ index: results.length + 1, total: files.length }}
        onDone={record}
      />
    );
  } else if (needsSummary) {
    view = <ImportSummary results={results} onClose={reset} />;
  }
  return { enqueue, view };
}

function ImportSummary({ results, onClose }: { results: readonly FileResult[]; onClose: () => void }) {
  const handoff = useFileHandoff();
  const captures = results.filter(
    (r): r is Extract<FileResult, { kind: 'not-text' }> => r.kind === 'not-text' && r.content.capture,
  );
  const taker = handoff.takerOf('capture');
  return (
    <Modal title="Import results" onClose={onClose} wide>
      <p data-testid="import-summary">{queueSummary(results)}</p>
      <ul className="import-results" aria-label="Files">
        {results.map((result, i) => (
          <li key={i} data-testid="import-result" className={`import-result import-result-${result.kind}`}>
            {resultLine(result)}
          </li>
        ))}
      </ul>
      {captures.length > 0 && (
        <p className="import-captures">
          {captures.length === 1 ? 'This is a packet capture' : 'These are packet captures'}: Connections
          imports captures and reconciles their traffic against the conduits.
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        {captures.length > 0 && taker && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              onClose();
              handoff.handOff(
                'capture',
                captures.map((c) => (c.file instanceof File ? c.file : new File([c.file], c.name))),
              );
            }}
          >
            Import {captures.length === 1 ? 'the capture' : `the ${captures.length} captures`} in {taker}
          </button>
        )}
      </div>
    </Modal>
  );
}
