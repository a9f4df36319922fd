import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { draftOf, draftToEdit, saveErrors } from '../../../../../renderer/features/inventory/asset-draft';
import { anAsset } from '../../../../fixtures/builders';

const plc = anAsset('PLC-01', {
  vendor: 'Siemens',
  ips: ['10.0.0.5', '10.0.1.5'],
  macs: ['00:1b:1b:00:00:01'],
  protocols: ['S7comm'],
  purdueLevel: 1,
  criticality: 'high',
  notes: 'Line 2',
});

describe('the asset form draft', () => {
  it('shows an asset as text, lists joined by commas, and a new asset as empty fields', () => {
    expect(draftOf(plc)).toMatchObject({
      name: 'PLC-01',
      vendor: 'Siemens',
      model: '',
      ips: '10.0.0.5, 10.0.1.5',
      macs: '00:1b:1b:00:00:01',
      protocols: 'S7comm',
      purdue: '1',
      criticality: 'high',
      notes: 'Line 2',
    });
    expect(draftOf(anAsset('HMI'))).toMatchObject({ purdue: '', criticality: '', ips: '' });
    expect(Object.values(draftOf(null)).every((v) => v === '')).toBe(true);
  });

  it('reads a draft back into the same asset fields it came from', () => {
    const result = draftToEdit(draftOf(plc));
    expect(result).toEqual({
      edit: {
        name: 'PLC-01',
        vendor: 'Siemens',
        model: null,
        firmware: null,
        os: null,
        serial: null,
        type: null,
        ips: ['10.0.0.5', '10.0.1.5'],
        macs: ['00:1b:1b:00:00:01'],
        protocols: ['S7comm'],
        purdueLevel: 1,
        criticality: 'high',
        notes: 'Line 2',
      },
    });
  });

  it('normalises addresses, drops repeats, and clears emptied text fields', () => {
    const draft = { ...draftOf(plc), vendor: '  ', ips: '10.0.0.5, 10.0.0.5 ,10.0.0.7', purdue: '' };
    const result = draftToEdit(draft);
    expect('edit' in result && result.edit).toMatchObject({
      vendor: null,
      ips: ['10.0.0.5', '10.0.0.7'],
      purdueLevel: null,
    });
  });

  it('names each field that is wrong, and the value at fault', () => {
    const draft = { ...draftOf(plc), name: ' ', ips: '10.0.0.300', macs: 'zz', purdue: '7' };
    expect(draftToEdit(draft)).toEqual({
      errors: {
        name: 'An asset needs a name',
        ips: '“10.0.0.300” is not an IP address',
        macs: '“zz” is not a MAC address',
        purdue: 'The Purdue level is a number from 0 to 5',
      },
    });
  });

  it('puts a refused save on the form field it concerns, or on the form', () => {
    const refused = z.object({ purdueLevel: z.number().max(5) }).safeParse({ purdueLevel: 9 });
    expect(refused.success).toBe(false);
    const errors = saveErrors(refused.error);
    expect(Object.keys(errors)).toEqual(['purdue']);
    expect(errors.purdue).toMatch(/Purdue level/);
    expect(saveErrors(new Error('The database is closed.'))).toEqual({ form: 'The database is closed.' });
  });
});
