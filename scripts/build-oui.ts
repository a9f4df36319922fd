/**
 * Builds assets/oui/oui.txt.gz, the compact MAC vendor table the app ships, from the `oui-data` package
 * (IEEE MA-L/MA-M/MA-S registries, BSD-2-Clause). Run after updating oui-data: `npx tsx scripts/build-oui.ts`.
 * test/unit/shared/traffic/oui.test.ts fails when the committed table and the installed package differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, strToU8 } from 'fflate';
import { buildCompactOuiText } from '../shared/traffic/oui';

export const OUI_TABLE_PATH = fileURLToPath(new URL('../assets/oui/oui.txt.gz', import.meta.url));

/** The compact table text for the installed oui-data. */
export function compactTextFromInstalledPackage(): string {
  const require = createRequire(import.meta.url);
  const index = require.resolve('oui-data');
  const registry = JSON.parse(readFileSync(index, 'utf8')) as Record<string, string>;
  // The package exports only its JSON, so read its package.json beside it.
  const { version } = JSON.parse(readFileSync(join(dirname(index), 'package.json'), 'utf8')) as {
    version: string;
  };
  return buildCompactOuiText(registry, version);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = compactTextFromInstalledPackage();
  // mtime 0 keeps the output byte-identical across builds.
  const gz = gzipSync(strToU8(text), { level: 9, mtime: 0 });
  writeFileSync(OUI_TABLE_PATH, gz);
  console.log(`wrote ${OUI_TABLE_PATH}: ${text.length} bytes of text, ${gz.length} gzipped`);
}
