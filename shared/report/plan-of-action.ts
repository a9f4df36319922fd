import { planRoadmap, resolveFindingSettings, ROADMAP_SLOT_LABELS } from '../findings';
import { EFFORT_LABELS, PROGRAM_PHASE_LABELS, type Finding } from '../model';
import type { ReportModel } from './model';

/** One open finding as the plan of action lists it: the same rows in the DOCX table and the XLSX sheet. */
export interface PlanRow {
  finding: Finding;
  id: string;
  title: string;
  severity: string;
  phase: string;
  quarter: string;
  /** Where the quarter came from: the assessor, the suggestion, or deferred for capacity. */
  placement: 'assessor' | 'suggested' | 'deferred';
  effort: string;
  zones: string[];
  items: string[];
  assets: string[];
  recommendation: string;
}

/** The open findings in report order, each with its planned quarter (capacity applied). */
export function planOfAction(model: ReportModel): PlanRow[] {
  const plan = planRoadmap(model.openFindings, {
    quarterCapacity: resolveFindingSettings(model.data.assessment.findingSettings).quarterCapacity,
  });
  return model.openFindings.map((finding) => {
    const slot = plan.get(finding.id);
    return {
      finding,
      id: model.findingLabel(finding),
      title: finding.title,
      severity: finding.severity,
      phase: `${finding.phase}. ${PROGRAM_PHASE_LABELS[finding.phase]}`,
      quarter: slot ? ROADMAP_SLOT_LABELS[slot.slot] : '',
      placement: slot?.placedByAssessor ? 'assessor' : slot?.deferred ? 'deferred' : 'suggested',
      effort: finding.effort ? EFFORT_LABELS[finding.effort] : '',
      zones: finding.refs.zoneIds.map((id) => model.zoneName(id)),
      items: finding.refs.itemIds,
      assets: finding.refs.assetIds.map((id) => model.assetName(id)),
      recommendation: finding.recommendation,
    };
  });
}
