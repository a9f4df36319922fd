import { describe, expect, it } from 'vitest';
import { assetLabel, endpointLabel, flowEndpointLabel } from '../../../../shared/network';

describe('flowEndpointLabel', () => {
  it('writes IPv4 as ip:port and IPv6 in brackets before the port', () => {
    expect(flowEndpointLabel({ ip: '10.0.0.5', mac: null, port: 502 })).toBe('10.0.0.5:502');
    expect(flowEndpointLabel({ ip: 'fe80::1', mac: '00:1d:9c:aa:bb:cc', port: 44818 })).toBe(
      '[fe80::1]:44818',
    );
  });

  it('leaves the port off when there is none, and never puts one on a MAC', () => {
    expect(flowEndpointLabel({ ip: 'fe80::1', mac: null, port: null })).toBe('fe80::1');
    expect(flowEndpointLabel({ ip: null, mac: '00:1d:9c:aa:bb:cc', port: 34980 })).toBe('00:1d:9c:aa:bb:cc');
    expect(flowEndpointLabel({ ip: null, mac: null, port: 502 })).toBe('unknown address');
  });
});

describe('endpointLabel', () => {
  const names = {
    assets: new Map([
      ['a-plc', { name: 'PLC-1', ips: ['10.0.0.5'], macs: [] }],
      ['a-ip', { name: '10.0.0.6', ips: ['10.0.0.6'], macs: [] }],
      ['a-l2', { name: '', ips: [], macs: ['00:1d:9c:aa:bb:cc'] }],
      ['a-bare', { name: 'HMI', ips: [], macs: [] }],
    ]),
    zones: new Map([['z-cell', { name: 'Cell 3' }]]),
  };

  it('names an asset with its first address, once', () => {
    expect(endpointLabel({ kind: 'asset', assetId: 'a-plc' }, names)).toBe('PLC-1 (10.0.0.5)');
    expect(endpointLabel({ kind: 'asset', assetId: 'a-ip' }, names)).toBe('10.0.0.6');
    expect(endpointLabel({ kind: 'asset', assetId: 'a-l2' }, names)).toBe('00:1d:9c:aa:bb:cc');
    expect(endpointLabel({ kind: 'asset', assetId: 'a-bare' }, names)).toBe('HMI');
    expect(assetLabel({ name: ' ', ips: [], macs: [] })).toBe('unnamed asset');
  });

  it('prefixes zones, keeps free text, and says when a record is gone', () => {
    expect(endpointLabel({ kind: 'zone', zoneId: 'z-cell' }, names)).toBe('zone Cell 3');
    expect(endpointLabel({ kind: 'text', text: 'LTE router in panel U3' }, names)).toBe(
      'LTE router in panel U3',
    );
    expect(endpointLabel({ kind: 'asset', assetId: 'a-gone' }, names)).toBe('unknown asset');
    expect(endpointLabel({ kind: 'zone', zoneId: 'z-gone' }, names)).toBe('unknown zone');
  });
});
