import { withCurrentFindings } from '../../shared/findings';
import { buildBundle, sshFingerprint } from '../../shared/bundle';
import {
  assessmentDiagramSvg,
  renderFindingsXlsx,
  renderReportPdf,
  type ReportFonts,
  type ReportImage,
} from '../../shared/report';
import { renderReportDocx } from '../../shared/report/docx';
import { loadAssessmentData } from '../db/assessment-data';
import { withTransfer, type Handler, type Job } from './channel';

/** The report takes this share of the progress bar, the bundle the rest. */
const REPORT_SHARE = 0.5;

export interface BundleProgress {
  fraction: number;
  step: string;
}

/** What the worker asks the page: the host signs (only it holds the private key), the browser rasterises. */
export interface BundlePageHandlers {
  [name: string]: Handler;
  /** Signs SHA256SUMS: the host parses it and builds the SSHSIG signed data itself. */
  sign(sums: Uint8Array): Promise<Uint8Array>;
  diagramPng(svg: string): Promise<ReportImage>;
}

export interface BuiltBundle {
  fileName: string;
  bytes: Uint8Array;
  fingerprint: string;
  signedAt: string;
  files: number;
}

/**
 * Builds the signed bundle (in the bundle worker, off the UI thread). It reads the assessment from
 * IndexedDB (nothing of it is copied across from the page), brings the findings up to date with
 * the same pure function as the command line, and writes nothing to the database.
 */
export async function buildBundleFromDatabase(
  request: {
    assessmentId: string;
    signer: { name: string; organization: string; email: string; publicKey: Uint8Array };
    fonts: ReportFonts;
  },
  job: Job<BundleProgress, BundlePageHandlers>,
): Promise<BuiltBundle> {
  const { signer } = request;
  job.progress({ fraction: 0, step: 'loading' });
  const signedAt = new Date().toISOString();
  const data = withCurrentFindings(await loadAssessmentData(request.assessmentId), new Date(signedAt));
  const fingerprint = await sshFingerprint(signer.publicKey);
  const diagramSvg = assessmentDiagramSvg(data);
  const diagramPng = diagramSvg ? await job.ask('diagramPng', diagramSvg) : null;
  const reportPdf = renderReportPdf(data, {
    fonts: request.fonts,
    signer: { ...signer, fingerprint },
    generatedAt: signedAt,
    // The report draws the diagram as vectors with its embedded fonts: the PNG is rasterised by the
    // browser with whatever system fonts it finds (CJK may be missing there), so it only goes in the bundle.
    onProgress: (fraction, step) =>
      job.progress({ fraction: fraction * REPORT_SHARE, step: `report: ${step}` }),
  });
  job.progress({ fraction: REPORT_SHARE, step: 'report: docx' });
  // The editable report takes the rasterised diagram: Word shows SVG only with a PNG fallback anyway.
  const reportDocx = await renderReportDocx(data, {
    signer: { ...signer, fingerprint },
    generatedAt: signedAt,
    diagramPng,
  });
  job.progress({ fraction: REPORT_SHARE, step: 'report: xlsx' });
  const findingsXlsx = await renderFindingsXlsx(data);
  const bundle = await buildBundle({
    data,
    signer: { ...signer, sign: (_signedData, sums) => job.ask('sign', sums) },
    signedAt,
    reportPdf,
    reportDocx,
    findingsXlsx,
    diagramSvg,
    diagramPng: diagramPng?.bytes ?? null,
    onProgress: ({ phase, fraction }) =>
      job.progress({ fraction: REPORT_SHARE + fraction * (1 - REPORT_SHARE), step: phase }),
  });
  const built = {
    fileName: bundle.fileName,
    bytes: bundle.bytes,
    fingerprint: bundle.fingerprint,
    signedAt: bundle.signedAt,
    files: bundle.files.length,
  };
  return withTransfer(built, [bundle.bytes.buffer]);
}
