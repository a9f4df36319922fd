export { renderReportPdf } from './render';
export type { ReportOptions, ReportSigner, ReportImage } from './options';
export type { ReportFonts } from './fonts';
export { buildReportModel, roadmapSlotOf } from './model';
export { assessmentDiagramSvg } from './diagram-svg';
export { renderFindingsXlsx, PLAN_STATUSES } from './xlsx';
export { buildReportContent, type ReportContent, type Block } from './content';
export { planOfAction, type PlanRow } from './plan-of-action';
export {
  checkAccentColor,
  contrastWithWhite,
  readLogo,
  imageSize,
  resolveBranding,
  DEFAULT_ACCENT,
  MIN_ACCENT_CONTRAST,
  type ResolvedBranding,
} from './branding';
export { executiveNarrative, reportNarrative, narrativeIsStale } from './narrative';
export { trafficSummary, type TrafficSummary } from './traffic';
export { completenessWarnings, finalReportWarnings } from './readiness';
