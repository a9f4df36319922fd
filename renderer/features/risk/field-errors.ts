import type { ZodError } from 'zod';

/** A zod failure as one message per top-level field, in words (the path only picks the field). */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= capitalised(issue.message);
  }
  return out;
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "T0886, t0883 T0822" → ids, normalised; the unknown ones are reported by the caller. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}
