import { MIN_BACKUP_PASSPHRASE } from '../../../shared/bridge-validation';

export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong';

/**
 * A rough hint, not a guarantee: bits are estimated from length and the kinds of characters
 * used, with repeats and runs discounted. A full estimator (zxcvbn's dictionaries) is a large
 * dependency for one hint line; the floor that matters, the minimum length, is enforced by the
 * host anyway.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const chars = [...passphrase];
  if (chars.length < MIN_BACKUP_PASSPHRASE) return 'too-short';
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  const distinct = new Set(chars).size;
  const effectiveLength = Math.min(chars.length, distinct * 2);
  const bits = effectiveLength * Math.log2(Math.max(pool, 2));
  if (bits < 60) return 'weak';
  if (bits < 80) return 'fair';
  return 'strong';
}

export const STRENGTH_HINTS: Record<PassphraseStrength, string> = {
  'too-short': `At least ${MIN_BACKUP_PASSPHRASE} characters. Four or five unrelated words are easy to type and hard to guess.`,
  weak: 'Weak: add more words or characters. Anyone with the file can try passphrases offline.',
  fair: 'Fair: a few more words would make it strong.',
  strong: 'Strong.',
};
