import { readFile } from 'node:fs/promises';
import { AssessmentFileError, parseAssessmentFile, type AssessmentData } from '../../shared/model';

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

/** Reads and validates an assessment file; an unreadable file throws UnreadableFileError. */
export async function readAssessmentFile(file: string): Promise<AssessmentData> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UnreadableFileError(
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  return parseAssessmentFile(text);
}

export { AssessmentFileError };
