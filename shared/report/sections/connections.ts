import { CONNECTION_TYPE_LABELS } from '../../model';
import type { ReportModel } from '../model';
import { COLORS, type ReportWriter } from '../layout';
import { connectionEvidence, drawThumbnails } from './evidence';
import { CONNECTIONS_INTRO, EMPTY } from '../wording';

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
    w.empty(EMPTY.connections);
    return;
  }
  w.paragraph(CONNECTIONS_INTRO, { size: 9, color: COLORS.muted });
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
  const evidence = connectionEvidence(connections, evidenceById);
  if (evidence.length > 0) {
    w.subheading('Evidence');
    drawThumbnails(w, evidence);
  }
}
