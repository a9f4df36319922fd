import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeIntoInventory, parseInventory, type ParseInventoryOptions } from '../../../../shared/importers';

export const FIXTURES = join(__dirname, '../../../fixtures/importers');

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

export function parseFixture(path: string, options: ParseInventoryOptions = {}) {
  return parseInventory({ name: path.split('/').pop()!, bytes: fixtureBytes(path) }, options);
}

export function parseText(name: string, text: string, options: ParseInventoryOptions = {}) {
  return parseInventory({ name, bytes: new TextEncoder().encode(text) }, options);
}

let batchCounter = 0;
export function batchFor(format: string, fileName = 'file', assessmentId = 'assessment-1') {
  batchCounter++;
  return {
    id: `00000000-0000-4000-8000-${String(batchCounter).padStart(12, '0')}`,
    assessmentId,
    format,
    fileName,
    at: '2025-01-01T00:00:00.000Z',
  };
}

/** Parses a fixture and merges it into an empty inventory, as the CLI does. */
export async function importFixture(path: string, options: ParseInventoryOptions = {}) {
  const parsed = await parseFixture(path, options);
  const merged = mergeIntoInventory([], parsed, batchFor(parsed.format, path));
  return { parsed, merged };
}

export function byName<T extends { name: string | null }>(items: T[], name: string): T {
  const found = items.find((i) => i.name === name);
  if (!found) throw new Error(`no item named ${name} among ${items.map((i) => i.name).join(', ')}`);
  return found;
}
