import { readFile } from 'node:fs/promises';
import type { AssessmentData } from '../../shared/model';
import { assessmentDiagramSvg, renderReportPdf, type ReportSigner } from '../../shared/report';
import { loadReportFonts } from './report-fonts';

/** The optional parts of a bundle; each is left out when absent. */
export interface ReportParts {
  reportPdf?: Uint8Array;
  diagramSvg?: Uint8Array;
  diagramPng?: Uint8Array;
}

/**
 * Renders the report PDF and the zone diagram (SVG; a PNG needs a browser's canvas, so the CLI
 * leaves it out) for a headless export; `export` puts them in every bundle. Files given on the
 * command line take precedence.
 */
export async function renderReportParts(
  data: AssessmentData,
  signer: ReportSigner | null,
  generatedAt?: string,
): Promise<ReportParts> {
  const fonts = await loadReportFonts();
  const reportPdf = renderReportPdf(data, { fonts, signer, ...(generatedAt ? { generatedAt } : {}) });
  const svg = assessmentDiagramSvg(data);
  return svg ? { reportPdf, diagramSvg: new TextEncoder().encode(svg) } : { reportPdf };
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
