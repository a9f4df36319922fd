import { knownSignersSchema, type KnownSigner } from '../../shared/bundle/known-signers';
import { db } from './index';

/** The signers the user trusts, kept as one entry of the settings table. */
const KNOWN_SIGNERS_KEY = 'known-signers';

export async function listKnownSigners(): Promise<KnownSigner[]> {
  const stored = (await db().settings.get(KNOWN_SIGNERS_KEY))?.value;
  const parsed = knownSignersSchema.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

/** Adds (or refreshes) a trusted signer, in one transaction so that two tabs never lose one. */
export async function trustSigner(signer: Omit<KnownSigner, 'trustedAt'>): Promise<void> {
  await db().transaction('rw', db().settings, async () => {
    const others = (await listKnownSigners()).filter((k) => k.fingerprint !== signer.fingerprint);
    const now = new Date().toISOString();
    await db().settings.put({
      key: KNOWN_SIGNERS_KEY,
      value: [...others, { ...signer, trustedAt: now }],
      updatedAt: now,
    });
  });
}

export async function forgetSigner(fingerprint: string): Promise<void> {
  await db().transaction('rw', db().settings, async () => {
    const kept = (await listKnownSigners()).filter((k) => k.fingerprint !== fingerprint);
    await db().settings.put({ key: KNOWN_SIGNERS_KEY, value: kept, updatedAt: new Date().toISOString() });
  });
}
