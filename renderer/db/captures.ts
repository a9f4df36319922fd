import type { ImportBatch } from '../../shared/model';
import type { CaptureSummary } from '../../shared/traffic/analyzer';
import { CAPTURE_FORMAT, captureToImport } from '../../shared/traffic/to-inventory';
import { commitBatch } from './import-batches';

/**
 * Merges a read capture into the assessment through the one import repository (commitBatch): its
 * assets merged into the inventory, its flows and its batch record, in one transaction, undone as
 * a batch with undoBatch. Either all of it lands or none.
 */
export async function importCapture(
  assessmentId: string,
  summary: CaptureSummary,
  file: { name: string; size: number; sha256: string },
  options: { addEndpoints?: boolean } = {},
): Promise<ImportBatch> {
  const { batch } = await commitBatch(
    assessmentId,
    { format: CAPTURE_FORMAT, fileName: file.name, readFlows: false },
    (current, context) => {
      const result = captureToImport(summary, current.assets, context, file, options);
      return {
        batch: result.batch,
        added: result.merge.added,
        updated: result.merge.updated.map((u) => u.asset),
        flows: result.flows,
        counts: result.merge.counts,
        warnings: result.merge.warnings,
      };
    },
  );
  return batch!;
}
