import { AssessmentFileError } from '../../../shared/model';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { readAssessmentFile, UnreadableFileError } from '../read-assessment';

export const validateCommand: CliCommandModule = {
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new CliUsageError('validate takes exactly one file');
    try {
      const data = await readAssessmentFile(file);
      printJson(io, {
        valid: true,
        file,
        assessment: { id: data.assessment.id, client: data.assessment.client, site: data.assessment.site },
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
    } catch (error) {
      if (error instanceof AssessmentFileError || error instanceof UnreadableFileError) {
        const problems = error instanceof AssessmentFileError ? error.problems : [error.message];
        for (const problem of problems) io.stderr(`${file}: ${problem}\n`);
        printJson(io, { valid: false, file, problems });
        return EXIT.unreadable;
      }
      throw error;
    }
  },
};
