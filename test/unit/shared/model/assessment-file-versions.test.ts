import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AssessmentFileError,
  FILE_FORMAT_VERSION,
  FILE_MIGRATIONS,
  migrateFile,
  parseAssessmentFile,
  serializeAssessmentFile,
} from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';

/** A file exactly as Conduit wrote it at format version 1, before the risk assessment existed. */
const V1_FILE = new URL('../../../fixtures/assessment-files/v1-rich.conduit.json', import.meta.url);

async function problemsOf(text: string): Promise<string[]> {
  try {
    await parseAssessmentFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AssessmentFileError);
    return (error as AssessmentFileError).problems;
  }
  throw new Error('the file was accepted');
}

describe('assessment file versions', () => {
  it('writes format version 3 with the risk records and the vulnerabilities', async () => {
    const data = await richAssessment();
    const json = JSON.parse(serializeAssessmentFile(data)) as Record<string, unknown>;
    expect(FILE_FORMAT_VERSION).toBe(3);
    expect(json.formatVersion).toBe(3);
    expect(json.vulnerabilities).toEqual([]);
    expect((json.threatScenarios as unknown[]).length).toBe(1);
    expect(await parseAssessmentFile(serializeAssessmentFile(data))).toEqual(data);
  });

  it('reads a version-1 file written by the previous release, with an empty risk assessment', async () => {
    const text = readFileSync(V1_FILE, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ formatVersion: 1 });
    const data = await parseAssessmentFile(text);
    const rich = await richAssessment();
    expect(data.zones).toEqual(rich.zones);
    expect(data.answers).toEqual(rich.answers);
    expect(data.evidence.map((e) => e.bytes)).toEqual(rich.evidence.map((e) => e.bytes));
    expect([
      data.riskMethods,
      data.riskScopes,
      data.zoneRisks,
      data.threatScenarios,
      data.countermeasures,
    ]).toEqual([[], [], [], [], []]);
    expect(data.vulnerabilities).toEqual([]);
    // Saved again, it is a current file that reads back the same.
    const again = serializeAssessmentFile(data);
    expect(JSON.parse(again)).toMatchObject({ formatVersion: 3 });
    expect(await parseAssessmentFile(again)).toEqual(data);
  });

  it('has one migration step per version, chained from any older version', () => {
    for (let v = 2; v <= FILE_FORMAT_VERSION; v++)
      expect(FILE_MIGRATIONS[v], `step to ${v}`).toBeTypeOf('function');
    const migrated = migrateFile({ format: 'conduit-assessment', formatVersion: 1, zones: [] }) as Record<
      string,
      unknown
    >;
    expect(migrated).toMatchObject({
      formatVersion: 3,
      zones: [],
      threatScenarios: [],
      countermeasures: [],
      vulnerabilities: [],
    });
    // A version-2 file (risk, no vulnerabilities yet) runs the last step only.
    const v2 = { format: 'conduit-assessment', formatVersion: 2, threatScenarios: ['kept'] };
    expect(migrateFile(v2)).toEqual({ ...v2, formatVersion: 3, vulnerabilities: [] });
    const current = { format: 'conduit-assessment', formatVersion: 3, vulnerabilities: ['kept'] };
    expect(migrateFile(current)).toEqual(current);
  });

  it('says which risk record points at nothing', async () => {
    const data = await richAssessment();
    data.threatScenarios[0] = {
      ...data.threatScenarios[0]!,
      target: { kind: 'conduit', conduitId: 'no-such-conduit' },
    };
    data.countermeasures[0] = { ...data.countermeasures[0]!, scenarioIds: ['gone'] };
    data.zoneRisks.push({ ...data.zoneRisks[0]!, id: 'second-risk' });
    expect(await problemsOf(serializeAssessmentFile(data))).toEqual([
      `zoneRisks[1].zoneId: a second risk record for zone ${data.zoneRisks[0]!.zoneId}`,
      'threatScenarios[0].target.conduitId: no conduit with id no-such-conduit',
      'countermeasures[0].scenarioIds[0]: no scenario with id gone',
    ]);
  });

  it('says where and why a risk record is wrong', async () => {
    const data = await richAssessment();
    const json = JSON.parse(serializeAssessmentFile(data)) as { zoneRisks: { justification: string }[] };
    json.zoneRisks[0]!.justification = '';
    expect(await problemsOf(JSON.stringify(json))).toEqual([
      'zoneRisks[0].justification: a hand-set SL-T needs a justification',
    ]);
  });
});
