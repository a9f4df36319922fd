import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  excessiveNestingMessage,
  findExcessiveJsonNesting,
  newId,
  serializeAssessmentFile,
  type AssessmentData,
  sha256Hex,
} from '../../../shared/model';
import {
  applyMerge,
  INVENTORY_FORMATS,
  isInventoryFormat,
  makeImportBatch,
  mergeIntoInventory,
  parseInventory,
  validateMapping,
  type ColumnMapping,
  type InventoryFormat,
} from '../../../shared/importers';
import { Normaliser, normaliseNames } from '../../../shared/vendors';
import { commandAliases } from '../aliases';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { AssessmentFileError, readAssessmentFile } from '../read-assessment';

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`,
    );
  }
}

async function readMapping(file: string): Promise<ColumnMapping> {
  const text = new TextDecoder().decode(await readBytes(file));
  let value: unknown;
  const tooDeep = findExcessiveJsonNesting(text);
  if (tooDeep) throw new Error(`${file}: the mapping is ${excessiveNestingMessage(tooDeep)}`);
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: the mapping is not valid JSON (${(error as Error).message})`);
  }
  const problems = validateMapping(value);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return value as ColumnMapping;
}

/** The --into assessment; a bad one is named as the target, and nothing is written to it. */
async function readTarget(file: string): Promise<AssessmentData> {
  try {
    return await readAssessmentFile(file);
  } catch (error) {
    if (!(error instanceof AssessmentFileError)) throw error;
    const reason = error.problems.length > 1 ? error.problems.join('; ') : error.message;
    throw new Error(
      `${file} (the --into target) cannot be read, so nothing was imported and it is unchanged: ${reason}`,
    );
  }
}

export const importCommand: CliCommandModule = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        into: { type: 'string' },
        mapping: { type: 'string' },
        aliases: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new CliUsageError('import takes exactly one file');
    if (values.format !== undefined && !isInventoryFormat(values.format)) {
      throw new CliUsageError(`unknown format "${values.format}" (one of ${INVENTORY_FORMATS.join(', ')})`);
    }
    const bytes = await readBytes(file);
    const mapping = values.mapping ? await readMapping(values.mapping) : undefined;
    const data = values.into ? await readTarget(values.into) : null;
    const fileName = basename(file);
    const read = await parseInventory(
      { name: fileName, bytes },
      { format: values.format as InventoryFormat | undefined, mapping },
    );
    // As the app's import: the built-in tables under the assessor's aliases (the file carries them).
    const aliases = await commandAliases(data?.aliases, values.aliases);
    const normaliser = new Normaliser(aliases);
    const parsed = { ...read, assets: read.assets.map((a) => normaliseNames(a, normaliser)) };
    const batch = {
      id: newId(),
      assessmentId: data?.assessment.id ?? newId(),
      format: parsed.format,
      fileName,
    };
    const result = mergeIntoInventory(data?.assets ?? [], parsed, batch, data?.flows ?? []);
    const changed = result.added.length + result.updated.length + result.flows.length > 0;
    if (data && values.into && !changed) {
      io.stderr(`${values.into}: nothing changed (everything in ${fileName} is there already)\n`);
    } else if (data && values.into) {
      const record = makeImportBatch(
        batch,
        { sha256: await sha256Hex(bytes), size: bytes.length },
        parsed.records,
        result,
      );
      // The aliases used travel in the file, so that the app re-normalises with them too.
      const next = { ...applyMerge(data, result, record), aliases };
      const temp = `${values.into}.${process.pid}.tmp`;
      await writeFile(temp, serializeAssessmentFile(next));
      await rename(temp, values.into);
      io.stderr(
        `${values.into}: ${result.added.length} assets added, ${result.updated.length} updated, ${result.flows.length} flows added\n`,
      );
    }
    printJson(io, {
      format: parsed.format,
      assets: result.counts.assets,
      flows: result.flows.length,
      merged: result.counts.merged,
      skipped: result.counts.skipped,
      warnings: result.warnings,
    });
    return EXIT.ok;
  },
};
