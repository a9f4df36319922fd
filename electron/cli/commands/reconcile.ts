import { AssessmentFileError } from '../../../shared/model';
import { reconcile, withTriage } from '../../../shared/analysis/reconcile';
import { CliUsageError, EXIT, printJson, type CliCommand } from '../command';
import { readAssessmentFile, UnreadableFileError } from '../read-assessment';

export const reconcileCommand: CliCommand = {
  name: 'reconcile',
  summary: 'check observed flows against the zones and conduits; print the candidates as JSON',
  usage: 'reconcile <file.conduit.json>',
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new CliUsageError('reconcile takes exactly one assessment file');
    try {
      const data = await readAssessmentFile(file);
      const result = reconcile(data);
      for (const warning of result.warnings) io.stderr(`${file}: ${warning}\n`);
      printJson(io, {
        file,
        flows: data.flows.length,
        candidates: withTriage(result.candidates, data.triage).map(({ triage, ...candidate }) => ({
          ...candidate,
          triage: triage ? { decision: triage.decision, reason: triage.reason } : null,
        })),
        warnings: result.warnings,
      });
      return EXIT.ok;
    } catch (error) {
      if (error instanceof AssessmentFileError || error instanceof UnreadableFileError) {
        const problems = error instanceof AssessmentFileError ? error.problems : [error.message];
        for (const problem of problems) io.stderr(`${file}: ${problem}\n`);
        return EXIT.unreadable;
      }
      throw error;
    }
  },
};
