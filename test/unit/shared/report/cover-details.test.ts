import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../shared/report/model';
import { coverDetails } from '../../../../shared/report/sections/front';
import { richAssessment } from '../../../fixtures/rich-assessment';

const signer = {
  name: 'Zoë Müller',
  organization: 'Sécurité OT',
  email: 'zoe@example.com',
  fingerprint: 'SHA256:x',
};

describe('the cover rows', () => {
  it('names the signer and the e-mail of a signed report', async () => {
    const model = buildReportModel(await richAssessment());
    const rows = coverDetails(model, signer, '2026-03-06T17:00:00.000Z', false);
    expect(rows.map(([label]) => label)).toEqual([
      'Assessment',
      'Period',
      'Assessors',
      'Report generated',
      'Signed by',
      'Signer e-mail',
    ]);
    expect(Object.fromEntries(rows)).toMatchObject({
      'Report generated': '2026-03-06',
      'Signed by': 'Zoë Müller, Sécurité OT',
      'Signer e-mail': 'zoe@example.com',
    });
  });

  it('says a stand-alone PDF carries no signature, and a draft without a key is unsigned', async () => {
    const model = buildReportModel(await richAssessment());
    const standalone = Object.fromEntries(
      coverDetails(model, { ...signer, organization: '' }, '2026-03-06', true),
    );
    expect(standalone['Signing key of']).toBe(
      'Zoë Müller (this PDF on its own carries no signature; the signed bundle does)',
    );
    const draft = coverDetails(model, null, '2026-03-06', false);
    expect(Object.fromEntries(draft)['Signed by']).toBe('unsigned draft');
    expect(draft.map(([label]) => label)).not.toContain('Signer e-mail');
  });
});
