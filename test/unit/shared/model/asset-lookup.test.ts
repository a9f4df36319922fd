import { describe, expect, it } from 'vitest';
import {
  assetLookupMessage,
  assetsMatchingQuery,
  createManualAsset,
  lookUpAsset,
} from '../../../../shared/model';

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

describe('assetsMatchingQuery', () => {
  const plc = asset('PLC-003', ['10.1.1.3']);
  const hmi = asset('HMI Müller', ['10.1.1.4'], ['hmi-1.plant.local']);
  const other = asset('PLC-004', ['10.1.2.4']);

  it('offers the assets holding every typed word in a name, IP or host name, accents and case aside', () => {
    expect(assetsMatchingQuery([plc, hmi, other], 'muller', 10)).toEqual([hmi]);
    expect(assetsMatchingQuery([plc, hmi, other], 'plc 10.1.2', 10)).toEqual([other]);
    expect(assetsMatchingQuery([plc, hmi, other], 'PLANT.local', 10)).toEqual([hmi]);
    expect(assetsMatchingQuery([plc, hmi, other], 'nothing here', 10)).toEqual([]);
  });

  it('offers everything for an empty query, in inventory order, up to the limit', () => {
    expect(assetsMatchingQuery([plc, hmi, other], '', 10)).toEqual([plc, hmi, other]);
    expect(assetsMatchingQuery([plc, hmi, other], '10.1', 2)).toEqual([plc, hmi]);
  });
});
