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

/**
 * Reads the assessment file a command works on. A bad or unreadable file is explained on stderr
 * (every problem as "file: where: why") and gives null: the command then exits 2.
 */
export async function readAssessmentOrExplain(
  file: string,
  io: { stderr(text: string): void },
): Promise<AssessmentData | null> {
  try {
    return await readAssessmentFile(file);
  } catch (error) {
    if (error instanceof UnreadableFileError) io.stderr(`${error.message}\n`);
    else if (error instanceof AssessmentFileError) {
      for (const problem of error.problems) io.stderr(`${file}: ${problem}\n`);
    } else throw error;
    return null;
  }
}
