import { describe, expect, it } from 'vitest';
import {
  normaliseFingerprint,
  signerStanding,
  type KnownSigner,
} from '../../../../shared/bundle/known-signers';

const FP_A = 'SHA256:' + 'A'.repeat(43);
const FP_B = 'SHA256:' + 'B'.repeat(43);
const bo: KnownSigner = {
  fingerprint: FP_A,
  name: 'Bo Lindqvist',
  organization: 'Nordic OT',
  email: 'bo@example.com',
  trustedAt: '2026-03-01T00:00:00.000Z',
};

describe('signerStanding', () => {
  it('knows a trusted fingerprint and the own key, whatever name the bundle gives', () => {
    expect(signerStanding({ name: 'Anyone', email: 'x@y', fingerprint: FP_A }, [bo], null)).toEqual({
      kind: 'known',
      signer: bo,
    });
    expect(signerStanding({ name: 'Me', email: 'me@x', fingerprint: FP_B }, [bo], FP_B)).toEqual({
      kind: 'own',
    });
  });

  it('calls another key in a trusted name unknown, and names the key trusted for it', () => {
    const byEmail = signerStanding({ name: 'B. L.', email: 'BO@example.com', fingerprint: FP_B }, [bo], null);
    expect(byEmail).toEqual({ kind: 'unknown', sameName: [bo] });
    const byName = signerStanding(
      { name: ' bo lindqvist ', email: 'other@x', fingerprint: FP_B },
      [bo],
      null,
    );
    expect(byName).toEqual({ kind: 'unknown', sameName: [bo] });
    expect(signerStanding({ name: 'Eve', email: 'eve@x', fingerprint: FP_B }, [bo], FP_A)).toEqual({
      kind: 'unknown',
      sameName: [],
    });
  });

  it('reads a pasted fingerprint with spaces or without its prefix', () => {
    expect(normaliseFingerprint(` ${FP_A.slice(7, 20)} ${FP_A.slice(20)}\n`)).toBe(FP_A);
    expect(normaliseFingerprint(FP_A)).toBe(FP_A);
  });
});
