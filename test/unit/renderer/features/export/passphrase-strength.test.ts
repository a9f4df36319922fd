import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../../../renderer/features/export/passphrase-strength';

describe('backup passphrase strength hint', () => {
  it('refuses fewer than 12 characters, and rates repeats, short mixes and long phrases apart', () => {
    expect(passphraseStrength('')).toBe('too-short');
    expect(passphraseStrength('Tr0ub4dor&3')).toBe('too-short');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('abcabcabcabc')).toBe('weak');
    expect(passphraseStrength('Tr0ub4dor&3x')).toBe('fair');
    expect(passphraseStrength('correct horse battery staple')).toBe('strong');
  });
});
