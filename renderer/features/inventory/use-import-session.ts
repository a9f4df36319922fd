import { useEffect, useRef, useState } from 'react';
import type { ColumnMapping, InventoryFormat } from '../../../shared/importers';
import { trackSave } from '../../db/save-status';
import { isCancelled, WorkerError } from '../../workers/channel';
import type { ParseSummary } from '../../workers/inventory-import.worker';
import { ImportSession, type CommittedImport, type SessionProgress } from './import-session';

export const IMPORT_MARKS = {
  parseStart: 'conduit:import-parse-start',
  parsed: 'conduit:import-parsed',
  commitStart: 'conduit:import-commit-start',
  committed: 'conduit:import-committed',
} as const;

export type Stage = 'parsing' | 'preview' | 'writing' | 'failed';

/**
 * One file's import session as the dialog sees it: the worker's progress, the preview (again after
 * a format or mapping change), the error, and the write. One session per file.
 */
export function useImportSession(name: string, blob: Blob, assessmentId: string) {
  const session = useRef<ImportSession | null>(null);
  const [stage, setStage] = useState<Stage>('parsing');
  const [progress, setProgress] = useState<SessionProgress | null>(null);
  const [summary, setSummary] = useState<ParseSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function parse(format: InventoryFormat | '', mapping: ColumnMapping | null) {
    const current = session.current;
    if (!current) return;
    setStage('parsing');
    setError(null);
    setProgress(null);
    performance.mark(IMPORT_MARKS.parseStart);
    try {
      const result = await current.parse(assessmentId, format || undefined, mapping ?? undefined);
      performance.mark(IMPORT_MARKS.parsed);
      setSummary(result);
      setStage('preview');
    } catch (e) {
      if (isCancelled(e)) return;
      setError((e as Error).message);
      setStage('failed');
    }
  }

  useEffect(() => {
    const created = new ImportSession(name, blob, setProgress);
    session.current = created;
    void parse('', null);
    return () => created.close();
    // One session per file; parse is stable enough for the first run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [blob]);

  /** Writes the file; resolves with the result, or null when it was refused (the error says why). */
  async function commit(acceptSkipped: boolean): Promise<CommittedImport | null> {
    const current = session.current;
    if (!current || !summary) return null;
    setStage('writing');
    performance.mark(IMPORT_MARKS.commitStart);
    try {
      const result = await trackSave(current.commit(assessmentId, acceptSkipped));
      performance.mark(IMPORT_MARKS.committed);
      current.close();
      return result;
    } catch (e) {
      if (isCancelled(e)) return null;
      setError((e as Error).message);
      setStage(e instanceof WorkerError && e.kind === 'refused' ? 'failed' : 'preview');
      return null;
    }
  }

  const cancel = () => session.current?.cancel();
  return { stage, progress, summary, error, parse, commit, cancel };
}
