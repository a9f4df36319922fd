export { renderReportPdf } from './render';
export type { ReportOptions, ReportSigner, ReportImage } from './options';
export type { ReportFonts } from './fonts';
export { buildReportModel, roadmapSlotOf } from './model';
export { assessmentDiagramSvg } from './diagram-svg';
export { executiveNarrative, reportNarrative, narrativeIsStale } from './narrative';
export { trafficSummary, type TrafficSummary } from './traffic';
export { completenessWarnings, finalReportWarnings } from './readiness';
