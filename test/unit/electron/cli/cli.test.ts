import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { parseAssessmentFile, serializeAssessmentFile } from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'conduit-cli-'));

describe('conduit CLI', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/new\s+write a new, empty assessment file/);
    expect(stdout).toMatch(/validate/);
  });

  it('refuses an unknown command with usage', async () => {
    const { code, stderr } = await cli('frobnicate');
    expect(code).toBe(64);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('writes a new, empty, valid assessment file', async () => {
    const out = path.join(dir, 'new.conduit.json');
    const { code, stdout } = await cli(
      'new',
      '--client',
      'Acmé',
      '--site',
      'Plant 1',
      '--out',
      out,
      '--assessor',
      'Jo',
      '--start',
      '2026-04-01',
    );
    expect(code).toBe(0);
    const data = await parseAssessmentFile(readFileSync(out, 'utf8'));
    expect(data.assessment).toMatchObject({
      client: 'Acmé',
      site: 'Plant 1',
      assessors: ['Jo'],
      startDate: '2026-04-01',
      status: 'active',
    });
    expect(data.zones).toEqual([]);
    expect(JSON.parse(stdout)).toMatchObject({ file: out, id: data.assessment.id });
    // Never overwrites by accident.
    expect((await cli('new', '--client', 'X', '--site', 'Y', '--out', out)).code).toBe(64);
  });

  it('refuses bad input to new with a reason', async () => {
    const { code, stderr } = await cli(
      'new',
      '--client',
      'A',
      '--site',
      'B',
      '--out',
      path.join(dir, 'x.json'),
      '--start',
      'tomorrow',
    );
    expect(code).toBe(64);
    expect(stderr).toMatch(/startDate/);
  });

  it('validates a good file with exit 0', async () => {
    const file = path.join(dir, 'rich.conduit.json');
    writeFileSync(file, serializeAssessmentFile(await richAssessment()));
    const { code, stdout } = await cli('validate', file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      valid: true,
      counts: { zones: 4, conduits: 2, assets: 2, evidence: 2 },
    });
  });

  it('exits 2 and says where and why when a file is invalid or unreadable', async () => {
    const raw = JSON.parse(serializeAssessmentFile(await richAssessment()));
    raw.zones[1].kind = 'moat';
    const file = path.join(dir, 'bad.conduit.json');
    writeFileSync(file, JSON.stringify(raw));
    const bad = await cli('validate', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.conduit\.json: zones\[1\]\.kind: /);
    expect(JSON.parse(bad.stdout).valid).toBe(false);

    const missing = await cli('validate', path.join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('runs as `npm run -s cli`, with JSON on stdout', () => {
    const result = spawnSync(
      'npm',
      ['run', '-s', 'cli', '--', 'validate', path.join(dir, 'rich.conduit.json')],
      {
        cwd: path.resolve(__dirname, '../../../..'),
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).valid).toBe(true);
  });
});
