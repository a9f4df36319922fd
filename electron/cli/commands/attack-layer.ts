import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { catalogueOf } from '../../../shared/catalogue';
import { attackLayer } from '../../../shared/risk';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { readAssessmentOrExplain } from '../read-assessment';

export const attackLayerCommand: CliCommandModule = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { zone: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new CliUsageError('attack-layer takes exactly one assessment file');
    if (!values.out) throw new CliUsageError('--out is required');
    const data = await readAssessmentOrExplain(file, io);
    if (!data) return EXIT.unreadable;
    let zones = data.zones;
    if (values.zone !== undefined) {
      const wanted = values.zone.trim().toLowerCase();
      zones = data.zones.filter((z) => z.name.trim().toLowerCase() === wanted);
      if (zones.length === 0) {
        io.stderr(
          `${file}: no zone named "${values.zone}" (zones: ${data.zones.map((z) => z.name).join(', ')})\n`,
        );
        return EXIT.invalid;
      }
    }
    const { catalogue, known } = catalogueOf(data.assessment.catalogueVersion);
    if (!known)
      io.stderr(
        `${file}: catalogue ${data.assessment.catalogueVersion} is not in this build; using ${catalogue.version}\n`,
      );
    const layer = attackLayer({
      catalogue,
      zones,
      answers: data.answers,
      title: `${data.assessment.client} – ${data.assessment.site}`,
    });
    const text = JSON.stringify(layer, null, 2) + '\n';
    await writeFile(values.out, text, { flag: values.force ? 'w' : 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST')
          throw new CliUsageError(`${values.out} exists already (use --force to overwrite)`);
        throw error;
      },
    );
    io.stderr(`wrote ${values.out}: ${layer.techniques.length} techniques\n`);
    printJson(io, { file: values.out, zones: zones.map((z) => z.name), techniques: layer.techniques.length });
    return EXIT.ok;
  },
};
