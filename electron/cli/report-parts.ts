import { readFile } from 'node:fs/promises';
import type { AssessmentData } from '../../shared/model';

/** The optional parts of a bundle; each is left out when absent. */
export interface ReportParts {
  reportPdf?: Uint8Array;
  diagramSvg?: Uint8Array;
  diagramPng?: Uint8Array;
}

/**
 * Renders the report PDF and the zone diagram for a headless export.
 * HOOK: nothing renders them yet. When shared/report (the PDF) and the diagram renderer exist,
 * call them here, e.g. `{ reportPdf: await renderReportPdf(data, { fingerprint }), diagramSvg: ... }`;
 * `export` then puts them in every bundle. Files given on the command line take precedence.
 */
export async function renderReportParts(
  _data: AssessmentData,
  _signer: { fingerprint: string },
): Promise<ReportParts> {
  return {};
}

/** Reads the parts given as files on the command line (--report, --diagram-svg, --diagram-png). */
export async function readReportPartFiles(files: {
  report?: string | undefined;
  diagramSvg?: string | undefined;
  diagramPng?: string | undefined;
}): Promise<ReportParts> {
  const read = async (file: string | undefined): Promise<Uint8Array | undefined> =>
    file === undefined ? undefined : new Uint8Array(await readFile(file));
  const parts: ReportParts = {};
  const [reportPdf, diagramSvg, diagramPng] = await Promise.all([
    read(files.report),
    read(files.diagramSvg),
    read(files.diagramPng),
  ]);
  if (reportPdf) parts.reportPdf = reportPdf;
  if (diagramSvg) parts.diagramSvg = diagramSvg;
  if (diagramPng) parts.diagramPng = diagramPng;
  return parts;
}
