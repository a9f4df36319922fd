import { describe, expect, it } from 'vitest';
import {
  AssessmentFileError,
  assessmentFileName,
  decodeBase64,
  encodeBase64,
  parseAssessmentFile,
  serializeAssessmentFile,
} from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

async function problemsOf(text: string): Promise<string[]> {
  try {
    await parseAssessmentFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AssessmentFileError);
    return (error as AssessmentFileError).problems;
  }
  throw new Error('the file was accepted');
}

describe('assessment file format', () => {
  it('round-trips a rich assessment exactly, evidence bytes included', async () => {
    const data = await richAssessment();
    const text = serializeAssessmentFile(data, { exportedAt: '2026-03-05T10:00:00.000Z' });
    const back = await parseAssessmentFile(text);
    expect(back).toEqual(data);
    expect(serializeAssessmentFile(back, { exportedAt: '2026-03-05T10:00:00.000Z' })).toBe(text);
    expect(back.evidence[0]!.bytes).toEqual(data.evidence[0]!.bytes);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const data = await richAssessment();
    const back = await parseAssessmentFile('\ufeff' + serializeAssessmentFile(data));
    expect(back.assessment.client).toBe('Fromagerie Müller SA');
  });

  it('names the file as <client>-<site>.conduit.json', async () => {
    const { assessment } = await richAssessment();
    expect(assessmentFileName(assessment)).toBe('fromagerie-muller-sa-plant-zurich-nord.conduit.json');
    expect(assessmentFileName({ client: '東京電力', site: '../../etc' })).toBe('東京電力-etc.conduit.json');
  });

  it('refuses text that is not JSON', async () => {
    expect((await problemsOf('{"format": "conduit-assessment",'))[0]).toMatch(/not valid JSON/);
  });

  it('refuses a foreign JSON file', async () => {
    expect((await problemsOf('{"type":"FeatureCollection","features":[]}'))[0]).toMatch(
      /not a Conduit assessment file/,
    );
    expect((await problemsOf('[1,2,3]'))[0]).toMatch(/not a JSON object/);
  });

  it('refuses a file from a newer version', async () => {
    const raw = JSON.parse(serializeAssessmentFile(await richAssessment()));
    raw.formatVersion = 7;
    expect((await problemsOf(JSON.stringify(raw)))[0]).toMatch(/newer Conduit \(format version 7/);
  });

  it('says where and why a field is wrong', async () => {
    const raw = JSON.parse(serializeAssessmentFile(await richAssessment()));
    raw.zones[2].slt.base = 9;
    raw.conduits[1].services[0].ports = 'five-o-two';
    const problems = await problemsOf(JSON.stringify(raw));
    expect(problems).toContainEqual(expect.stringMatching(/^zones\[2\]\.slt\.base: /));
    expect(problems).toContainEqual(
      expect.stringMatching(/^conduits\[1\]\.services\[0\]\.ports: a port is a number/),
    );
  });

  it('refuses dangling references and records of another assessment', async () => {
    const raw = JSON.parse(serializeAssessmentFile(await richAssessment()));
    raw.conduits[0].toZoneId = '00000000-0000-4000-8000-ffffffffffff';
    raw.assets[0].assessmentId = 'someone-else';
    raw.answers[0].evidenceIds = ['missing-evidence'];
    const problems = await problemsOf(JSON.stringify(raw));
    expect(problems).toEqual(
      expect.arrayContaining([
        'conduits[0].toZoneId: no zone with id 00000000-0000-4000-8000-ffffffffffff',
        'assets[0].assessmentId: belongs to another assessment (someone-else)',
        'answers[0].evidenceIds[0]: no evidence with id missing-evidence',
      ]),
    );
  });

  it('detects evidence whose bytes do not match their hash', async () => {
    const raw = JSON.parse(serializeAssessmentFile(await richAssessment()));
    raw.evidence[1].data = encodeBase64(new TextEncoder().encode('tampered!'));
    const problems = await problemsOf(JSON.stringify(raw));
    expect(problems).toContain('evidence[1].sha256: does not match the data');
  });

  it('requires a not-applicable answer to carry a reason', async () => {
    const raw = JSON.parse(serializeAssessmentFile(await richAssessment()));
    raw.answers[1].justification = '  ';
    expect(await problemsOf(JSON.stringify(raw))).toContainEqual(
      expect.stringMatching(/^answers\[1\]\.justification: not applicable needs a reason/),
    );
  });

  it('can write evidence by hash only', async () => {
    const data = await richAssessment();
    const raw = JSON.parse(serializeAssessmentFile(data, { embedEvidence: false }));
    expect(raw.evidence[0].data).toBeUndefined();
    expect(raw.evidence[0].sha256).toBe(data.evidence[0]!.sha256);
    const back = await parseAssessmentFile(JSON.stringify(raw), { requireEvidenceBytes: false });
    expect(back.evidence[0]!.bytes).toBeNull();
  });
});

describe('base64', () => {
  it('matches Node for every length and byte value', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      const encoded = encodeBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(encoded)).toEqual(bytes);
    }
  });

  it('refuses invalid text', () => {
    expect(() => decodeBase64('abc')).toThrow(/multiple of 4/);
    expect(() => decodeBase64('ab$=')).toThrow(/invalid character/);
    expect(() => decodeBase64('a=bc')).toThrow(/invalid character/);
  });
});
