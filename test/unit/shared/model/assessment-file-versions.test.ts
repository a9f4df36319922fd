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
/**
 * A file exactly as Conduit wrote it at format version 3 (the rich fixture with the optional
 * fields added within version 3: branding, document control, narrative, raw vendor and type).
 */
const V3_FILE = new URL('../../../fixtures/assessment-files/v3-rich.conduit.json', import.meta.url);

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
  it('writes format version 4 with the risk records, the conduits’ SL-T and the vulnerabilities', async () => {
    const data = await richAssessment();
    const json = JSON.parse(serializeAssessmentFile(data)) as Record<string, unknown>;
    expect(FILE_FORMAT_VERSION).toBe(4);
    expect(json.formatVersion).toBe(4);
    expect(json.vulnerabilities).toEqual([]);
    expect(json.conduitRisks).toEqual(data.conduitRisks);
    expect(data.conduitRisks).toHaveLength(1);
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
      data.conduitRisks,
      data.threatScenarios,
      data.countermeasures,
    ]).toEqual([[], [], [], [], [], []]);
    expect(data.vulnerabilities).toEqual([]);
    // Saved again, it is a current file that reads back the same.
    const again = serializeAssessmentFile(data);
    expect(JSON.parse(again)).toMatchObject({ formatVersion: 4 });
    expect(await parseAssessmentFile(again)).toEqual(data);
  });

  it('reads a version-3 file written by the previous release: no conduit SL-T, every optional field kept', async () => {
    const text = readFileSync(V3_FILE, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ formatVersion: 3 });
    expect(JSON.parse(text)).not.toHaveProperty('conduitRisks');
    const data = await parseAssessmentFile(text);
    const rich = await richAssessment();
    expect(data.conduitRisks).toEqual([]);
    expect(data.zones).toEqual(rich.zones);
    expect(data.conduits).toEqual(rich.conduits);
    expect(data.zoneRisks).toEqual(rich.zoneRisks);
    expect(data.threatScenarios).toEqual(rich.threatScenarios);
    expect(data.countermeasures).toEqual(rich.countermeasures);
    expect(data.triageRules).toEqual([]);
    expect(data.assessment.branding).toEqual({ accentColor: '#0a7a85' });
    expect(data.assessment.documentControl).toMatchObject({
      version: '1.2',
      status: 'final',
      author: 'A. Assessor',
    });
    expect(data.assessment.narrative).toEqual({
      text: 'Edited narrative of the assessment.',
      generated: 'Generated narrative.',
    });
    expect(data.assets[0]).toMatchObject({ vendorRaw: 'SIEMENS AG', typeRaw: 'plc' });
    expect(data.evidence.map((e) => e.bytes)).toEqual(rich.evidence.map((e) => e.bytes));
    // Saved again, it is a version-4 file that reads back the same.
    const again = serializeAssessmentFile(data);
    expect(JSON.parse(again)).toMatchObject({ formatVersion: 4, conduitRisks: [] });
    expect(await parseAssessmentFile(again)).toEqual(data);
  });

  it('reads a version-3 file without triage rules as one with none', async () => {
    const json = JSON.parse(readFileSync(V3_FILE, 'utf8')) as Record<string, unknown>;
    delete json.triageRules;
    expect((await parseAssessmentFile(JSON.stringify(json))).triageRules).toEqual([]);
  });

  it('has one migration step per version, chained from any older version', () => {
    for (let v = 2; v <= FILE_FORMAT_VERSION; v++)
      expect(FILE_MIGRATIONS[v], `step to ${v}`).toBeTypeOf('function');
    const migrated = migrateFile({ format: 'conduit-assessment', formatVersion: 1, zones: [] }) as Record<
      string,
      unknown
    >;
    expect(migrated).toMatchObject({
      formatVersion: 4,
      zones: [],
      threatScenarios: [],
      countermeasures: [],
      vulnerabilities: [],
      conduitRisks: [],
      triageRules: [],
    });
    // A version-2 file (risk, no vulnerabilities yet) runs the last two steps only.
    const v2 = { format: 'conduit-assessment', formatVersion: 2, threatScenarios: ['kept'] };
    expect(migrateFile(v2)).toEqual({
      ...v2,
      formatVersion: 4,
      vulnerabilities: [],
      conduitRisks: [],
      triageRules: [],
    });
    // A version-3 file keeps its triage rules and gains an empty conduitRisks.
    const v3 = {
      format: 'conduit-assessment',
      formatVersion: 3,
      vulnerabilities: ['kept'],
      triageRules: ['kept'],
    };
    expect(migrateFile(v3)).toEqual({ ...v3, formatVersion: 4, conduitRisks: [] });
    const current = { format: 'conduit-assessment', formatVersion: 4, conduitRisks: ['kept'] };
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
    data.conduitRisks.push(
      { ...data.conduitRisks[0]!, id: 'second-conduit-risk' },
      { ...data.conduitRisks[0]!, id: 'orphan-conduit-risk', conduitId: 'no-such-conduit' },
    );
    expect(await problemsOf(serializeAssessmentFile(data))).toEqual([
      `zoneRisks[1].zoneId: a second risk record for zone ${data.zoneRisks[0]!.zoneId}`,
      `conduitRisks[1].conduitId: a second risk record for conduit ${data.conduitRisks[0]!.conduitId}`,
      'conduitRisks[2].conduitId: no conduit with id no-such-conduit',
      'threatScenarios[0].target.conduitId: no conduit with id no-such-conduit',
      'countermeasures[0].scenarioIds[0]: no scenario with id gone',
    ]);
  });

  it('says where and why a risk record is wrong', async () => {
    const data = await richAssessment();
    const json = JSON.parse(serializeAssessmentFile(data)) as {
      zoneRisks: { justification: string }[];
      conduitRisks: { justification: string }[];
    };
    json.zoneRisks[0]!.justification = '';
    json.conduitRisks[0]!.justification = '  ';
    expect(await problemsOf(JSON.stringify(json))).toEqual([
      'zoneRisks[0].justification: a hand-set SL-T needs a justification',
      'conduitRisks[0].justification: a hand-set SL-T needs a justification',
    ]);
  });
});
