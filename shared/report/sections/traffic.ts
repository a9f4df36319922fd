import { plural } from '../../findings/types';
import { CANDIDATE_KIND_LABELS } from '../../network';
import type { ReportModel } from '../model';
import { COLORS, CONTENT_WIDTH, type ReportWriter } from '../layout';
import type { TrafficSummary, TriagedCandidate } from '../traffic';
import { EMPTY } from '../wording';

/** Zones a matrix can show across the page at a readable size; beyond that the pairs are listed. */
const MATRIX_ZONES = 6;

function triageText(c: TriagedCandidate): string {
  switch (c.state) {
    case 'open':
      return 'Open: not triaged yet';
    case 'documented':
      return 'Documented as a conduit service';
    case 'confirmed':
      return 'Confirmed: recorded as an undocumented connection';
    case 'dismissed':
      return `Dismissed: ${c.triage?.reason.trim() || 'no reason given'}`;
  }
}

function writeMatrix(w: ReportWriter, model: ReportModel, traffic: TrafficSummary): boolean {
  const rows = [...new Set(traffic.pairs.map((p) => p.fromZoneId ?? ''))];
  const cols = [...new Set(traffic.pairs.map((p) => p.toZoneId ?? ''))];
  if (rows.length === 0 || rows.length > MATRIX_ZONES * 2 || cols.length > MATRIX_ZONES) return false;
  const name = (id: string) => (id ? model.zoneName(id) : 'no zone');
  const cell = new Map(traffic.pairs.map((p) => [`${p.fromZoneId ?? ''}>${p.toZoneId ?? ''}`, p]));
  const colW = (CONTENT_WIDTH - 36) / cols.length;
  w.paragraph(
    'Flows per zone pair, from the client zone (rows) to the server zone (columns), with their protocols; * marks flows on no conduit.',
    { size: 8.5, color: COLORS.muted },
  );
  w.table({
    head: [['From \\ to', ...cols.map(name)]],
    body: rows.map((from) => [
      name(from),
      ...cols.map((to) => {
        const p = cell.get(`${from}>${to}`);
        if (!p) return from === to ? '' : '–';
        return `${p.flows}${p.undocumented > 0 ? '*' : ''}\n${p.protocols.slice(0, 3).join(', ')}`;
      }),
    ]),
    styles: { fontSize: 7.5, cellPadding: { top: 1.4, bottom: 1.4, left: 1.2, right: 1.2 } },
    headStyles: { fontSize: 7 },
    columnStyles: Object.fromEntries([
      [0, { cellWidth: 36, fontStyle: 'bold' }],
      ...cols.map((_, i) => [i + 1, { cellWidth: colW }]),
    ]),
  });
  return true;
}

function writePairs(w: ReportWriter, model: ReportModel, traffic: TrafficSummary): void {
  w.table({
    head: [['From zone', 'To zone', 'Flows', 'Packets', 'Protocols', 'On a conduit']],
    body: traffic.pairs.map((p) => [
      model.zoneName(p.fromZoneId),
      model.zoneName(p.toZoneId),
      String(p.flows),
      String(p.packets),
      p.protocols.join(', ') || '–',
      p.undocumented === 0
        ? 'yes'
        : p.undocumented === p.flows
          ? 'no'
          : `${p.flows - p.undocumented} of ${p.flows}`,
    ]),
    styles: { fontSize: 8 },
    columnStyles: {
      2: { cellWidth: 13, halign: 'right' },
      3: { cellWidth: 17, halign: 'right' },
      5: { cellWidth: 20 },
    },
  });
}

function writeCandidates(w: ReportWriter, traffic: TrafficSummary): void {
  const { counts } = traffic;
  w.subheading('Reconciliation candidates and their triage');
  if (traffic.candidates.length === 0) {
    w.empty(EMPTY.candidates);
    return;
  }
  w.paragraph(
    `${plural(traffic.candidates.length, 'candidate')}: ${counts.open} open, ${counts.documented} documented, ${counts.confirmed} confirmed, ${counts.dismissed} dismissed.`,
    { size: 9 },
  );
  w.table({
    head: [['Kind', 'What was observed', 'Flows', 'Triage']],
    body: traffic.candidates.map((c) => [
      CANDIDATE_KIND_LABELS[c.kind],
      c.summary,
      String(c.flowIds.length),
      triageText(c),
    ]),
    styles: { fontSize: 8 },
    columnStyles: { 0: { cellWidth: 30 }, 2: { cellWidth: 13, halign: 'right' }, 3: { cellWidth: 48 } },
  });
}

/** What the captures showed: flows between zones (a matrix, or a list when large) and the candidates' triage. */
export function writeTraffic(w: ReportWriter, model: ReportModel, traffic: TrafficSummary | null): void {
  w.section('Observed traffic');
  if (!traffic) {
    w.empty(EMPTY.traffic);
    return;
  }
  w.paragraph(
    `${plural(traffic.flows, 'flow')} ${traffic.flows === 1 ? 'was' : 'were'} imported; ${plural(traffic.crossZoneFlows, 'flow')} crossed a zone boundary, between ${plural(traffic.pairs.length, 'zone pair')}.`,
  );
  w.subheading('Flows between zones');
  if (traffic.pairs.length === 0) w.empty(EMPTY.crossings);
  else {
    if (!writeMatrix(w, model, traffic)) {
      w.paragraph(
        'Too many zones take part for a readable matrix, so the zone pairs are listed, busiest first.',
        {
          size: 8.5,
          color: COLORS.muted,
        },
      );
    }
    writePairs(w, model, traffic);
  }
  writeCandidates(w, traffic);
}
