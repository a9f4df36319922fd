import { parseArgs } from 'node:util';
import {
  generateFindings,
  planRoadmap,
  reconcileFindings,
  resolveFindingSettings,
} from '../../../shared/findings';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { readAssessmentOrExplain } from '../read-assessment';

export const findingsCommand: CliCommandModule = {
  async run(args, io) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { now: { type: 'string' } },
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new CliUsageError('findings takes exactly one assessment file');
    const now = values.now === undefined ? new Date() : new Date(values.now);
    if (Number.isNaN(now.getTime())) throw new CliUsageError(`--now "${values.now}" is not a date`);
    const data = await readAssessmentOrExplain(file, io);
    if (!data) return EXIT.unreadable;
    const result = reconcileFindings(data.findings, generateFindings(data, { now }), {
      assessmentId: data.assessment.id,
      now: now.toISOString(),
    });
    io.stderr(
      `${file}: ${result.findings.length} findings (${result.added.length} new, ${result.updated.length} refreshed, ${result.removed.length} no longer apply)\n`,
    );
    const plan = planRoadmap(result.findings, {
      quarterCapacity: resolveFindingSettings(data.assessment.findingSettings).quarterCapacity,
    });
    printJson(io, {
      file,
      assessment: { id: data.assessment.id, client: data.assessment.client, site: data.assessment.site },
      counts: {
        findings: result.findings.length,
        open: result.findings.filter((f) => f.status === 'open').length,
        added: result.added.length,
        updated: result.updated.length,
        removed: result.removed.length,
      },
      findings: result.findings.map((finding) => ({
        ...finding,
        roadmap: plan.get(finding.id)?.slot ?? null,
      })),
      removed: result.removed.map(({ id, autoKey, title }) => ({ id, autoKey, title })),
    });
    return EXIT.ok;
  },
};
