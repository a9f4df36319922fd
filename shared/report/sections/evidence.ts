import type { Answer, Connection, EvidenceWithBytes } from '../../model';
import type { ItemAssessment } from '../../catalogue';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';

const IMAGE_TYPES: Record<string, 'PNG' | 'JPEG'> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/jpg': 'JPEG',
};

export function isImageEvidence(e: EvidenceWithBytes): boolean {
  return Boolean(e.bytes && IMAGE_TYPES[e.mimeType.toLowerCase()]);
}

/** The photos that support these items, each once, captioned with the item it belongs to. */
export function itemEvidence(
  items: readonly ItemAssessment<Answer>[],
  evidenceById: ReadonlyMap<string, EvidenceWithBytes>,
): EvidenceWithBytes[] {
  const seen = new Set<string>();
  const shown: EvidenceWithBytes[] = [];
  for (const { item, answer } of items) {
    for (const id of answer?.evidenceIds ?? []) {
      const evidence = evidenceById.get(id);
      if (!evidence || seen.has(id)) continue;
      seen.add(id);
      shown.push({ ...evidence, caption: `${item.id}: ${evidence.caption || evidence.name}` });
    }
  }
  return shown.filter(isImageEvidence);
}

/** The photos recorded with these undocumented connections, each once. */
export function connectionEvidence(
  connections: readonly Pick<Connection, 'evidenceIds'>[],
  evidenceById: ReadonlyMap<string, EvidenceWithBytes>,
): EvidenceWithBytes[] {
  return [...new Set(connections.flatMap((c) => c.evidenceIds))]
    .map((id) => evidenceById.get(id))
    .filter((e) => e !== undefined)
    .filter(isImageEvidence);
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
