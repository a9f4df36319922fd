import type { EvidenceWithBytes } from '../../model';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';

const IMAGE_TYPES: Record<string, 'PNG' | 'JPEG'> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/jpg': 'JPEG',
};

export function isImageEvidence(e: EvidenceWithBytes): boolean {
  return Boolean(e.bytes && IMAGE_TYPES[e.mimeType.toLowerCase()]);
}

/** A row of evidence thumbnails with captions; images jsPDF cannot read are listed by name instead. */
export function drawThumbnails(w: ReportWriter, items: EvidenceWithBytes[]): void {
  const images = items.filter(isImageEvidence);
  if (images.length === 0) return;
  const size = 36;
  const gap = 5;
  const perRow = Math.floor((CONTENT_WIDTH + gap) / (size + gap));
  for (let i = 0; i < images.length; i += perRow) {
    w.ensureSpace(size + 12);
    images.slice(i, i + perRow).forEach((e, j) => {
      const x = PAGE.left + j * (size + gap);
      w.doc.setDrawColor(...COLORS.rule);
      w.doc.setLineWidth(0.2);
      w.doc.rect(x, w.y, size, size, 'S');
      try {
        const props = w.doc.getImageProperties(e.bytes!);
        const ratio = props.width / props.height;
        const [iw, ih] = ratio >= 1 ? [size - 2, (size - 2) / ratio] : [(size - 2) * ratio, size - 2];
        w.doc.addImage(
          e.bytes!,
          IMAGE_TYPES[e.mimeType.toLowerCase()]!,
          x + (size - iw) / 2,
          w.y + (size - ih) / 2,
          iw,
          ih,
          e.sha256,
          'FAST',
        );
      } catch {
        w.textAt('image unreadable', x + size / 2, w.y + size / 2, 7, 'normal', COLORS.muted, 'center');
      }
      const caption = w.wrap(e.caption || e.name, size, 6.5).slice(0, 2);
      caption.forEach((line, k) => w.textAt(line, x, w.y + size + 3 + k * 2.8, 6.5, 'normal', COLORS.muted));
    });
    w.y += size + 10;
  }
}
