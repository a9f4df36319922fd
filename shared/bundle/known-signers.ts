import { z } from 'zod';

/** A signer the user chose to trust, after comparing the fingerprint received separately. */
export const knownSignerSchema = z.object({
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/),
  name: z.string(),
  organization: z.string(),
  email: z.string(),
  trustedAt: z.string(),
});
export type KnownSigner = z.infer<typeof knownSignerSchema>;

export const knownSignersSchema = z.array(knownSignerSchema);

/** How a bundle's signing key stands against the signers the user trusts. */
export type SignerStanding =
  | { kind: 'known'; signer: KnownSigner }
  | { kind: 'own' }
  /** Signed by a key nobody trusted yet; `sameName` are trusted signers it claims to be (another key). */
  | { kind: 'unknown'; sameName: KnownSigner[] };

export function signerStanding(
  signer: { name: string; email: string; fingerprint: string },
  known: readonly KnownSigner[],
  ownFingerprint: string | null,
): SignerStanding {
  if (ownFingerprint !== null && signer.fingerprint === ownFingerprint) return { kind: 'own' };
  const match = known.find((k) => k.fingerprint === signer.fingerprint);
  if (match) return { kind: 'known', signer: match };
  const email = signer.email.toLowerCase();
  const name = signer.name.trim().toLowerCase();
  const sameName = known.filter(
    (k) =>
      (email !== '' && k.email.toLowerCase() === email) ||
      (name !== '' && k.name.trim().toLowerCase() === name),
  );
  return { kind: 'unknown', sameName };
}

/** Normalises what a user pasted as a fingerprint (spaces, a missing "SHA256:" prefix). */
export function normaliseFingerprint(text: string): string {
  const compact = text.replace(/\s+/g, '');
  return compact.startsWith('SHA256:') ? compact : `SHA256:${compact}`;
}
