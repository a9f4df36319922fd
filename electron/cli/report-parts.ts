import { readFile } from 'node:fs/promises';
import type { AssessmentData } from '../../shared/model';
import {
  assessmentDiagramSvg,
  imageSize,
  renderFindingsXlsx,
  renderReportPdf,
  type ReportImage,
  type ReportSigner,
} from '../../shared/report';
import { renderReportDocx } from '../../shared/report/docx';
import { loadReportFonts } from './report-fonts';

/** The optional parts of a bundle; each is left out when absent. */
export interface ReportParts {
  reportPdf?: Uint8Array;
  reportDocx?: Uint8Array;
  findingsXlsx?: Uint8Array;
  diagramSvg?: Uint8Array;
  diagramPng?: Uint8Array;
}

/** A PNG given on the command line, with its pixel size for the DOCX; null when it is no PNG. */
export function diagramImage(png: Uint8Array | undefined): ReportImage | null {
  const size = png ? imageSize(png) : null;
  return png && size?.format === 'PNG' ? { bytes: png, width: size.width, height: size.height } : null;
}

/**
 * Renders the report (PDF and DOCX), the findings workbook and the zone diagram (SVG; a PNG needs
 * a browser's canvas, so the CLI leaves it out unless given) for a headless export; `export` puts
 * them in every bundle. Files given on the command line take precedence.
 */
export async function renderReportParts(
  data: AssessmentData,
  signer: ReportSigner | null,
  generatedAt?: string,
  diagramPng?: Uint8Array,
): Promise<ReportParts> {
  const fonts = await loadReportFonts();
  const when = generatedAt ? { generatedAt } : {};
  const reportPdf = renderReportPdf(data, { fonts, signer, ...when });
  const reportDocx = await renderReportDocx(data, { signer, ...when, diagramPng: diagramImage(diagramPng) });
  const findingsXlsx = await renderFindingsXlsx(data);
  const svg = assessmentDiagramSvg(data);
  const parts: ReportParts = { reportPdf, reportDocx, findingsXlsx };
  if (svg) parts.diagramSvg = new TextEncoder().encode(svg);
  return parts;
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
