import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries as the project applies them: the real ESLint config and the real shared/
 * compiler options, run on probe files placed (virtually) in shared/ and renderer/.
 */
const root = process.cwd();
const eslint = new ESLint({ cwd: root });

async function lintErrors(relative: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relative) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

/**
 * Type errors of one virtual file compiled with tsconfig/shared.json's options, beside every file
 * of shared/ (as `tsc -b` compiles it), so that a type package one of them pulls in (as
 * @types/papaparse pulled in @types/node) counts.
 */
function sharedTypeErrors(code: string): string[] {
  const configPath = path.join(root, 'tsconfig/shared.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
  const probe = path.join(root, 'shared/__probe__.ts');
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === probe ? ts.createSourceFile(name, code, version) : getSourceFile(name, version, ...rest);
  const program = ts.createProgram(
    [...fileNames, probe],
    { ...options, noEmit: true, composite: false, emitDeclarationOnly: false },
    host,
  );
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('a probe in shared/', () => {
  it('fails lint for document, Buffer, process and fs', async () => {
    for (const code of [
      'export const title = document.title;',
      "export const bytes = Buffer.from('x');",
      'export const home = process.env.HOME;',
      "import fs from 'fs';\nexport const read = fs.readFileSync;",
      "export const fs = () => import('node:fs');",
    ]) {
      const errors = await lintErrors('shared/__probe__.ts', code);
      expect(
        errors.some((e) => e.startsWith('conduit/boundaries')),
        code,
      ).toBe(true);
    }
  });

  it('fails the typecheck for the DOM and Node: shared/ compiles without either', () => {
    const errors = sharedTypeErrors(
      [
        'export const title = document.title;',
        'export const w = window.innerWidth;',
        "export const bytes = Buffer.from('x');",
        'export const home = process.env.HOME;',
        'export const sum = (a: number, b: number) => a + b;',
      ].join('\n'),
    ).join('\n');
    for (const name of ['document', 'window', 'Buffer', 'process'])
      expect(errors).toMatch(new RegExp(`Cannot find name '${name}'`));
    expect(errors.split('\n')).toHaveLength(4);
  });

  it('typechecks the web platform that browsers and Node share', () => {
    const code = [
      'export const bytes = new TextEncoder().encode("x");',
      'export const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);',
      'export const id = crypto.randomUUID();',
      'export const host = new URL("https://example.org").hostname;',
    ].join('\n');
    expect(sharedTypeErrors(code)).toEqual([]);
  });
});

describe('a probe in renderer/', () => {
  it('fails lint when a feature imports another feature or electron/', async () => {
    expect(
      await lintErrors(
        'renderer/features/diagram/__probe__.ts',
        "export { GapBadge } from '../requirements/GapBadge';",
      ),
    ).toEqual([expect.stringContaining('may not import')]);
    expect(
      await lintErrors(
        'renderer/features/export/__probe__.ts',
        "export { keyStore } from '../../../electron/ipc/keys';",
      ),
    ).toEqual([expect.stringContaining('electron/ is the host process')]);
  });

  it('passes lint for what a feature may import', async () => {
    expect(
      await lintErrors('renderer/features/diagram/__probe__.ts', "export { db } from '../../db';"),
    ).toEqual([]);
  });
});
