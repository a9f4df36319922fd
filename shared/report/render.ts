import { jsPDF } from 'jspdf';
import type { AssessmentData } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../model/version';
import { registerFonts, textNeedsMoreThan } from './fonts';
import { ReportWriter } from './layout';
import { resolveBranding } from './branding';
import { buildReportModel } from './model';
import type { ReportOptions } from './options';
import { writeVerifyAppendix } from './sections/appendix';
import { writeConnections } from './sections/connections';
import { writeCoverage } from './sections/coverage';
import { writeDocumentControl } from './sections/document-control';
import { writeDiagram } from './sections/diagram';
import { writeFindings } from './sections/findings';
import { drawCover, drawHeadersAndFooters, drawToc } from './sections/front';
import { writeInventory } from './sections/inventory';
import { writeNotAssessedAppendix, writeRequirements } from './sections/requirements';
import { writeRisk } from './sections/risk';
import { writeScope } from './sections/scope';
import { writeSummary } from './sections/summary';
import { writeTraffic } from './sections/traffic';
import { trafficSummary } from './traffic';
import { writeVulnerabilities } from './sections/vulnerabilities';
import { writeZonesAndConduits } from './sections/zones';

/**
 * The assessment report as PDF bytes. Pure: fonts and images come in as bytes, so it runs in
 * Node (the CLI), in a Web Worker and in the renderer alike. Every section fills in from whatever
 * the assessment holds and says so plainly when there is nothing.
 */
export function renderReportPdf(data: AssessmentData, options: ReportOptions): Uint8Array {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const marking = options.marking ?? 'Confidential';
  const signer = options.signer ?? null;
  const standalone = options.standalone ?? false;
  const progress = options.onProgress ?? (() => {});
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  const a = data.assessment;
  doc.setProperties({
    title: `OT security assessment – ${a.client}, ${a.site}`,
    subject: 'IEC 62443-3-3 assessment report',
    author: signer ? signer.name : a.assessors.join(', '),
    creator: `${TOOL_NAME} ${TOOL_VERSION}`,
  });
  // Fixed date and file id: the same inputs give the same bytes.
  doc.setCreationDate(new Date(generatedAt));
  const id = a.id.replace(/-/g, '');
  doc.setFileId(/^[0-9a-f]{32}$/i.test(id) ? id.toUpperCase() : '0'.repeat(32));
  progress(0, 'fonts');
  const coverage = registerFonts(doc, options.fonts, (main) =>
    textNeedsMoreThan(
      main,
      // What the report prints; flows, import batches and triage never reach the page.
      JSON.stringify([
        data.assessment,
        data.zones,
        data.conduits,
        data.assets,
        data.answers,
        data.connections,
        data.findings,
        data.riskScopes,
        data.zoneRisks,
        data.threatScenarios,
        data.countermeasures,
        data.vulnerabilities ?? [],
        data.evidence.map((e) => [e.name, e.caption]),
        signer,
      ]),
    ),
  );
  const writer = new ReportWriter(doc, coverage, resolveBranding(a));
  const model = buildReportModel(data);

  drawCover(writer, model, signer, generatedAt, marking, standalone);
  writer.newPage();
  writeDocumentControl(writer, model, generatedAt);
  writer.newPage();
  const tocPage = writer.page;
  const traffic = trafficSummary(data);
  const steps: [string, () => void][] = [
    ['summary', () => writeSummary(writer, model, traffic)],
    ['coverage', () => writeCoverage(writer, model)],
    ['scope', () => writeScope(writer, model)],
    ['diagram', () => writeDiagram(writer, model, options.diagramPng ?? null)],
    ['zones', () => writeZonesAndConduits(writer, model)],
    ['requirements', () => writeRequirements(writer, model)],
    ['risk', () => writeRisk(writer, model)],
    ['connections', () => writeConnections(writer, model)],
    ['traffic', () => writeTraffic(writer, model, traffic)],
    ['inventory', () => writeInventory(writer, model)],
    ['vulnerabilities', () => writeVulnerabilities(writer, model)],
    ['findings', () => writeFindings(writer, model)],
    ['not-assessed', () => writeNotAssessedAppendix(writer, model)],
    ['appendix', () => writeVerifyAppendix(writer, signer, standalone)],
  ];
  steps.forEach(([name, write], i) => {
    progress((i + 1) / (steps.length + 2), name);
    write();
  });
  drawToc(writer, tocPage);
  drawHeadersAndFooters(writer, model, marking);
  progress((steps.length + 1) / (steps.length + 2), 'writing');
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  progress(1, 'done');
  return bytes;
}
