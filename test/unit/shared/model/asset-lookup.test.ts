import { describe, expect, it } from 'vitest';
import { assetLookupMessage, createManualAsset, lookUpAsset } from '../../../../shared/model';

const A = '00000000-0000-4000-8000-0000000000a1';
const asset = (name: string, ips: string[] = [], hostnames: string[] = []) => ({
  ...createManualAsset(A, { name, ips, macs: [] }),
  hostnames,
});

describe('lookUpAsset', () => {
  const plc = asset('PLC-003', ['10.1.1.3']);
  const hmi = asset('HMI Müller', ['10.1.1.4'], ['hmi-1.plant.local']);
  const twinA = asset('Switch', ['10.1.9.1']);
  const twinB = asset('Switch', ['10.1.9.2']);
  const assets = [plc, hmi, twinA, twinB];

  it('finds one asset by its exact name, label, IP or host name, accents and case ignored', () => {
    expect(lookUpAsset(assets, 'PLC-003')).toEqual({ kind: 'found', asset: plc });
    expect(lookUpAsset(assets, '  plc-003 ')).toEqual({ kind: 'found', asset: plc });
    expect(lookUpAsset(assets, 'PLC-003 (10.1.1.3)')).toEqual({ kind: 'found', asset: plc });
    expect(lookUpAsset(assets, '10.1.1.4')).toEqual({ kind: 'found', asset: hmi });
    expect(lookUpAsset(assets, 'hmi muller')).toEqual({ kind: 'found', asset: hmi });
    expect(lookUpAsset(assets, 'HMI-1.plant.local')).toEqual({ kind: 'found', asset: hmi });
    expect(lookUpAsset(assets, 'Switch (10.1.9.2)')).toEqual({ kind: 'found', asset: twinB });
  });

  it('says when a text fits several assets, or none, and never matches a part of a name', () => {
    const twins = lookUpAsset(assets, 'switch');
    expect(twins.kind).toBe('ambiguous');
    expect(assetLookupMessage(twins)).toBe(
      '“switch” fits 2 assets (Switch (10.1.9.1), Switch (10.1.9.2)); pick one from the list',
    );
    expect(lookUpAsset(assets, 'PLC')).toEqual({ kind: 'none', text: 'PLC' });
    expect(assetLookupMessage(lookUpAsset(assets, 'PLC'))).toBe(
      'No asset is named “PLC” or has that address',
    );
    expect(lookUpAsset(assets, '')).toEqual({ kind: 'empty' });
  });
});
