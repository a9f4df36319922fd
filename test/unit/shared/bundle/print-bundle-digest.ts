/*
 * Builds the rich fixture's bundle with a fixed key and prints the SHA-256 of the zip. The
 * determinism test runs it in processes with different TZ settings (a time zone cannot be changed
 * inside a vitest worker thread).
 */
import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { buildBundle } from '../../../../shared/bundle';
import { sha256Hex } from '../../../../shared/model';
import { generateAssessment } from '../../../fixtures/bundle/generated-assessment';
import { rawPublicKey } from '../../../../electron/cli/signing-key';

const seed = Buffer.alloc(32, 7);
const privateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
  format: 'der',
  type: 'pkcs8',
});

async function main(): Promise<void> {
  const bundle = await buildBundle({
    data: await generateAssessment(),
    signer: {
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
      publicKey: rawPublicKey(createPublicKey(privateKey)),
      sign: async (data) => new Uint8Array(sign(null, data, privateKey)),
    },
    signedAt: process.argv[2] ?? '2026-03-06T17:00:00.000Z',
  });
  process.stdout.write(`${await sha256Hex(bundle.bytes)}\n`);
}

void main();
