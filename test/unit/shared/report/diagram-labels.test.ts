import { describe, expect, it } from 'vitest';
import { hexToRgb } from '../../../../shared/diagram/zone-style';
import { conduitLabel, purdueGroup, sltLabel } from '../../../../shared/report/diagram-labels';

describe('diagram labels', () => {
  it('show the base SL-T and each per-FR override that differs', () => {
    expect(sltLabel({ base: 2, overrides: { FR3: 3, FR5: 2 } })).toBe('SL-T 2 · FR3 3');
    expect(sltLabel({ base: null, overrides: {} })).toBe('SL-T –');
  });

  it('name a conduit by its services', () => {
    expect(
      conduitLabel({
        services: [
          { transport: 'tcp', ports: '502', protocol: 'Modbus/TCP' },
          { transport: 'tcp', ports: '443', protocol: '' },
          { transport: 'tcp', ports: '503', protocol: 'Modbus/TCP' },
        ],
      }),
    ).toBe('Modbus/TCP, tcp/443');
    expect(conduitLabel({ services: [] })).toBe('no services');
  });

  it('convert the shared zone colours and group by Purdue level', () => {
    expect(hexToRgb('#1f8285')).toEqual([31, 130, 133]);
    expect(purdueGroup(3.5)).toBe('Purdue level 3.5');
    expect(purdueGroup(null)).toBe('No Purdue level');
  });
});
