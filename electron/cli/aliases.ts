import { readFile } from 'node:fs/promises';
import { nowIso, parseAliasList } from '../../shared/model';
import { foldAliasKeys, type AliasRecord } from '../../shared/vendors';

/**
 * The aliases a command normalises with: the assessment file's own (the assessor's, exported from
 * the app) and those of `--aliases <file.json>`, which win for the spellings they name (they count
 * as saved now). A bad --aliases file throws an Error naming it and the entry.
 */
export async function commandAliases(
  fileAliases: readonly AliasRecord[] | undefined,
  aliasesOption: string | undefined,
): Promise<AliasRecord[]> {
  if (aliasesOption === undefined) return [...(fileAliases ?? [])];
  let text: string;
  try {
    text = await readFile(aliasesOption, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${aliasesOption}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return foldAliasKeys([...(fileAliases ?? []), ...parseAliasList(text, aliasesOption, nowIso())]);
}
