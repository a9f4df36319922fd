import { parseArgs } from 'node:util';
import { ATTACK_CREDIT, attackForItem, guidanceFor, IEC62443_3_3 } from '../../../shared/catalogue';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';

export const catalogueCommand: CliCommandModule = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'with-guidance': { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new CliUsageError(`unexpected argument "${positionals[0]}"`);
    const catalogue = IEC62443_3_3;
    printJson(io, {
      version: catalogue.version,
      attack: ATTACK_CREDIT,
      frs: catalogue.frs.map(({ id, short, name }) => ({ id, short, name })),
      items: catalogue.items.map(({ id, fr, sr, re, title, minLevel }) => ({
        id,
        fr,
        sr,
        re,
        title,
        minLevel,
        attack: attackForItem({ sr }),
        ...(values['with-guidance'] ? { guidance: guidanceFor(id) ?? null } : {}),
      })),
    });
    return EXIT.ok;
  },
};
