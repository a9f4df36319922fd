import {
  AssessmentFileError,
  assessmentFileName,
  parseAssessmentFile,
  serializeAssessmentFile,
  type Assessment,
} from '../../shared/model';
import { importAssessmentData, loadAssessmentData } from './assessments';
import { platform } from '../platform';

/** Saves `<client>-<site>.conduit.json` through the host's save dialog or download. */
export async function exportAssessmentFile(id: string): Promise<{ saved: boolean; fileName: string }> {
  const data = await loadAssessmentData(id);
  const fileName = assessmentFileName(data.assessment);
  const bytes = new TextEncoder().encode(serializeAssessmentFile(data));
  const result = await platform().saveFile({
    title: 'Export assessment',
    suggestedName: fileName,
    filters: [{ name: 'Conduit assessment', extensions: ['json'] }],
    data: bytes,
  });
  return { saved: result.saved, fileName };
}

export class ImportFileError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** Validates the whole file before anything is written; a bad file changes nothing. */
export async function importAssessmentFile(
  name: string,
  bytes: Uint8Array,
): Promise<{ assessment: Assessment; asCopy: boolean }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(name, `${name} is not a Conduit assessment file: it is not UTF-8 text.`, []);
  }
  try {
    const data = await parseAssessmentFile(text);
    return await importAssessmentData(data);
  } catch (error) {
    if (error instanceof AssessmentFileError) {
      throw new ImportFileError(name, `${name} was not imported. ${error.message}`, error.problems);
    }
    throw error;
  }
}
