import { readFileSync } from 'node:fs';
import { gunzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { OuiTable } from '../../../../shared/traffic/oui';
import { compactTextFromInstalledPackage } from '../../../../scripts/build-oui';
import { OUI_TABLE, ouiTable } from './read-file';

describe('the shipped OUI table', () => {
  it('is in sync with the installed oui-data (rebuild with `npx tsx scripts/build-oui.ts`)', () => {
    const shipped = strFromU8(gunzipSync(readFileSync(OUI_TABLE)));
    expect(shipped === compactTextFromInstalledPackage()).toBe(true);
  });

  it('holds every registry prefix and stays small', () => {
    const registry = JSON.parse(readFileSync(require.resolve('oui-data'), 'utf8')) as Record<string, string>;
    expect(ouiTable().size).toBe(Object.keys(registry).length);
    expect(readFileSync(OUI_TABLE).length).toBeLessThan(700_000);
  });

  it('finds vendors by longest prefix: MA-S (9), MA-M (7), then MA-L (6)', () => {
    const table = ouiTable();
    expect(table.vendorOf('00:1b:1b:02:e6:1f')).toBe('Siemens AG');
    expect(table.vendorOf('00-00-BC-5F-49-51')).toBe('Rockwell Automation');
    expect(table.vendorOf('000423aabbcc')).toBe(table.vendorOf('00:04:23:00:00:00'));
    // 10:06:48 is not an MA-L; 10:06:48:0x are MA-M blocks of different registrants.
    expect(table.vendorOf('10:06:48:00:00:01')).toBe('FLEXTRONICS TECHNOLOGIES (INDIA) PVT LTD');
    expect(table.vendorOf('10:06:48:10:00:01')).toBe('KYTRONICS');
    // 70:B3:D5 is the IEEE's MA-S range: 9 hex digits decide.
    const registry = JSON.parse(readFileSync(require.resolve('oui-data'), 'utf8')) as Record<string, string>;
    const maS = Object.keys(registry).find((prefix) => prefix.length === 9)!;
    const mac = `${maS}000`.replace(/(..)(?!$)/g, '$1:');
    expect(table.vendorOf(mac)).toBe(
      registry[maS]!.split('\n')[0]!
        .replace(/\s+/g, ' ')
        .replace(/[\s,;]+$/, '')
        .trim(),
    );
  });

  it('gives no vendor for locally administered, malformed or unregistered addresses', () => {
    const table = ouiTable();
    expect(table.vendorOf('02:1b:1b:02:e6:1f')).toBeNull();
    expect(table.vendorOf('0a:bb:fe:10:c9:06')).toBeNull();
    expect(table.vendorOf('00:1b:1b')).toBeNull();
    expect(table.vendorOf('not a mac')).toBeNull();
  });

  it('rejects a table in an unknown format', () => {
    expect(() => OuiTable.fromText('hello\n')).toThrow(/unknown format/);
  });
});
