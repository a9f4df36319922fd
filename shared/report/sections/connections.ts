import { CONNECTION_TYPE_LABELS } from '../../model';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { drawThumbnails } from './evidence';

const FOUND_BY_LABELS = {
  'walk-down': 'Walk-down',
  interview: 'Interview',
  traffic: 'Traffic',
  inventory: 'Inventory',
};

export function writeConnections(w: ReportWriter, model: ReportModel): void {
  w.section('Undocumented connections');
  const connections = [...model.data.connections].sort(
    (a, b) => b.likelihood * b.impact - a.likelihood * a.impact,
  );
  if (connections.length === 0) {
    w.empty('No undocumented connections were recorded.');
    return;
  }
  w.paragraph(
    'Paths into or between zones that the documented conduits do not show. Risk is likelihood × impact, each rated 1 to 5.',
    { size: 9, color: COLORS.muted },
  );
  w.table({
    head: [['Connection', 'Type', 'Found by', 'Risk', 'Status', 'Description and recommendation']],
    body: connections.map((c) => [
      `${model.endpointLabel(c.from)}\n→ ${model.endpointLabel(c.to)}`,
      CONNECTION_TYPE_LABELS[c.type],
      FOUND_BY_LABELS[c.foundBy],
      `${c.likelihood * c.impact} (${c.likelihood}×${c.impact})`,
      c.status + (c.status === 'accepted' && c.justification ? `: ${c.justification}` : ''),
      [c.description, c.recommendation ? `Recommendation: ${c.recommendation}` : '']
        .filter(Boolean)
        .join('\n'),
    ]),
    styles: { fontSize: 7.5 },
    columnStyles: {
      0: { cellWidth: 34 },
      1: { cellWidth: 26 },
      2: { cellWidth: 19 },
      3: { cellWidth: 15 },
      4: { cellWidth: 17 },
    },
  });
  const evidenceById = new Map(model.data.evidence.map((e) => [e.id, e]));
  const evidence = [...new Set(connections.flatMap((c) => c.evidenceIds))]
    .map((id) => evidenceById.get(id))
    .filter((e) => e !== undefined);
  if (evidence.length > 0) {
    w.subheading('Evidence');
    drawThumbnails(w, evidence);
  }
}
