import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  armorSshSig,
  dearmorSshSig,
  formatAllowedSigners,
  parseAllowedSigners,
  parseOpenSshPublicKey,
  signSshSig,
  SIGNATURE_NAMESPACE,
  sshFingerprint,
  SshSigError,
  verifySshSig,
} from '../../../../shared/bundle';
import { decodeBase64 } from '../../../../shared/model';
import { hasCommand } from '../../helpers/tools';
import { run, tempDir, webCryptoSigner } from './helpers';

const encoder = new TextEncoder();
const message = encoder.encode('d1c2…  data/assessment.json\nÜbersicht – 東京\n');
const sshKeygen = hasCommand('ssh-keygen');

/** The 32-byte seed of an unencrypted OpenSSH ed25519 private key file ("openssh-key-v1"). */
function seedOfOpenSshKey(text: string): Uint8Array {
  const body = decodeBase64(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 'openssh-key-v1\0'.length;
  const next = (): Uint8Array => {
    const length = view.getUint32(at);
    const out = body.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    return out;
  };
  next(); // cipher "none"
  next(); // kdf "none"
  next(); // kdf options
  at += 4; // number of keys
  next(); // public key
  const priv = next();
  const pv = new DataView(priv.buffer, priv.byteOffset, priv.byteLength);
  let p = 8; // two check words
  const field = (): Uint8Array => {
    const length = pv.getUint32(p);
    const out = priv.subarray(p + 4, p + 4 + length);
    p += 4 + length;
    return out;
  };
  field(); // "ssh-ed25519"
  field(); // public key
  return field().subarray(0, 32); // seed || public key
}

describe('SSHSIG', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('armors as ssh-keygen does: BEGIN/END lines, base64 at 70 columns, LF only', async () => {
    const signer = await webCryptoSigner({ name: 'A', organization: '', email: 'a@example.com' });
    const armored = await signSshSig(message, signer.sign, signer.publicKey);
    expect(armored).not.toContain('\r');
    const lines = armored.split('\n');
    expect(lines[0]).toBe('-----BEGIN SSH SIGNATURE-----');
    expect(lines.at(-2)).toBe('-----END SSH SIGNATURE-----');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -2);
    expect(body.slice(0, -1).every((l) => l.length === 70)).toBe(true);
    expect(body.at(-1)!.length).toBeLessThanOrEqual(70);
    expect(armorSshSig(dearmorSshSig(armored))).toBe(armored);
  });

  it('verifies its own signatures and names the signing key', async () => {
    const signer = await webCryptoSigner({ name: 'A', organization: '', email: 'a@example.com' });
    const armored = await signSshSig(message, signer.sign, signer.publicKey);
    const result = await verifySshSig(message, armored, SIGNATURE_NAMESPACE);
    expect(result.valid).toBe(true);
    expect(result.publicKey).toEqual(signer.publicKey);
    expect(result.fingerprint).toBe(await sshFingerprint(signer.publicKey));
  });

  it('rejects a changed message, another namespace and another key', async () => {
    const signer = await webCryptoSigner({ name: 'A', organization: '', email: 'a@example.com' });
    const other = await webCryptoSigner({ name: 'B', organization: '', email: 'b@example.com' });
    const armored = await signSshSig(message, signer.sign, signer.publicKey);
    const changed = message.slice();
    changed[3] = changed[3]! ^ 1;
    expect((await verifySshSig(changed, armored)).valid).toBe(false);
    const elsewhere = await verifySshSig(message, armored, 'file');
    expect(elsewhere.valid).toBe(false);
    expect(elsewhere.problem).toContain('namespace "ot-assessment@conduit", not "file"');
    // Signed by one key but claiming another: the claimed key does not verify it.
    const forged = await signSshSig(message, other.sign, signer.publicKey);
    expect((await verifySshSig(message, forged)).valid).toBe(false);
  });

  it('refuses malformed signatures with a clear reason', async () => {
    const signer = await webCryptoSigner({ name: 'A', organization: '', email: 'a@example.com' });
    const armored = await signSshSig(message, signer.sign, signer.publicKey);
    const blob = dearmorSshSig(armored);
    await expect(verifySshSig(message, 'hello')).rejects.toThrow(
      /does not start with "-----BEGIN SSH SIGNATURE-----"/,
    );
    await expect(verifySshSig(message, armored.replace('-----END SSH SIGNATURE-----', ''))).rejects.toThrow(
      /does not end with/,
    );
    await expect(verifySshSig(message, armored.replace(/\n[A-Za-z0-9]/, '\n!'))).rejects.toThrow(
      /not base64/,
    );
    await expect(verifySshSig(message, armorSshSig(blob.subarray(0, blob.length - 10)))).rejects.toThrow(
      SshSigError,
    );
    const trailing = new Uint8Array(blob.length + 1);
    trailing.set(blob);
    await expect(verifySshSig(message, armorSshSig(trailing))).rejects.toThrow(/trailing bytes/);
    const badMagic = blob.slice();
    badMagic[0] = 0x58;
    await expect(verifySshSig(message, armorSshSig(badMagic))).rejects.toThrow(
      /does not start with "SSHSIG"/,
    );
    const badVersion = blob.slice();
    badVersion[9] = 2;
    await expect(verifySshSig(message, armorSshSig(badVersion))).rejects.toThrow(/version 2/);
  });

  describe.runIf(sshKeygen)('interoperates with the system ssh-keygen', () => {
    let keyFile: string;
    beforeAll(() => {
      keyFile = join(dir.path, 'id_ed25519');
      const made = run('ssh-keygen', [
        '-q',
        '-t',
        'ed25519',
        '-N',
        '',
        '-C',
        'zoë@example.com',
        '-f',
        keyFile,
      ]);
      expect(made.status, made.stderr).toBe(0);
    });

    it('verifies a signature made by ssh-keygen -Y sign, with the fingerprint ssh-keygen -lf prints', async () => {
      const messageFile = join(dir.path, 'SHA256SUMS');
      writeFileSync(messageFile, message);
      const signed = run('ssh-keygen', ['-Y', 'sign', '-f', keyFile, '-n', SIGNATURE_NAMESPACE, messageFile]);
      expect(signed.status, signed.stderr).toBe(0);
      const armored = readFileSync(`${messageFile}.sig`, 'utf8');
      const result = await verifySshSig(message, armored);
      expect(result.valid).toBe(true);
      const listed = run('ssh-keygen', ['-lf', `${keyFile}.pub`]).stdout.split(' ')[1];
      expect(result.fingerprint).toBe(listed);
      expect(result.publicKey).toEqual(parseOpenSshPublicKey(readFileSync(`${keyFile}.pub`, 'utf8')));
      expect((await verifySshSig(encoder.encode('something else'), armored)).valid).toBe(false);
    });

    it('writes byte for byte the signature ssh-keygen writes with the same key (Ed25519 is deterministic)', async () => {
      const seed = seedOfOpenSshKey(readFileSync(keyFile, 'utf8'));
      const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
      const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
      const publicKey = parseOpenSshPublicKey(readFileSync(`${keyFile}.pub`, 'utf8'));
      const ours = await signSshSig(
        message,
        async (data) => new Uint8Array(sign(null, data, privateKey)),
        publicKey,
      );
      const messageFile = join(dir.path, 'same.txt');
      writeFileSync(messageFile, message);
      run('ssh-keygen', ['-Y', 'sign', '-f', keyFile, '-n', SIGNATURE_NAMESPACE, messageFile]);
      expect(ours).toBe(readFileSync(`${messageFile}.sig`, 'utf8'));
    });

    it('makes signatures that ssh-keygen -Y verify accepts, and ssh-keygen refuses when the data changed', async () => {
      const signer = await webCryptoSigner({ name: 'A', organization: '', email: 'a@example.com' });
      const sigFile = join(dir.path, 'ours.sig');
      const allowed = join(dir.path, 'allowed_signers');
      writeFileSync(sigFile, await signSshSig(message, signer.sign, signer.publicKey));
      writeFileSync(allowed, formatAllowedSigners('a@example.com', signer.publicKey));
      const args = [
        '-Y',
        'verify',
        '-f',
        allowed,
        '-I',
        'a@example.com',
        '-n',
        SIGNATURE_NAMESPACE,
        '-s',
        sigFile,
      ];
      const good = run('ssh-keygen', args, { input: message });
      expect(good.status, good.stderr).toBe(0);
      expect(good.stdout).toContain(`Good "${SIGNATURE_NAMESPACE}" signature for a@example.com`);
      expect(good.stdout).toContain(await sshFingerprint(signer.publicKey));
      const bad = run('ssh-keygen', args, { input: encoder.encode('changed') });
      expect(bad.status).not.toBe(0);
    });

    it('refuses each armor and allowed_signers quirk that ssh-keygen -Y verify refuses', async () => {
      const signer = await webCryptoSigner({ name: 'A', organization: '', email: 'a@example.com' });
      const armored = await signSshSig(message, signer.sign, signer.publicKey);
      const allowedText = formatAllowedSigners('a@example.com', signer.publicKey);
      // Set the padding bits of the last base64 group: the same bytes to a lax decoder.
      const lines = armored.split('\n');
      const last = lines.length - 3;
      const padded = lines[last]!;
      expect(padded).toMatch(/[^=]=$/);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      const bitsChar = padded[padded.length - 2]!;
      lines[last] = padded.slice(0, -2) + alphabet[alphabet.indexOf(bitsChar) + 1] + '=';
      const nonCanonical = lines.join('\n');
      expect(decodeBase64(nonCanonical.split('\n').slice(1, -2).join(''))).toEqual(
        decodeBase64(armored.split('\n').slice(1, -2).join('')),
      );
      const cases: [string, string, string, RegExp][] = [
        ['CRLF armor', armored.replace(/\n/g, '\r\n'), allowedText, /CR \(Windows\) line endings/],
        [
          'a trailing space on the BEGIN line',
          armored.replace('-----\n', '----- \n'),
          allowedText,
          /does not start with/,
        ],
        ['a byte order mark before the armor', `\uFEFF${armored}`, allowedText, /does not start with/],
        ['non-canonical base64 (padding bits set)', nonCanonical, allowedText, /not canonical/],
        ['a byte order mark in allowed_signers', armored, `\uFEFF${allowedText}`, /byte order mark/],
      ];
      const verifyWithSshKeygen = (sig: string, allowed: string) => {
        writeFileSync(join(dir.path, 'quirk.sig'), sig);
        writeFileSync(join(dir.path, 'quirk_allowed'), allowed);
        return run(
          'ssh-keygen',
          [
            '-Y',
            'verify',
            '-f',
            join(dir.path, 'quirk_allowed'),
            '-I',
            'a@example.com',
            '-n',
            SIGNATURE_NAMESPACE,
            '-s',
            join(dir.path, 'quirk.sig'),
          ],
          { input: message },
        ).status;
      };
      const oursRefuses = async (sig: string, allowed: string): Promise<string | null> => {
        try {
          parseAllowedSigners(allowed);
          const check = await verifySshSig(message, sig);
          return check.valid ? null : check.problem;
        } catch (error) {
          return (error as Error).message;
        }
      };
      expect(verifyWithSshKeygen(armored, allowedText)).toBe(0);
      expect(await oursRefuses(armored, allowedText)).toBeNull();
      for (const [what, sig, allowed, reason] of cases) {
        expect(verifyWithSshKeygen(sig, allowed), `ssh-keygen on ${what}`).not.toBe(0);
        expect(await oursRefuses(sig, allowed), what).toMatch(reason);
      }
    });
  });
});
