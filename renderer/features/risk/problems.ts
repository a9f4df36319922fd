import { ZodError } from 'zod';
import { issuesInWords } from '../../../shared/model';

/** A save error in words: one sentence per field (never a path or zod's own words), else the error's message. */
export function problemsOf(error: unknown): string[] {
  if (error instanceof ZodError) return issuesInWords(error);
  return [(error as Error).message ?? String(error)];
}
