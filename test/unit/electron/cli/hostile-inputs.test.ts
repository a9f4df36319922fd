import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { parseInventory } from '../../../../shared/importers';
import { AssessmentFileError, parseAssessmentFile } from '../../../../shared/model';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const encoder = new TextEncoder();
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('hostile inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('JSON nested 50,000 levels deep is refused with the file name, not a stack overflow', async () => {
    const deepObject = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const deepArray = '['.repeat(50_000) + ']'.repeat(50_000);
    for (const [name, text] of [
      ['deep-object.json', deepObject],
      ['deep-array.json', deepArray],
    ]) {
      await expect(parseInventory({ name: name!, bytes: encoder.encode(text) })).rejects.toThrow(
        `${name}: nested more than 256 levels deep (at line 1)`,
      );
      const file = join(dir, name!);
      writeFileSync(file, text!);
      const imported = await cli('import', file);
      expect(imported.code).toBe(2);
      expect(imported.stderr).toContain(`${name}: nested more than 256 levels deep`);
      expect(imported.stderr).not.toMatch(/call stack/);
    }
    const assessment = `{"format":"conduit-assessment","formatVersion":1,"assessment":${deepObject}}`;
    await expect(parseAssessmentFile(assessment)).rejects.toThrow(AssessmentFileError);
    await expect(parseAssessmentFile(assessment)).rejects.toThrow(/nested more than 256 levels deep/);
    const file = join(dir, 'deep.conduit.json');
    writeFileSync(file, assessment);
    const validated = await cli('validate', file);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain(`${file}: The file is nested more than 256 levels deep`);
    // Brackets inside strings do not count.
    const inStrings = JSON.stringify([{ ip: '10.0.0.1', name: '['.repeat(10_000) }]);
    expect((await parseInventory({ name: 'ok.json', bytes: encoder.encode(inStrings) })).assets).toHaveLength(
      1,
    );
  });

  it('escapes control characters that a file puts into a message, on stderr and stdout', async () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2J\r\u202eevil';
    const file = join(dir, 'evil.csv');
    // Mostly text with one hostile column name: the name is quoted, escaped and cut short.
    writeFileSync(file, `${evil},${'description '.repeat(40)}\nx,y\n`);
    const result = await cli('import', file, '--format', 'csv');
    expect(result.stderr + result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toContain('pwned\\u0007\\u001b[2J\\u000d\\u202eevil');
    // As many control characters as text: not a text export, and none of it is echoed.
    const noise = join(dir, 'noise.csv');
    writeFileSync(noise, `${evil},${evil}\nx,y\n`);
    const refused = await cli('import', noise, '--format', 'csv');
    expect(refused.stderr).not.toMatch(RAW_CONTROL);
    expect(refused.stderr).toContain('noise.csv: not a text export (looks like binary data)');
    expect(refused.stderr).not.toContain('pwned');
    const verified = await cli('verify', join(dir, `no-such-\u001b[2J.zip`));
    expect(verified.stderr).not.toMatch(RAW_CONTROL);
    expect(verified.stderr).toContain('no-such-\\u001b[2J.zip: no such file');
    // The JSON on stdout stays valid JSON with the same value.
    expect(JSON.parse(verified.stdout).problems).toEqual(['no such file']);
  });

  it('import --into with a corrupt target names the target and leaves it byte for byte', async () => {
    const target = join(dir, 'target.conduit.json');
    const corrupt = '{"format":"conduit-assessment","formatVersion":1,"assessment":{"id":42}}';
    writeFileSync(target, corrupt);
    const source = join(dir, 'assets.csv');
    writeFileSync(source, 'ip,name\n10.0.0.1,plc\n');
    const result = await cli('import', source, '--into', target);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^conduit import: ${target.replace(/[.]/g, '\\.')} \\(the --into target\\) cannot be read, so nothing was imported and it is unchanged: `,
      ),
    );
    expect(readFileSync(target, 'utf8')).toBe(corrupt);
    writeFileSync(target, 'not json');
    const notJson = await cli('import', source, '--into', target);
    expect(notJson.stderr).toContain(`${target} (the --into target) cannot be read`);
    expect(notJson.stderr).toContain('not valid JSON');
  });
});
