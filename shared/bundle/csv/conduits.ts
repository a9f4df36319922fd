import type { Conduit } from '../../model';
import { bundleCsv, cellList, type BundleCsvFile } from './table';

/** "tcp/502 modbus": transport, port or range, protocol name. */
const serviceList = (services: Conduit['services']): string =>
  cellList(services.map((s) => [s.transport + (s.ports ? `/${s.ports}` : ''), s.protocol].join(' ').trim()));

export const CONDUITS_CSV: BundleCsvFile = {
  name: 'conduits.csv',
  render: (data, { zoneOf }) =>
    bundleCsv(data.conduits, [
      ['id', (c) => c.id],
      ['name', (c) => c.name],
      ['from_zone', (c) => zoneOf(c.fromZoneId)],
      ['to_zone', (c) => zoneOf(c.toZoneId)],
      ['direction', (c) => c.direction],
      ['services', (c) => serviceList(c.services)],
      ['controls', (c) => cellList(c.controls)],
      ['notes', (c) => c.notes],
    ]),
};
