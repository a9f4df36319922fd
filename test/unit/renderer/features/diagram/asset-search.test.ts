import { describe, expect, it } from 'vitest';
import { createManualAsset } from '../../../../../shared/model';
import { ANY_ASSET, assetFacets, searchAssets } from '../../../../../renderer/features/diagram/asset-search';

describe('asset search in the diagram panels', () => {
  const assets = [
    { name: 'PLC Müller line 1', ips: ['10.1.0.5'], vendor: 'Siemens', type: 'PLC' },
    { name: 'HMI-2', ips: ['10.1.0.6'], vendor: 'Siemens', type: 'HMI' },
    { name: 'Router', ips: ['192.168.1.1'], vendor: 'Teltonika', type: 'Router' },
  ].map((a, i) => ({ ...createManualAsset('a1', a), id: `x${i}` }));

  it('ignores case and accents, and needs every word', () => {
    expect(searchAssets(assets, { ...ANY_ASSET, text: 'MÜLLER line' }).map((a) => a.id)).toEqual(['x0']);
    expect(searchAssets(assets, { ...ANY_ASSET, text: 'muller' }).map((a) => a.id)).toEqual(['x0']);
    expect(searchAssets(assets, { ...ANY_ASSET, text: 'MÜLLER line' }).map((a) => a.id)).toEqual(['x0']);
    expect(searchAssets(assets, { ...ANY_ASSET, text: '10.1.0 siemens' }).map((a) => a.id)).toEqual([
      'x0',
      'x1',
    ]);
    expect(searchAssets(assets, { ...ANY_ASSET, text: 'line 2' })).toEqual([]);
    expect(searchAssets(assets, ANY_ASSET)).toBe(assets);
  });

  it('filters by vendor and type, and lists the facets present', () => {
    expect(searchAssets(assets, { ...ANY_ASSET, vendor: 'Siemens', type: 'HMI' }).map((a) => a.id)).toEqual([
      'x1',
    ]);
    expect(assetFacets(assets)).toEqual({
      vendors: ['Siemens', 'Teltonika'],
      types: ['HMI', 'PLC', 'Router'],
    });
  });
});
