import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import {
  createAssessment,
  describeZodError,
  emptyAssessmentData,
  serializeAssessmentFile,
} from '../../../shared/model';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';

export const newCommand: CliCommandModule = {
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        client: { type: 'string' },
        site: { type: 'string' },
        out: { type: 'string' },
        assessor: { type: 'string', multiple: true },
        start: { type: 'string' },
        end: { type: 'string' },
        scope: { type: 'string' },
        force: { type: 'boolean' },
      },
      strict: true,
    });
    if (!values.client || !values.site || !values.out)
      throw new CliUsageError('--client, --site and --out are required');
    let data;
    try {
      data = emptyAssessmentData(
        createAssessment({
          client: values.client,
          site: values.site,
          assessors: values.assessor ?? [],
          startDate: values.start ?? null,
          endDate: values.end ?? null,
          scope: values.scope ?? '',
        }),
      );
    } catch (error) {
      if (error instanceof ZodError) throw new CliUsageError(describeZodError(error).join('; '));
      throw error;
    }
    await writeFile(values.out, serializeAssessmentFile(data), { flag: values.force ? 'w' : 'wx' }).catch(
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
    });
    return EXIT.ok;
  },
};
