import { describe, expect, it } from 'vitest';
import { FILE_FORMAT_VERSION, parseAssessmentFile, serializeAssessmentFile } from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

describe('document control and the edited narrative in the assessment file', () => {
  it('round-trip as optional assessment fields, with no format bump', async () => {
    const data = await richAssessment();
    data.assessment.documentControl = {
      version: '1.0',
      status: 'final',
      date: '2026-03-09',
      author: 'Zoë Müller',
      distribution: [{ name: 'Jiří Novák', organisation: 'Fromagerie Müller SA', role: 'Plant manager' }],
    };
    data.assessment.narrative = { text: 'Our own words.', generated: 'The generated words.' };
    const text = serializeAssessmentFile(data, { exportedAt: '2026-03-05T10:00:00.000Z' });
    expect(JSON.parse(text).formatVersion).toBe(FILE_FORMAT_VERSION);
    const back = await parseAssessmentFile(text);
    expect(back.assessment.documentControl).toEqual(data.assessment.documentControl);
    expect(back.assessment.narrative).toEqual(data.assessment.narrative);
  });

  it('reads a file without them as before', async () => {
    const data = await richAssessment();
    const back = await parseAssessmentFile(serializeAssessmentFile(data));
    expect(back.assessment.documentControl).toBeUndefined();
    expect(back.assessment.narrative).toBeUndefined();
  });

  it('names the distribution entry that has no name', async () => {
    const data = await richAssessment();
    data.assessment.documentControl = {
      version: '1',
      status: 'draft',
      date: null,
      author: '',
      distribution: [{ name: ' ', organisation: 'X', role: '' }],
    };
    await expect(parseAssessmentFile(serializeAssessmentFile(data))).rejects.toThrow(
      /distribution.*name is required|name is required/,
    );
  });
});
