import { sha256 } from '@noble/hashes/sha2';
import { toHex } from '../model/hash';

/** An incremental SHA-256: bundle entries are hashed as they inflate, never held whole. */
export interface StreamingSha256 {
  update(bytes: Uint8Array): void;
  /** Lower-case hex. */
  hex(): string;
}

export type Sha256Factory = () => StreamingSha256;

/** Pure JS, so it runs in every host; hosts with a native incremental hash pass their own. */
export const jsSha256: Sha256Factory = () => {
  const hash = sha256.create();
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    hex: () => toHex(hash.digest()),
  };
};
