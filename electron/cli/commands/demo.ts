import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildDemoPlant } from '../../../shared/demo';
import { serializeAssessmentFile } from '../../../shared/model';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { bundledAdvisorySource } from '../advisory-data';
import { readDemoSources } from '../demo-sources';
import { loadOuiTable } from '../oui';

export const demoCommand: CliCommandModule = {
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string' }, force: { type: 'boolean' } },
      strict: true,
    });
    if (!values.out) throw new CliUsageError('--out is required');
    const data = await buildDemoPlant({
      files: await readDemoSources(),
      oui: loadOuiTable(),
      advisories: await bundledAdvisorySource(),
    });
    // Stamped with the demo's own time, so that every run writes the same bytes.
    const text = serializeAssessmentFile(data, { exportedAt: data.assessment.updatedAt });
    await writeFile(values.out, text, { flag: values.force ? 'w' : 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST')
          throw new CliUsageError(`${values.out} exists already (use --force to overwrite)`);
        throw error;
      },
    );
    io.stderr(`wrote ${values.out}\n`);
    printJson(io, {
      file: values.out,
      id: data.assessment.id,
      client: data.assessment.client,
      site: data.assessment.site,
      counts: {
        zones: data.zones.length,
        conduits: data.conduits.length,
        assets: data.assets.length,
        flows: data.flows.length,
        answers: data.answers.length,
        connections: data.connections.length,
        findings: data.findings.length,
        evidence: data.evidence.length,
      },
    });
    return EXIT.ok;
  },
};
