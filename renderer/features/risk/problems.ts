import { ZodError } from 'zod';

/** A save error in words: each zod issue's message (never its path), else the error's message. */
export function problemsOf(error: unknown): string[] {
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message);
  return [(error as Error).message ?? String(error)];
}
