import { z } from 'zod';
import { isoDateTime } from './common';
import { aliasId, foldAliasKeys, type AliasRecord } from '../vendors';

/**
 * The assessor's vendor and device-type aliases as the assessment file carries them (an optional
 * field within format version 4): the app keeps them app-wide in IndexedDB, so the file brings them
 * to the CLI and to another machine.
 */
export const aliasRecordSchema = z.object({
  id: z.string().max(400).optional(),
  kind: z.enum(['vendor', 'type'], 'the kind must be "vendor" or "type"'),
  spelling: z.string().trim().min(1, 'the spelling is empty').max(200),
  canonical: z.string().trim().min(1, 'the name it stands for is empty').max(200),
  updatedAt: isoDateTime.optional(),
});

/** Records read from a file, each under today's key (files written before a key changed). */
export function aliasRecords(
  entries: readonly z.infer<typeof aliasRecordSchema>[],
  fallbackDate: string,
): AliasRecord[] {
  return foldAliasKeys(
    entries.map(({ kind, spelling, canonical, updatedAt }) => ({
      id: aliasId({ kind, spelling }),
      kind,
      spelling,
      canonical,
      updatedAt: updatedAt ?? fallbackDate,
    })),
  );
}

export class AliasListError extends Error {
  override name = 'AliasListError';
}

/**
 * An aliases file as `--aliases` takes it: a JSON list of { kind, spelling, canonical }, or an
 * object with such a list under "aliases" (an assessment file among them). Every problem is named
 * by entry; entries without a date count as saved at `now`, so they win over older ones.
 */
export function parseAliasList(text: string, fileName: string, now: string): AliasRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new AliasListError(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  const list =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>).aliases
      : raw;
  if (!Array.isArray(list)) {
    throw new AliasListError(
      `${fileName}: expected a list of aliases ({ "kind", "spelling", "canonical" }), or an object with one under "aliases"`,
    );
  }
  const entries = list.map((entry, index) => {
    const result = aliasRecordSchema.safeParse(entry);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    const field = issue.path[0];
    const why =
      issue.code === 'invalid_type' && typeof field === 'string'
        ? `"${field}" is missing or not text`
        : issue.message;
    throw new AliasListError(`${fileName}: alias ${index + 1}: ${why}`);
  });
  return aliasRecords(entries, now);
}
