import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AdvisoryMatcher, KevError, PackError, type MatchableAsset } from '../../../shared/advisories';
import { ImportError, parseInventory } from '../../../shared/importers';
import { AliasListError, AssessmentFileError, parseAssessmentFile } from '../../../shared/model';
import type { AliasRecord } from '../../../shared/vendors';
import { commandAliases } from '../aliases';
import { AdvisoryInputError, loadAdvisories, loadKev } from '../advisory-data';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';

interface InputAsset extends MatchableAsset {
  name: string;
  ip: string | null;
}

/** An assessment file (its assets and aliases), or any inventory export that `conduit import` reads. */
async function readAssets(file: string): Promise<{ assets: InputAsset[]; aliases?: AliasRecord[] }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AdvisoryInputError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`,
    );
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  if (/"format"\s*:\s*"conduit-assessment"/.test(head)) {
    const data = await parseAssessmentFile(new TextDecoder().decode(bytes));
    const assets = data.assets.map((a) => ({
      name: a.name,
      ip: a.ips[0] ?? null,
      vendor: a.vendor,
      model: a.model,
      firmware: a.firmware,
    }));
    return { assets, aliases: data.aliases };
  }
  const parsed = await parseInventory({ name: basename(file), bytes });
  const assets = parsed.assets.map((a) => ({
    name: a.name ?? a.ips[0] ?? a.macs[0] ?? '',
    ip: a.ips[0] ?? null,
    vendor: a.vendor,
    model: a.model,
    firmware: a.firmware,
  }));
  return { assets };
}

export const advisoriesCommand: CliCommandModule = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { pack: { type: 'string' }, kev: { type: 'string' }, aliases: { type: 'string' } },
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0)
      throw new CliUsageError('advisories takes exactly one assessment or inventory file');
    try {
      const { assets, aliases: fileAliases } = await readAssets(file);
      // The assessor's vendor aliases meet the advisories' vendor names, as in the app.
      const aliases = await commandAliases(fileAliases, values.aliases);
      const { index, problems } = await loadAdvisories(values.pack);
      for (const problem of problems)
        io.stderr(`${values.pack}: ${problem.file}: ${problem.message} (skipped)\n`);
      const kev = await loadKev(values.kev);
      const matcher = new AdvisoryMatcher(index.advisories, new Set(kev.entries.keys()), aliases);
      const matches = assets.flatMap((asset) =>
        matcher.match(asset).map((match) => ({
          asset: {
            name: asset.name,
            ip: asset.ip,
            vendor: asset.vendor,
            model: asset.model,
            firmware: asset.firmware,
          },
          advisory: match.advisoryId,
          title: match.title,
          cves: match.cves,
          cvss: match.cvss,
          kev: match.kevCves.length > 0,
          status: match.status,
          confidence: match.confidence,
          why: match.why,
        })),
      );
      io.stderr(
        `${file}: ${assets.length} assets, ${matches.length} matches against ${index.advisories.length} advisories (${index.from} to ${index.to}); KEV ${kev.version}\n`,
      );
      printJson(io, {
        pack: { advisories: index.advisories.length, from: index.from, to: index.to },
        kev: { version: kev.version, entries: kev.entries.size },
        matches,
      });
      return EXIT.ok;
    } catch (error) {
      if (error instanceof AssessmentFileError) {
        for (const problem of error.problems) io.stderr(`${file}: ${problem}\n`);
        return EXIT.unreadable;
      }
      if (
        error instanceof AdvisoryInputError ||
        error instanceof AliasListError ||
        error instanceof PackError ||
        error instanceof KevError ||
        error instanceof ImportError
      ) {
        io.stderr(`${error.message}\n`);
        return EXIT.unreadable;
      }
      throw error;
    }
  },
};
