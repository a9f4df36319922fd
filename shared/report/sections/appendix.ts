import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';
import type { ReportSigner } from '../options';
import { verifySteps } from '../wording';

function code(w: ReportWriter, lines: string[]): void {
  const size = 8;
  const wrapped = lines.flatMap((line) => w.wrap(line, CONTENT_WIDTH - 8, size));
  const height = wrapped.length * w.lineHeight(size) + 4;
  w.ensureSpace(height + 2);
  w.doc.setFillColor(...COLORS.light);
  w.doc.setDrawColor(...COLORS.rule);
  w.doc.roundedRect(PAGE.left, w.y, CONTENT_WIDTH, height, 1.2, 1.2, 'FD');
  let y = w.y + 2 + size * 0.3528;
  for (const line of wrapped) {
    w.textAt(line, PAGE.left + 4, y + 0.6, size, 'normal', COLORS.primary);
    y += w.lineHeight(size);
  }
  w.y += height + 4;
}

export function writeVerifyAppendix(w: ReportWriter, signer: ReportSigner | null, standalone = false): void {
  w.section('Appendix: How to verify this report');
  for (const part of verifySteps(signer, standalone, 'This PDF')) {
    if (part.kind === 'heading') w.subheading(part.text);
    else if (part.kind === 'code') code(w, part.lines);
    else w.paragraph(part.text, { size: 9.5 });
  }
}
