import { applyTriageRules, reconcile, withTriage } from '../../../shared/network';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { readAssessmentOrExplain } from '../read-assessment';

export const reconcileCommand: CliCommandModule = {
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new CliUsageError('reconcile takes exactly one assessment file');
    const data = await readAssessmentOrExplain(file, io);
    if (!data) return EXIT.unreadable;
    const result = reconcile(data);
    for (const warning of result.warnings) io.stderr(`${file}: ${warning}\n`);
    printJson(io, {
      file,
      flows: data.flows.length,
      candidates: withTriage(
        result.candidates,
        applyTriageRules(result.candidates, data.triage, data.triageRules ?? []),
      ).map(({ triage, ...candidate }) => ({
        ...candidate,
        triage: triage
          ? {
              decision: triage.decision,
              reason: triage.reason,
              ...(triage.ruleId ? { ruleId: triage.ruleId } : {}),
            }
          : null,
      })),
      warnings: result.warnings,
    });
    return EXIT.ok;
  },
};
