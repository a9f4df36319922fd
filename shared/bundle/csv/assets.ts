import { bundleCsv, cellList, type BundleCsvFile } from './table';

export const ASSETS_CSV: BundleCsvFile = {
  name: 'assets.csv',
  render: (data, { zoneOf }) =>
    bundleCsv(data.assets, [
      ['id', (a) => a.id],
      ['name', (a) => a.name],
      ['zone', (a) => zoneOf(a.zoneId)],
      ['ips', (a) => cellList(a.ips)],
      ['macs', (a) => cellList(a.macs)],
      ['hostnames', (a) => cellList(a.hostnames)],
      ['vendor', (a) => a.vendor],
      ['model', (a) => a.model],
      ['firmware', (a) => a.firmware],
      ['os', (a) => a.os],
      ['serial', (a) => a.serial],
      ['type', (a) => a.type],
      ['purdue_level', (a) => a.purdueLevel],
      ['protocols', (a) => cellList(a.protocols)],
      ['criticality', (a) => a.criticality],
      ['first_seen', (a) => a.firstSeen],
      ['last_seen', (a) => a.lastSeen],
      ['end_of_support', (a) => a.endOfSupport],
      ['notes', (a) => a.notes],
    ]),
};
