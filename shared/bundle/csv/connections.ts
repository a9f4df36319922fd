import { endpointLabel } from '../../network/endpoint-label';
import { bundleCsv, type BundleCsvFile } from './table';

export const CONNECTIONS_CSV: BundleCsvFile = {
  name: 'connections.csv',
  render(data, { evidenceList }) {
    const names = {
      assets: new Map(data.assets.map((a) => [a.id, a])),
      zones: new Map(data.zones.map((z) => [z.id, z])),
    };
    return bundleCsv(data.connections, [
      ['id', (c) => c.id],
      ['from', (c) => endpointLabel(c.from, names)],
      ['to', (c) => endpointLabel(c.to, names)],
      ['type', (c) => c.type],
      ['found_by', (c) => c.foundBy],
      ['likelihood', (c) => c.likelihood],
      ['impact', (c) => c.impact],
      ['risk', (c) => c.likelihood * c.impact],
      ['status', (c) => c.status],
      ['description', (c) => c.description],
      ['justification', (c) => c.justification],
      ['recommendation', (c) => c.recommendation],
      ['evidence', (c) => evidenceList(c.evidenceIds)],
    ]);
  },
};
