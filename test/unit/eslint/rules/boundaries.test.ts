import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import boundaries from '../../../../eslint/rules/boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

/** Rule files are judged by where they sit in the project: tests name that place. */
const at = (relative: string) => path.join(process.cwd(), relative);

describe('conduit/boundaries', () => {
  tester.run('boundaries', boundaries, {
    valid: [
      { filename: at('shared/findings/generate.ts'), code: "import { catalogueOf } from '../catalogue';" },
      { filename: at('shared/importers/delimited.ts'), code: "import Papa from 'papaparse';" },
      {
        filename: at('shared/model/hash.ts'),
        code: 'const bytes = new TextEncoder().encode(text); crypto.subtle;',
      },
      { filename: at('shared/model/x.ts'), code: 'function f(document: string) { return document; }' },
      { filename: at('renderer/features/diagram/ZoneNode.tsx'), code: "import { db } from '../../db';" },
      { filename: at('renderer/features/diagram/a.ts'), code: "import { fitViewport } from './viewport';" },
      {
        filename: at('renderer/features/diagram/a.ts'),
        code: "import { makeZone } from '../../../shared/diagram';",
      },
      {
        filename: at('renderer/app/registry.ts'),
        code: "import { diagramWorkspace } from '../features/diagram';",
      },
      { filename: at('renderer/ui/Modal.tsx'), code: 'document.body.append(window.name);' },
      {
        filename: at('electron/main.ts'),
        code: "import fs from 'node:fs'; import { app } from 'electron'; process.exit(0);",
      },
      { filename: at('electron/preload.ts'), code: "import { contextBridge, ipcRenderer } from 'electron';" },
      {
        filename: at('test/unit/x.test.ts'),
        code: "import fs from 'node:fs'; import { db } from '../../renderer/db';",
      },
    ],
    invalid: [
      {
        filename: at('shared/findings/x.ts'),
        code: "import { db } from '../../renderer/db';",
        errors: [{ messageId: 'sharedImport' }],
      },
      {
        filename: at('shared/findings/x.ts'),
        code: "export { keys } from '../../electron/ipc/keys';",
        errors: [{ messageId: 'sharedImport' }],
      },
      { filename: at('shared/x.ts'), code: "import fs from 'fs';", errors: [{ messageId: 'sharedImport' }] },
      {
        filename: at('shared/x.ts'),
        code: "import { readFile } from 'fs/promises';",
        errors: [{ messageId: 'sharedImport' }],
      },
      {
        filename: at('shared/x.ts'),
        code: "const fs = await import('node:fs');",
        errors: [{ messageId: 'sharedImport' }],
      },
      {
        filename: at('shared/x.ts'),
        code: "import Dexie from 'dexie';",
        errors: [{ messageId: 'sharedImport' }],
      },
      {
        filename: at('shared/x.ts'),
        code: "import type { FC } from 'react';",
        errors: [{ messageId: 'sharedImport' }],
      },
      {
        filename: at('shared/x.ts'),
        code: "import { app } from 'electron';",
        errors: [{ messageId: 'sharedImport' }],
      },
      {
        filename: at('shared/x.ts'),
        code: 'document.title = "x"; const b = Buffer.from(""); const e = process.env.HOME;',
        errors: [
          { messageId: 'sharedGlobal', data: { name: 'document', host: 'DOM' } },
          { messageId: 'sharedGlobal', data: { name: 'Buffer', host: 'Node' } },
          { messageId: 'sharedGlobal', data: { name: 'process', host: 'Node' } },
        ],
      },
      {
        filename: at('shared/x.ts'),
        code: 'const d = globalThis.document;',
        errors: [{ messageId: 'sharedGlobal', data: { name: 'document', host: 'DOM' } }],
      },
      {
        filename: at('shared/x.ts'),
        code: 'const w: Window = window;',
        errors: [{ messageId: 'sharedGlobal', data: { name: 'window', host: 'DOM' } }],
      },
      {
        filename: at('renderer/features/export/a.ts'),
        code: "import { keys } from '../../../electron/ipc/keys';",
        errors: [{ messageId: 'rendererImport' }],
      },
      {
        filename: at('renderer/db/a.ts'),
        code: "import path from 'node:path';",
        errors: [{ messageId: 'rendererImport' }],
      },
      {
        filename: at('renderer/db/a.ts'),
        code: "import { shell } from 'electron';",
        errors: [{ messageId: 'rendererImport' }],
      },
      {
        filename: at('renderer/ui/a.ts'),
        code: 'const home = process.env.HOME;',
        errors: [{ messageId: 'rendererGlobal', data: { name: 'process' } }],
      },
      {
        filename: at('renderer/features/diagram/ZoneNode.tsx'),
        code: "import { GapBadge } from '../requirements/GapBadge';",
        errors: [
          {
            messageId: 'crossFeature',
            data: { source: '../requirements/GapBadge', feature: 'diagram', other: 'requirements' },
          },
        ],
      },
      {
        filename: at('renderer/features/export/index.tsx'),
        code: "export * from '../assessments/file-transfer';",
        errors: [{ messageId: 'crossFeature' }],
      },
      {
        filename: at('renderer/features/assessments/HomePage.tsx'),
        code: "import { WORKSPACES } from '../../app/registry';",
        errors: [{ messageId: 'shellImport' }],
      },
      {
        filename: at('renderer/ui/Modal.tsx'),
        code: "import { GapBadge } from '../features/requirements/GapBadge';",
        errors: [{ messageId: 'lowerImport' }],
      },
      {
        filename: at('electron/main.ts'),
        code: "import { ipcRenderer } from 'electron';",
        errors: [{ messageId: 'preloadOnly', data: { name: 'ipcRenderer' } }],
      },
      {
        filename: at('electron/ipc/index.ts'),
        code: "import electron from 'electron'; electron.contextBridge.exposeInMainWorld('x', {});",
        errors: [{ messageId: 'preloadOnly', data: { name: 'contextBridge' } }],
      },
    ],
  });
});
