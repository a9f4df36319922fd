import { describe, expect, it } from 'vitest';
import { scopeFromText, scopeText } from '../../../../shared/risk';
import { aScope } from '../../../fixtures/builders';

describe('the system under consideration as text', () => {
  it('reads one document or person a line, the first bar separating, blank lines dropped', () => {
    const record = scopeFromText({
      description: 'Pasteurisation',
      boundary: 'Plant side of it-fw-01',
      documents: 'Network drawing | OT-NET-004 rev. C\n\n  Rule export  \nA | b | c',
      people: 'Plant manager | Asset owner\nAutomation lead',
      assumptions: ' SIS programmed locally \n\n',
    });
    expect(record).toEqual({
      description: 'Pasteurisation',
      boundary: 'Plant side of it-fw-01',
      documents: [
        { title: 'Network drawing', reference: 'OT-NET-004 rev. C' },
        { title: 'Rule export', reference: '' },
        { title: 'A', reference: 'b | c' },
      ],
      people: [
        { name: 'Plant manager', role: 'Asset owner' },
        { name: 'Automation lead', role: '' },
      ],
      assumptions: ['SIS programmed locally'],
    });
  });

  it('writes a stored scope back as the same text, and an absent one as empty fields', () => {
    const scope = aScope({
      description: 'Dairy',
      boundary: 'Field level',
      documents: [
        { title: 'Drawing', reference: 'rev. C' },
        { title: 'Export', reference: '' },
      ],
      people: [{ name: 'Lead', role: 'Owner' }],
      assumptions: ['One', 'Two'],
    });
    const text = scopeText(scope);
    expect(text).toEqual({
      description: 'Dairy',
      boundary: 'Field level',
      documents: 'Drawing | rev. C\nExport',
      people: 'Lead | Owner',
      assumptions: 'One\nTwo',
    });
    expect(scopeFromText(text)).toMatchObject({
      documents: scope.documents,
      people: scope.people,
      assumptions: scope.assumptions,
    });
    expect(scopeText(undefined)).toEqual({
      description: '',
      boundary: '',
      documents: '',
      people: '',
      assumptions: '',
    });
  });
});
