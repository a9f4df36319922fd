import { describe, expect, it } from 'vitest';
import {
  canonicalVendor,
  canonicalVendors,
  VENDOR_ALIASES,
  vendorInText,
  vendorKey,
} from '../../../../shared/vendors/vendor-aliases';
import { repairMojibake } from '../../../../shared/text/mojibake';

describe('vendor alias table', () => {
  it.each([
    ['Siemens AG', 'Siemens'],
    ['SIEMENS', 'Siemens'],
    ['Allen-Bradley', 'Rockwell Automation'],
    ['Rockwell Automation ', 'Rockwell Automation'],
    ['Schneider', 'Schneider Electric'],
    ['schneider-electric', 'Schneider Electric'],
    ['Schneider Electric Software, LLC', 'Schneider Electric'],
    ['General Electric (GE)', 'General Electric'],
    ['Mitsubishi Electric Corporation', 'Mitsubishi Electric'],
    ['MOXA', 'Moxa'],
    ['Phoenix Contact GmbH & Co. KG', 'Phoenix Contact'],
    ['WAGO Kontakttechnik GmbH', 'WAGO'],
    ['Dräger', 'Dräger'],
  ])('%s is %s', (spelling, canonical) => {
    expect(canonicalVendor(spelling)).toBe(canonical);
  });

  it('keeps an unknown vendor as its own comparable key', () => {
    expect(canonicalVendor('Acme Widgets Inc.')).toBe('acme widgets');
    expect(canonicalVendor('ACME Widgets')).toBe('acme widgets');
    // Its line of business dropped: "Acme Controls" and "Acme" are one vendor.
    expect(canonicalVendor('Acme Controls Inc.')).toBe('acme');
    expect(canonicalVendor('n/a')).toBeNull();
  });

  it('splits an advisory vendor branch that names several vendors', () => {
    expect(canonicalVendors('Red Lion, AutomationDirect')).toEqual(['Red Lion', 'AutomationDirect']);
    expect(canonicalVendors('ABB, Phoenix Contact, Schneider Electric, Siemens, and WAGO')).toEqual([
      'ABB',
      'Phoenix Contact',
      'Schneider Electric',
      'Siemens',
      'WAGO',
    ]);
    expect(canonicalVendors('Sensormatic Electronics, LLC, a subsidiary of Johnson Controls Inc.')).toContain(
      'Johnson Controls',
    );
  });

  it('finds a vendor written at the start of a model text, never inside a word', () => {
    expect(vendorInText('Schneider M340')).toBe('Schneider Electric');
    expect(vendorInText('Allen-Bradley MicroLogix 1400')).toBe('Rockwell Automation');
    expect(vendorInText('S7-1516')).toBeNull();
    expect(vendorInText('Generator panel')).toBeNull();
  });

  it('maps no alias to two vendors', () => {
    const seen = new Map<string, string>();
    for (const [vendor, aliases] of Object.entries(VENDOR_ALIASES)) {
      for (const alias of aliases) {
        expect(seen.get(alias) ?? vendor, alias).toBe(vendor);
        seen.set(alias, vendor);
      }
    }
  });
});

describe('vendor spellings the blind sets turned up', () => {
  it('reads a name whose UTF-8 was decoded as Latin-1 as the name', () => {
    expect(repairMojibake('GeutebrÃ¼ck GmbH')).toBe('Geutebrück GmbH');
    expect(vendorKey('GeutebrÃ¼ck GmbH')).toBe(vendorKey('Geutebruck'));
    // Text that only looks alike is left as it is.
    expect(repairMojibake('Ã la carte')).toBe('Ã la carte');
    expect(repairMojibake('Siemens')).toBe('Siemens');
  });

  it('reads an unknown vendor with and without its line of business as one', () => {
    expect(canonicalVendor('FATEK Automation')).toBe(canonicalVendor('FATEK'));
    expect(canonicalVendor('Mirion Technologies')).toBe(canonicalVendor('Mirion'));
    // Too short a name stays whole; known vendors keep their canonical name.
    expect(canonicalVendor('ABC Systems')).toBe('abc systems');
    expect(canonicalVendor('Inductive Automation')).toBe('Inductive Automation');
  });
});
