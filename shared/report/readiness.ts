import { addCoverage, emptyCoverage } from '../catalogue';
import { plural } from '../findings/types';
import type { AssessmentData } from '../model';
import { buildReportModel } from './model';
import { trafficSummary } from './traffic';

/**
 * What makes a report not yet fit to call final: required items still unassessed and traffic
 * candidates not yet triaged. Empty when there is nothing to warn about.
 */
export function completenessWarnings(data: AssessmentData): string[] {
  const model = buildReportModel(data);
  const total = model.zones.reduce((sum, z) => addCoverage(sum, z.evaluation.coverage), emptyCoverage());
  const warnings: string[] = [];
  if (total.notAssessed > 0) {
    const zones = model.zones.filter((z) => z.evaluation.coverage.notAssessed > 0).length;
    warnings.push(
      `${plural(total.notAssessed, 'required item')} in ${plural(zones, 'zone')} ${total.notAssessed === 1 ? 'is' : 'are'} not assessed yet.`,
    );
  }
  const open = trafficSummary(data)?.counts.open ?? 0;
  if (open > 0) {
    warnings.push(
      `${plural(open, 'traffic candidate')} ${open === 1 ? 'is' : 'are'} not triaged yet (documented, confirmed or dismissed).`,
    );
  }
  return warnings;
}

/** The warnings to show before exporting: only a report marked final is held to them. */
export function finalReportWarnings(data: AssessmentData): string[] {
  return data.assessment.documentControl?.status === 'final' ? completenessWarnings(data) : [];
}
