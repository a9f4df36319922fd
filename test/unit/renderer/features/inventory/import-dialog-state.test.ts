import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../../shared/importers';
import {
  closeButtonLabel,
  closedResult,
  importDialogState,
} from '../../../../../renderer/features/inventory/import-dialog-state';

const outcome = (fields: Partial<ImportOutcome> = {}): ImportOutcome => ({
  records: 3,
  assetRecords: 3,
  connectionRecords: 0,
  newAssets: 0,
  updatedAssets: 0,
  unchangedAssets: 3,
  mergedRecords: 0,
  newConnections: 0,
  knownConnections: 0,
  unlinkedConnections: 0,
  malformed: 0,
  ...fields,
});
const adds = { skipped: 0, predicted: outcome({ newAssets: 2, unchangedAssets: 1 }) };
const unchanged = { skipped: 0, predicted: outcome() };
const alone = undefined;
const firstOfTwo = { index: 1, total: 2 };
const lastOfTwo = { index: 2, total: 2 };

describe('the import dialog', () => {
  it('locks its choices while the worker reads or writes', () => {
    expect(importDialogState('parsing', null, false, alone).busy).toBe(true);
    expect(importDialogState('writing', adds, false, alone).busy).toBe(true);
    expect(importDialogState('preview', adds, false, alone).busy).toBe(false);
    expect(importDialogState('failed', null, false, alone).busy).toBe(false);
  });

  it('imports only a preview that changes something, and malformed records only once accepted', () => {
    expect(importDialogState('preview', adds, false, alone)).toMatchObject({
      canImport: true,
      nothingToDo: false,
    });
    expect(importDialogState('preview', unchanged, false, alone)).toMatchObject({
      canImport: false,
      nothingToDo: true,
    });
    const malformed = { ...adds, skipped: 4 };
    expect(importDialogState('preview', malformed, false, alone).canImport).toBe(false);
    expect(importDialogState('preview', malformed, true, alone).canImport).toBe(true);
    expect(importDialogState('parsing', adds, true, alone).canImport).toBe(false);
    expect(importDialogState('failed', adds, true, alone).canImport).toBe(false);
  });

  it('names its close button after what comes next in the queue', () => {
    const label = (stage: 'preview' | 'failed', summary: typeof adds, position?: typeof firstOfTwo) =>
      closeButtonLabel(stage, importDialogState(stage, summary, false, position));
    expect(label('preview', adds)).toBe('Cancel');
    expect(label('preview', adds, firstOfTwo)).toBe('Skip this file');
    expect(label('preview', adds, lastOfTwo)).toBe('Cancel');
    expect(label('preview', unchanged)).toBe('Close');
    expect(label('preview', unchanged, firstOfTwo)).toBe('Next file');
    expect(label('failed', adds, firstOfTwo)).toBe('Next file');
    expect(label('failed', adds)).toBe('Close');
  });

  it('says on close whether the file was refused, changed nothing, or was skipped', () => {
    const state = (stage: 'preview' | 'failed', summary: typeof adds | null) =>
      importDialogState(stage, summary, false, alone);
    expect(closedResult('a.csv', 'failed', 'Not a CSV.', null, state('failed', null))).toEqual({
      kind: 'refused',
      name: 'a.csv',
      message: 'Not a CSV.',
    });
    expect(closedResult('a.csv', 'preview', null, unchanged, state('preview', unchanged))).toEqual({
      kind: 'unchanged',
      name: 'a.csv',
      outcome: unchanged.predicted,
    });
    expect(closedResult('a.csv', 'preview', null, adds, state('preview', adds))).toEqual({
      kind: 'skipped',
      name: 'a.csv',
    });
  });
});
