import type { Assessment } from '../../model';
import type { ReportModel } from '../model';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';
import type { ReportSigner } from '../options';
import { handlingNote } from '../wording';

function formatDate(date: string | null): string {
  return date ?? 'not recorded';
}

export function assessmentPeriod(model: ReportModel): string {
  const { startDate, endDate } = model.data.assessment;
  if (!startDate && !endDate) return 'Dates not recorded';
  if (startDate === endDate || !endDate) return formatDate(startDate);
  return `${formatDate(startDate)} to ${formatDate(endDate)}`;
}

/** The cover: who, where, when, by whom, the signing key's fingerprint and the marking. */
export function drawCover(
  w: ReportWriter,
  model: ReportModel,
  signer: ReportSigner | null,
  generatedAt: string,
  marking: string,
  standalone = false,
): void {
  drawCoverBand(w, model.data.assessment);
  const y = drawCoverDetails(w, coverDetails(model, signer, generatedAt, standalone), 132);
  drawFingerprintBox(w, signer, y + 4);
  drawMarkingBox(w, marking, model.data.assessment.client);
}

/** The cover's label and value rows: the assessment, its period and assessors, and who signed it. */
export function coverDetails(
  model: ReportModel,
  signer: ReportSigner | null,
  generatedAt: string,
  standalone: boolean,
): [string, string][] {
  const a = model.data.assessment;
  const rows: [string, string][] = [
    ['Assessment', a.title],
    ['Period', assessmentPeriod(model)],
    ['Assessors', a.assessors.length ? a.assessors.join(', ') : 'not recorded'],
    ['Report generated', generatedAt.slice(0, 10)],
    [
      standalone ? 'Signing key of' : 'Signed by',
      signer
        ? `${signer.name}${signer.organization ? `, ${signer.organization}` : ''}${standalone ? ' (this PDF on its own carries no signature; the signed bundle does)' : ''}`
        : 'unsigned draft',
    ],
  ];
  if (signer) rows.push(['Signer e-mail', signer.email]);
  return rows;
}

/** The dark band at the top: the report's kind, the client and the site, the client's logo. */
function drawCoverBand(w: ReportWriter, a: Assessment): void {
  const { doc } = w;
  doc.setFillColor(...COLORS.primary);
  doc.rect(0, 0, PAGE.width, 112, 'F');
  doc.setFillColor(...w.accent);
  doc.rect(0, 112, PAGE.width, 2.5, 'F');
  // The client's logo on a white tile, so any logo reads on the dark band.
  if (w.branding?.logo) {
    doc.setFillColor(255, 255, 255);
    doc.roundedRect(PAGE.width - PAGE.right - 52, 14, 52, 26, 1.5, 1.5, 'F');
    w.logo(PAGE.width - PAGE.right - 50, 16, 48, 22);
  }
  w.textAt('OT SECURITY ASSESSMENT', PAGE.left, 34, 11, 'bold', [170, 205, 215]);
  w.textAt('IEC 62443-3-3 zone and conduit review', PAGE.left, 41, 10, 'normal', [200, 215, 230]);
  let y = 62;
  for (const line of w.wrap(a.client, CONTENT_WIDTH, 26, 'bold').slice(0, 2)) {
    w.textAt(line, PAGE.left, y, 26, 'bold', [255, 255, 255]);
    y += 11;
  }
  for (const line of w.wrap(a.site, CONTENT_WIDTH, 16).slice(0, 2)) {
    w.textAt(line, PAGE.left, y, 16, 'normal', [225, 235, 245]);
    y += 7.5;
  }
}

/** The rows under the band, each value up to three lines; returns where the next block starts. */
function drawCoverDetails(w: ReportWriter, rows: readonly [string, string][], top: number): number {
  let y = top;
  for (const [label, value] of rows) {
    w.textAt(label.toUpperCase(), PAGE.left, y, 8, 'bold', COLORS.muted);
    const lines = w.wrap(value, CONTENT_WIDTH - 45, 11);
    lines.slice(0, 3).forEach((line, i) => w.textAt(line, PAGE.left + 45, y + i * 5.2, 11));
    y += Math.max(1, Math.min(3, lines.length)) * 5.2 + 4;
  }
  return y;
}

function drawFingerprintBox(w: ReportWriter, signer: ReportSigner | null, y: number): void {
  const { doc } = w;
  doc.setFillColor(...COLORS.light);
  doc.setDrawColor(...COLORS.rule);
  doc.roundedRect(PAGE.left, y, CONTENT_WIDTH, 27, 2, 2, 'FD');
  w.textAt('SIGNING KEY FINGERPRINT (ED25519)', PAGE.left + 5, y + 7, 8, 'bold', COLORS.muted);
  w.textAt(
    signer ? signer.fingerprint : 'This report was generated without a signing key.',
    PAGE.left + 5,
    y + 14,
    signer ? 10.5 : 10,
    'bold',
    COLORS.primary,
  );
  w.textAt(
    'Compare it with the fingerprint the assessor gave you separately; see "How to verify this report".',
    PAGE.left + 5,
    y + 21,
    8,
    'normal',
    COLORS.muted,
  );
}

/** The marking and the handling note, framed at the foot of the cover. */
function drawMarkingBox(w: ReportWriter, marking: string, client: string): void {
  const { doc } = w;
  doc.setDrawColor(...COLORS.gap);
  doc.setLineWidth(0.5);
  doc.roundedRect(PAGE.left, 250, CONTENT_WIDTH, 22, 2, 2, 'S');
  w.textAt(marking.toUpperCase(), PAGE.width / 2, 258, 11, 'bold', COLORS.gap, 'center');
  const note = w.wrap(handlingNote(client), CONTENT_WIDTH - 10, 8.5);
  note.forEach((line, i) => w.textAt(line, PAGE.width / 2, 264 + i * 4, 8.5, 'normal', COLORS.ink, 'center'));
}

/** Fills the reserved contents page once every section's page is known. */
export function drawToc(w: ReportWriter, tocPage: number): void {
  const { doc } = w;
  doc.setPage(tocPage);
  w.textAt('Contents', PAGE.left, PAGE.top + 6, 18, 'bold', COLORS.primary);
  doc.setDrawColor(...COLORS.accent);
  doc.setLineWidth(0.8);
  doc.line(PAGE.left, PAGE.top + 9, PAGE.left + 24, PAGE.top + 9);
  let y = PAGE.top + 22;
  for (const entry of w.toc) {
    if (y > PAGE.height - PAGE.bottom - 6) break;
    const size = entry.level === 1 ? 11 : 9.5;
    const indent = entry.level === 1 ? 0 : 8;
    const title =
      w.wrap(entry.title, CONTENT_WIDTH - indent - 20, size, entry.level === 1 ? 'bold' : 'normal')[0] ?? '';
    const width = w.textAt(
      title,
      PAGE.left + indent,
      y,
      size,
      entry.level === 1 ? 'bold' : 'normal',
      entry.level === 1 ? COLORS.ink : COLORS.muted,
    );
    w.textAt(String(entry.page), PAGE.width - PAGE.right, y, size, 'normal', COLORS.ink, 'right');
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.2);
    doc.setLineDashPattern([0.4, 1.2], 0);
    doc.line(PAGE.left + indent + width + 2, y - 0.6, PAGE.width - PAGE.right - 8, y - 0.6);
    doc.setLineDashPattern([], 0);
    doc.link(PAGE.left, y - 4, CONTENT_WIDTH, 5.5, { pageNumber: entry.page });
    y += entry.level === 1 ? 8 : 6;
  }
}

/** Running header and footer on every page but the cover. */
export function drawHeadersAndFooters(w: ReportWriter, model: ReportModel, marking: string): void {
  const { doc } = w;
  const pages = doc.getNumberOfPages();
  const a = model.data.assessment;
  const header = w.wrap(`${a.client} — ${a.site}`, CONTENT_WIDTH - 70, 8)[0] ?? '';
  for (let page = 2; page <= pages; page++) {
    doc.setPage(page);
    w.textAt(header, PAGE.left, 12, 8, 'normal', COLORS.muted);
    w.textAt(
      'OT security assessment · IEC 62443-3-3',
      PAGE.width - PAGE.right,
      12,
      8,
      'normal',
      COLORS.muted,
      'right',
    );
    doc.setDrawColor(...COLORS.rule);
    doc.setLineWidth(0.2);
    doc.line(PAGE.left, 14.5, PAGE.width - PAGE.right, 14.5);
    doc.line(PAGE.left, PAGE.height - 13, PAGE.width - PAGE.right, PAGE.height - 13);
    w.textAt(marking.toUpperCase(), PAGE.left, PAGE.height - 8.5, 7.5, 'bold', COLORS.gap);
    w.textAt(
      `Page ${page} of ${pages}`,
      PAGE.width - PAGE.right,
      PAGE.height - 8.5,
      8,
      'normal',
      COLORS.muted,
      'right',
    );
  }
}
