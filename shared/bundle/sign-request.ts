import { parseSha256Sums } from './sha256sums';
import { sshSigSignedData, SIGNATURE_NAMESPACE } from './sshsig';

/** The largest SHA256SUMS a host agrees to sign: a bundle of 100,000 files lists about 10 MB. */
export const MAX_SIGNED_SUMS_BYTES = 16 * 1024 * 1024;

/**
 * What a host's key signs for a `sign` request: the SSHSIG data (our namespace, SHA-512) over a
 * SHA256SUMS body, and only when the body parses as one. A host holding the private key signs
 * nothing else, so a compromised page cannot make it sign an SSH login challenge or a commit.
 */
export async function signedDataForSums(sums: Uint8Array): Promise<Uint8Array> {
  if (sums.length === 0 || sums.length > MAX_SIGNED_SUMS_BYTES)
    throw new Error(`refused to sign: ${sums.length} bytes is not the size of a SHA256SUMS file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sums);
  } catch {
    throw new Error('refused to sign: the data is not a SHA256SUMS file (not UTF-8 text)');
  }
  const parsed = parseSha256Sums(text);
  if (parsed.problems.length > 0 || parsed.digests.size === 0) {
    throw new Error(
      `refused to sign: the data is not a SHA256SUMS file (${parsed.problems[0] ?? 'no lines'})`,
    );
  }
  return sshSigSignedData(sums, SIGNATURE_NAMESPACE);
}
