import { assessmentRisk, riskJson } from '../../../shared/risk';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { readAssessmentOrExplain } from '../read-assessment';

export const riskCommand: CliCommandModule = {
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new CliUsageError('risk takes exactly one assessment file');
    const data = await readAssessmentOrExplain(file, io);
    if (!data) return EXIT.unreadable;
    const result = assessmentRisk(data);
    for (const warning of result.warnings) io.stderr(`${file}: ${warning}\n`);
    printJson(io, riskJson(data, result));
    return EXIT.ok;
  },
};
