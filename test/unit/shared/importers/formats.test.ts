import { describe, expect, it } from 'vitest';
import { detectFormat, formatLabel, INVENTORY_FORMATS, SENSOR_SOURCES } from '../../../../shared/importers';

describe('the sensor source list', () => {
  it('names every format once, in the order the dialog offers them', () => {
    expect(INVENTORY_FORMATS).toEqual([
      'nozomi',
      'claroty-ctd',
      'claroty-xdome',
      'armis',
      'defender-iot',
      'tenable-ot',
      'forescout',
      'dragos',
      'malcolm',
      'grassmarlin',
      'csv',
      'json',
    ]);
    expect(formatLabel('defender-iot')).toBe('Microsoft Defender for IoT');
    expect(formatLabel('grassmarlin')).toBe('GRASSMARLIN 3');
  });

  it('detects each signed source from its own keys, and from its own columns', () => {
    for (const source of SENSOR_SOURCES) {
      if (!('signature' in source.detection)) continue;
      const [a, b, c] = source.detection.signature;
      const record = Object.fromEntries([a, b, c].filter((k) => k !== undefined).map((k) => [k, 'x']));
      expect(detectFormat(JSON.stringify([record])).format, source.format).toBe(source.format);
      if (source.csv)
        expect(detectFormat(`${[a, b, c].join(',')}\n1,2,3\n`).format, source.format).toBe(source.format);
    }
  });

  it('reads a file no source claims as generic JSON or CSV', () => {
    expect(detectFormat('[{"host": "plc-1"}]').format).toBe('json');
    expect(detectFormat('host,address\nplc-1,10.0.0.1\n').format).toBe('csv');
  });
});
