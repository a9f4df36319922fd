import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEMO_SOURCE_FILES, type DemoSourceName } from '../../shared/demo';

// Beside oui.ts on purpose: the built CLI is flat in out/cli, so ../../ is the checkout in both.
const DEMO_DIR = fileURLToPath(new URL('../../assets/demo/', import.meta.url));

/** The demo plant's source files from assets/demo/, as the app loads them. */
export async function readDemoSources(): Promise<Record<DemoSourceName, Uint8Array>> {
  const entries = await Promise.all(
    Object.entries(DEMO_SOURCE_FILES).map(
      async ([name, file]) => [name, new Uint8Array(await readFile(DEMO_DIR + file))] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<DemoSourceName, Uint8Array>;
}
