import { useEffect, useState } from 'react';
import type { ColumnMapping, InventoryFormat } from '../../../shared/importers';
import { listMappingPresets, saveMappingPreset, type SavedMapping } from '../../db/inventory';
import { trackSave } from '../../db/save-status';
import { notify } from '../../ui/notices';
import { closedResult, importDialogState } from './import-dialog-state';
import type { FileResult } from './import-results';
import { useImportSession } from './use-import-session';

export interface PendingFile {
  id: string;
  name: string;
  /** A File from a drop or the file input, or a Blob of picked bytes: the worker reads it. */
  blob: Blob;
}

/** The saved column mappings, and the name the next one is saved under. */
function usePresets() {
  const [presets, setPresets] = useState<SavedMapping[]>([]);
  const [presetName, setPresetName] = useState('');
  useEffect(() => void listMappingPresets().then(setPresets), []);
  const save = async (mapping: ColumnMapping) => {
    try {
      await trackSave(saveMappingPreset(presetName, mapping));
      setPresets(await listMappingPresets());
      notify('success', `Saved the mapping as “${presetName.trim()}”`);
    } catch (e) {
      notify('error', `Could not save the preset: ${(e as Error).message}`);
    }
  };
  return { presets, presetName, setPresetName, save };
}

/**
 * One file's import as the dialog drives it: the session, the chosen format and mapping, the
 * consent to skip malformed records, and the two ways out (import it, or close and say why not).
 */
export type ImportDialogModel = ReturnType<typeof useImportDialog>;

export function useImportDialog(
  file: PendingFile,
  assessmentId: string,
  position: { index: number; total: number } | undefined,
  onDone: (result: FileResult) => void,
) {
  const session = useImportSession(file.name, file.blob, assessmentId);
  const { stage, summary, error } = session;
  const [format, setFormat] = useState<InventoryFormat | ''>('');
  const [acceptSkipped, setAcceptSkipped] = useState(false);
  const presets = usePresets();
  const state = importDialogState(stage, summary, acceptSkipped, position);

  const reparse = (nextFormat: InventoryFormat | '', mapping: ColumnMapping | null) => {
    setAcceptSkipped(false);
    void session.parse(nextFormat, mapping);
  };
  const chooseFormat = (next: InventoryFormat | '') => {
    setFormat(next);
    reparse(next, null);
  };
  const remap = (mapping: ColumnMapping) => reparse(format, mapping);

  async function importIt() {
    const result = await session.commit(acceptSkipped);
    if (!result) return;
    onDone(
      result.batch
        ? { kind: 'imported', name: file.name, outcome: result.outcome, inventory: result.inventory }
        : { kind: 'unchanged', name: file.name, outcome: result.outcome },
    );
  }

  function close() {
    session.cancel();
    onDone(closedResult(file.name, stage, error, summary, state));
  }

  return {
    ...session,
    ...state,
    format,
    chooseFormat,
    remap,
    acceptSkipped,
    setAcceptSkipped,
    presets,
    importIt,
    close,
  };
}
