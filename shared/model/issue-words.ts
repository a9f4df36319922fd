import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/**
 * Zod's own English messages ("Too small: expected string to have >=1 characters") are for
 * developers; the schemas' own messages ("a title is required") are for people. Zod's start with
 * a capital and one of these words; ours never do.
 */
const ZOD_DEFAULT = /^(Invalid|Too small|Too big|Unrecognized|Expected|Required)\b/;

const FORMAT_WORDS: Record<string, string> = {
  uuid: 'an id',
  email: 'an e-mail address',
  url: 'a web address',
  datetime: 'a date and time',
  date: 'a date',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  cidrv4: 'an IPv4 range',
  cidrv6: 'an IPv6 range',
};

function sizeWords(issue: Issue & { code: 'too_small' | 'too_big' }, label: string): string {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const least = issue.code === 'too_small';
  if (issue.origin === 'string') {
    if (least && bound <= 1) return `${label} is required`;
    return `${label} needs ${least ? 'at least' : 'at most'} ${bound} character${bound === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (least && bound <= 1) return `${label} needs at least one entry`;
    return `${label} takes ${least ? 'at least' : 'at most'} ${bound} entries`;
  }
  return `${label} must be ${least ? 'at least' : 'at most'} ${bound}`;
}

/** One zod issue as a sentence about the field `label`, with no path and no schema words. */
export function issueInWords(issue: Issue, label: string): string {
  if (!ZOD_DEFAULT.test(issue.message)) return capitalise(issue.message);
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeWords(issue, label);
    case 'invalid_type':
      // Final issues carry no input; zod's message says what it received.
      return /received (undefined|null)\b/.test(issue.message)
        ? `${label} is required`
        : `${label} is not valid`;
    case 'invalid_format': {
      const words = FORMAT_WORDS[issue.format];
      return words ? `${label} is not ${words}` : `${label} is not in the expected form`;
    }
    case 'invalid_value':
      return `${label}: choose one of the offered values`;
    default:
      return `${label} is not valid`;
  }
}

/** "assetId" → "Asset id": the words for a field that has no label given. */
function fieldWords(key: string): string {
  return capitalise(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

/**
 * A zod error as one message per top-level field (the path only picks the field; the first issue
 * of a field wins). `labels` names the fields as the form does; issues without a path go to `form`.
 */
export function fieldMessages(
  error: z.ZodError,
  labels: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    out[key] ??= issueInWords(issue, labels[key] ?? (key === 'form' ? 'The form' : fieldWords(key)));
  }
  return out;
}

/** A zod error as sentences for a list under a form (one per field). */
export function issuesInWords(error: z.ZodError, labels: Record<string, string> = {}): string[] {
  return Object.values(fieldMessages(error, labels));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
