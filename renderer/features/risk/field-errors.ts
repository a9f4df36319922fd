import type { ZodError } from 'zod';
import { fieldMessages } from '../../../shared/model';

/** A zod failure as one message per top-level field, in words (the path only picks the field). */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  return fieldMessages(error);
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "T0886, t0883 T0822" → ids, normalised; the unknown ones are reported by the caller. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}
