import { importAssessmentFile, ImportFileError } from '../../db/file-transfer';
import { platform } from '../../platform';
import { notify } from '../../ui/notices';

/** Imports assessment files one by one, saying for each what came in or why it did not. */
export async function importAssessmentFiles(files: readonly { name: string; bytes: Uint8Array }[]) {
  for (const file of files) {
    try {
      const { assessment, asCopy } = await importAssessmentFile(file.name, file.bytes);
      notify(
        'success',
        `Imported “${assessment.title}”`,
        asCopy ? ['It was already here, so it came in as a copy.'] : undefined,
      );
    } catch (error) {
      if (error instanceof ImportFileError) notify('error', error.message, error.problems);
      else notify('error', `${file.name} was not imported: ${(error as Error).message}`);
    }
  }
}

/** Lets the user pick assessment files and imports them. */
export async function pickAndImportAssessments() {
  const files = await platform().openFiles({
    title: 'Import assessment',
    multiple: true,
    filters: [{ name: 'Conduit assessment', extensions: ['json'] }],
  });
  await importAssessmentFiles(files);
}

/** Imports files dropped on the home page. */
export async function importDroppedAssessments(files: readonly File[]) {
  const read = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  await importAssessmentFiles(read);
}
