import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../../../shared/bundle';
import { LIST_UNLISTED_FILES_COMMAND } from '../../../../../shared/bundle/readme';
import { serializeAssessmentFile } from '../../../../../shared/model';
import { generateAssessment } from '../../../../fixtures/bundle/generated-assessment';
import { hasCommand } from '../../../helpers/tools';
import { extractWithSystemTool, rezip, run, tempDir, webCryptoSigner } from '../../../shared/bundle/helpers';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const cli = (...args: string[]) => run(TSX, ['electron/cli/main.ts', ...args]);

describe('conduit keygen, export and verify', () => {
  const dir = tempDir();
  const keyFile = join(dir.path, 'assessor.key');
  const assessmentFile = join(dir.path, 'usine.conduit.json');
  const zipFile = join(dir.path, 'bundle.zip');
  let keygenOutput: { fingerprint: string; publicKey: string; email: string };
  let exportOutput: { fingerprint: string; fileName: string; signedAt: string; files: number };

  beforeAll(async () => {
    writeFileSync(assessmentFile, serializeAssessmentFile(await generateAssessment()));
    const keygen = cli(
      'keygen',
      '--name',
      'Zoë Müller',
      '--email',
      'zoe@example.com',
      '--org',
      'Sécurité OT',
      '--out',
      keyFile,
    );
    expect(keygen.status, keygen.stderr).toBe(0);
    keygenOutput = JSON.parse(keygen.stdout);
    const exported = cli(
      'export',
      assessmentFile,
      '--key',
      keyFile,
      '--out',
      zipFile,
      '--signed-at',
      '2026-03-06T17:00:00Z',
    );
    expect(exported.status, exported.stderr).toBe(0);
    exportOutput = JSON.parse(exported.stdout);
  }, 60_000);
  afterAll(() => dir.remove());

  it('keygen writes a 0600 JSON key file and an OpenSSH .pub line whose comment is the email', () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = JSON.parse(readFileSync(keyFile, 'utf8'));
    expect(key).toMatchObject({ name: 'Zoë Müller', organization: 'Sécurité OT', email: 'zoe@example.com' });
    expect(key.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const pub = readFileSync(`${keyFile}.pub`, 'utf8');
    expect(pub).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\S+ zoe@example\.com\n$/);
    expect(cli('keygen', '--name', 'X', '--email', 'x@example.com', '--out', keyFile).status).toBe(64);
  });

  it.runIf(hasCommand('ssh-keygen'))('keygen fingerprint equals ssh-keygen -lf', () => {
    const listed = execFileSync('ssh-keygen', ['-lf', `${keyFile}.pub`], { encoding: 'utf8' });
    expect(listed.split(' ')[1]).toBe(keygenOutput.fingerprint);
    expect(exportOutput.fingerprint).toBe(keygenOutput.fingerprint);
  });

  it('export names the zip <client>-<site>-ot-assessment-<date>.zip', () => {
    expect(exportOutput.fileName).toBe(
      'societe-generale-des-eaux-zurich-nord-東京-ot-assessment-2026-03-06.zip',
    );
    expect(exportOutput.signedAt).toBe('2026-03-06T17:00:00.000Z');
  });

  it.runIf(hasCommand('ssh-keygen') && hasCommand('sha256sum'))(
    'the bundle verifies with ssh-keygen -Y verify and sha256sum -c after extraction by the system unzip',
    () => {
      const into = join(dir.path, 'extracted');
      extractWithSystemTool(zipFile, into);
      const folders = readdirSync(into);
      expect(folders).toEqual([exportOutput.fileName.replace(/\.zip$/, '')]);
      const folder = join(into, folders[0]!);
      const sums = readFileSync(join(folder, 'SHA256SUMS'));
      const verified = run(
        'ssh-keygen',
        [
          '-Y',
          'verify',
          '-f',
          'allowed_signers',
          '-I',
          'zoe@example.com',
          '-n',
          'ot-assessment@conduit',
          '-s',
          'SHA256SUMS.sig',
        ],
        { cwd: folder, input: sums },
      );
      expect(verified.status, verified.stderr).toBe(0);
      expect(verified.stdout).toContain(
        `signature for zoe@example.com with ED25519 key ${keygenOutput.fingerprint}`,
      );
      const checked = run('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: folder });
      expect(checked.status, checked.stdout + checked.stderr).toBe(0);
      const lines = checked.stdout.trim().split('\n');
      expect(lines).toHaveLength(exportOutput.files);
      expect(lines.every((l) => l.endsWith(': OK'))).toBe(true);
      expect(lines).toContain('evidence/00000005-0000-4000-8000-000000000002-制御盤の写真.jpg: OK');
      // The report is rendered into every CLI bundle, covered by the signed checksums.
      expect(lines).toContain('report/report.pdf: OK');
      expect(lines).toContain('diagram/zones.svg: OK');
      // So are the editable report and the plan-of-action workbook.
      expect(lines).toContain('report/report.docx: OK');
      expect(lines).toContain('data/findings.xlsx: OK');
      expect(readFileSync(join(folder, 'report/report.docx')).subarray(0, 2).toString()).toBe('PK');
      const sheet = run('unzip', ['-p', join(folder, 'data/findings.xlsx'), 'xl/workbook.xml']);
      expect(sheet.stdout).toContain('name="Findings"');
      const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
      expect(readme).toContain('report/report.docx');
      expect(readme).toContain('data/findings.xlsx');
      expect(readme).toContain(keygenOutput.fingerprint);
      // Check 3 of the README: the files SHA256SUMS does not list, which sha256sum -c misses.
      expect(readme).toContain(LIST_UNLISTED_FILES_COMMAND);
      const listUnlisted = () => run('sh', ['-c', LIST_UNLISTED_FILES_COMMAND], { cwd: folder });
      expect(listUnlisted().stdout).toBe('no other files\n');
      writeFileSync(join(folder, 'evidence', 'added later.txt'), 'not signed');
      expect(run('sha256sum', ['-c', '--strict', '--quiet', 'SHA256SUMS'], { cwd: folder }).status).toBe(0);
      expect(listUnlisted().stdout).toBe('NOT LISTED: evidence/added later.txt\n');
      rmSync(join(folder, 'evidence', 'added later.txt'));

      // ssh-keygen itself notices a changed SHA256SUMS.
      const changed = Buffer.from(sums);
      changed[0] = changed[0] === 0x30 ? 0x31 : 0x30;
      const refused = run(
        'ssh-keygen',
        [
          '-Y',
          'verify',
          '-f',
          'allowed_signers',
          '-I',
          'zoe@example.com',
          '-n',
          'ot-assessment@conduit',
          '-s',
          'SHA256SUMS.sig',
        ],
        { cwd: folder, input: changed },
      );
      expect(refused.status).not.toBe(0);
    },
  );

  it('verify prints the result as JSON and exits 0 when valid', () => {
    const result = cli('verify', zipFile);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      valid: true,
      signer: {
        name: 'Zoë Müller',
        email: 'zoe@example.com',
        organization: 'Sécurité OT',
        fingerprint: keygenOutput.fingerprint,
      },
      signedAt: '2026-03-06T17:00:00.000Z',
      files: exportOutput.files,
      fingerprintChecked: null,
      problems: [],
    });
  });

  it('verify --fingerprint exits 0 for the signer received separately, 1 for any other key', async () => {
    const pinned = cli('verify', zipFile, '--fingerprint', keygenOutput.fingerprint);
    expect(pinned.status, pinned.stderr).toBe(0);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ valid: true, fingerprintChecked: true });
    // A forger's bundle: the same name and email, a valid signature by another key.
    const forger = await webCryptoSigner({
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
    });
    const forged = join(dir.path, 'forged.zip');
    writeFileSync(forged, (await buildBundle({ data: await generateAssessment(), signer: forger })).bytes);
    expect(cli('verify', forged).status).toBe(0);
    const refused = cli('verify', forged, '--fingerprint', keygenOutput.fingerprint);
    expect(refused.status).toBe(1);
    const output = JSON.parse(refused.stdout);
    expect(output).toMatchObject({ valid: false, fingerprintChecked: false });
    expect(output.problems[0]).toMatch(
      new RegExp(
        `^signed by another key: SHA256:\\S+, not the expected ${keygenOutput.fingerprint.replace(/[+/]/g, '\\$&')}$`,
      ),
    );
    expect(refused.stderr).toContain('signed by another key');
    expect(cli('verify', zipFile, '--fingerprint', 'MD5:00:11').status).toBe(64);
  });

  it('verify exits 1 and names the changed file when a byte changed', () => {
    const tampered = join(dir.path, 'tampered.zip');
    writeFileSync(
      tampered,
      rezip(readFileSync(zipFile), (files) => {
        const path = Object.keys(files).find((p) => p.endsWith('/data/zones.csv'))!;
        files[path]![10] = files[path]![10]! ^ 1;
      }),
    );
    const result = cli('verify', tampered);
    expect(result.status).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.valid).toBe(false);
    expect(output.problems).toEqual(['changed: data/zones.csv (its SHA-256 does not match SHA256SUMS)']);
  });

  it('verify exits 2 when the file cannot be read or is not a zip', () => {
    expect(cli('verify', join(dir.path, 'nowhere.zip')).status).toBe(2);
    const notZip = cli('verify', assessmentFile);
    expect(notZip.status).toBe(2);
    expect(JSON.parse(notZip.stdout).problems[0]).toMatch(/not a zip archive/);
  });

  it('keygen writes nothing when the .pub exists already', () => {
    const lonely = join(dir.path, 'lonely.key');
    writeFileSync(`${lonely}.pub`, 'ssh-ed25519 AAAA old\n');
    const result = cli('keygen', '--name', 'X', '--email', 'x@example.com', '--out', lonely);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain(`${lonely}.pub exists already`);
    expect(existsSync(lonely)).toBe(false);
  });

  it("export refuses a key file whose recorded public key is not its private key's", () => {
    const other = JSON.parse(readFileSync(keyFile, 'utf8'));
    const edited = join(dir.path, 'edited.key');
    writeFileSync(
      edited,
      JSON.stringify({
        ...other,
        publicKey: readFileSync(`${keyFile}.pub`, 'utf8').replace(
          /AAAA\S{10}/,
          'AAAAC3NzaC1lZDI1NTE5AAAAIBBBBBBBBB',
        ),
      }),
    );
    const result = cli('export', assessmentFile, '--key', edited, '--out', join(dir.path, 'y.zip'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('do not belong to its private key');
  });

  it('export refuses an unreadable key file with its name', () => {
    const result = cli('export', assessmentFile, '--key', assessmentFile, '--out', join(dir.path, 'x.zip'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${assessmentFile}: not a Conduit key file`);
  });
});
