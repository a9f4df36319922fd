import { CONDUIT_CONTROL_LABELS } from '../../model';
import { targetVector, vectorToArray } from '../../catalogue';
import type { ReportModel } from '../model';
import type { ReportWriter } from '../layout';
import { EMPTY, SL_VECTOR_NOTE } from '../wording';
import { pdfTable, zonesTable } from '../tables';

const vec = (v: Parameters<typeof vectorToArray>[0]) => vectorToArray(v).join(' ');

export function writeZonesAndConduits(w: ReportWriter, model: ReportModel): void {
  w.section('Zones and conduits');
  w.subheading('Zones', true);
  if (model.zones.length === 0) w.empty(EMPTY.zones);
  else {
    w.paragraph(SL_VECTOR_NOTE, { size: 8.5 });
    w.table({
      ...pdfTable(zonesTable(model, 6)),
      styles: { fontSize: 7, cellPadding: { top: 1.6, bottom: 1.6, left: 1.5, right: 1.5 } },
      columnStyles: {
        0: { cellWidth: 26 },
        1: { cellWidth: 16 },
        2: { cellWidth: 11 },
        3: { cellWidth: 19 },
        4: { cellWidth: 19 },
        5: { cellWidth: 19 },
        6: { cellWidth: 19 },
        7: { cellWidth: 14, halign: 'right' },
      },
    });
  }
  w.subheading('Conduits', true);
  if (model.data.conduits.length === 0) w.empty(EMPTY.conduits);
  else {
    w.table({
      head: [['Conduit', 'Direction', 'Allowed services', 'Controls', 'SL-T', 'Notes']],
      body: model.data.conduits.map((c) => [
        `${c.name ? `${c.name}\n` : ''}${model.zoneName(c.fromZoneId)} ${c.direction === 'one-way' ? '→' : '↔'} ${model.zoneName(c.toZoneId)}`,
        c.direction === 'one-way' ? 'One way' : 'Both ways',
        c.services.length === 0
          ? 'none listed'
          : c.services
              .map((s) => `${s.protocol || 'any'} (${s.transport}${s.ports ? `/${s.ports}` : ''})`)
              .join('\n'),
        c.controls.length ? c.controls.map((k) => CONDUIT_CONTROL_LABELS[k]).join(', ') : 'none',
        vec(targetVector(c.slt)),
        c.notes,
      ]),
      styles: { fontSize: 7.5 },
      columnStyles: { 0: { cellWidth: 45 }, 1: { cellWidth: 18 }, 4: { cellWidth: 22 } },
    });
  }
}
