import { describe, expect, it } from 'vitest';
import {
  AliasListError,
  parseAliasList,
  parseAssessmentFile,
  serializeAssessmentFile,
  type AssessmentData,
} from '../../../../shared/model';
import { Normaliser } from '../../../../shared/vendors';
import { richAssessment } from '../../../fixtures/rich-assessment';

const EXPORTED_AT = '2026-03-05T10:00:00.000Z';

async function withAliases(): Promise<AssessmentData> {
  return {
    ...(await richAssessment()),
    aliases: [
      {
        id: 'type:engineering station',
        kind: 'type',
        spelling: 'EngineeringStation',
        canonical: 'EWS',
        updatedAt: '2026-03-04T09:00:00.000Z',
      },
      {
        id: 'vendor:siemens mobility',
        kind: 'vendor',
        spelling: 'Siemens Mobility GmbH',
        canonical: 'Siemens',
        updatedAt: '2026-03-02T08:15:00.000Z',
      },
    ],
  };
}

describe('the assessor’s aliases in the assessment file', () => {
  it('round-trips them, and a file without any reads and writes as before', async () => {
    const data = await withAliases();
    const text = serializeAssessmentFile(data, { exportedAt: EXPORTED_AT });
    expect(JSON.parse(text).aliases).toHaveLength(2);
    const back = await parseAssessmentFile(text);
    expect(back).toEqual(data);
    expect(serializeAssessmentFile(back, { exportedAt: EXPORTED_AT })).toBe(text);

    const bare = await richAssessment();
    const bareText = serializeAssessmentFile(bare, { exportedAt: EXPORTED_AT });
    expect(JSON.parse(bareText)).not.toHaveProperty('aliases');
    expect((await parseAssessmentFile(bareText)).aliases).toBeUndefined();
  });

  it('re-keys aliases written under an old key and keeps the one saved last', async () => {
    const data = await withAliases();
    const file = JSON.parse(serializeAssessmentFile(data, { exportedAt: EXPORTED_AT }));
    // As a file written before type keys split CamelCase has it: the same spelling twice.
    file.aliases.push({
      id: 'type:engineeringstation',
      kind: 'type',
      spelling: 'EngineeringStation',
      canonical: 'Engineering workstation',
      updatedAt: '2026-03-02T08:20:00.000Z',
    });
    const back = await parseAssessmentFile(JSON.stringify(file));
    expect(back.aliases!.map((a) => [a.id, a.canonical])).toEqual([
      ['type:engineering station', 'EWS'],
      ['vendor:siemens mobility', 'Siemens'],
    ]);
    expect(new Normaliser(back.aliases).type('EngineeringStation')).toBe('EWS');
  });

  it('names the entry of a bad alias, in words', async () => {
    const file = JSON.parse(serializeAssessmentFile(await withAliases(), { exportedAt: EXPORTED_AT }));
    file.aliases[1].kind = 'model';
    await expect(parseAssessmentFile(JSON.stringify(file))).rejects.toThrow(
      'aliases[1].kind: the kind must be "vendor" or "type"',
    );
  });
});

describe('an --aliases file', () => {
  const NOW = '2026-03-06T12:00:00.000Z';

  it('reads a list, or the list of an assessment file, each under today’s key', async () => {
    const list = parseAliasList(
      JSON.stringify([{ kind: 'type', spelling: 'SchaltschrankPC', canonical: 'Workstation' }]),
      'aliases.json',
      NOW,
    );
    expect(list).toEqual([
      {
        id: 'type:schaltschrank pc',
        kind: 'type',
        spelling: 'SchaltschrankPC',
        canonical: 'Workstation',
        updatedAt: NOW,
      },
    ]);
    const fromFile = parseAliasList(
      serializeAssessmentFile(await withAliases(), { exportedAt: EXPORTED_AT }),
      'plant.conduit.json',
      NOW,
    );
    expect(fromFile.map((a) => a.canonical)).toEqual(['EWS', 'Siemens']);
  });

  it('says which entry is wrong and why, naming the file', () => {
    const bad = (text: string) => {
      try {
        parseAliasList(text, 'aliases.json', NOW);
      } catch (error) {
        expect(error).toBeInstanceOf(AliasListError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad('{"kind":')).toMatch(/^aliases\.json: not valid JSON/);
    expect(bad('{"vendor": {}}')).toMatch(/^aliases\.json: expected a list of aliases/);
    expect(
      bad(
        JSON.stringify([
          { kind: 'vendor', spelling: 'ABB Ltd', canonical: 'ABB' },
          { kind: 'vendor', spelling: '  ', canonical: 'ABB' },
        ]),
      ),
    ).toBe('aliases.json: alias 2: the spelling is empty');
    expect(bad(JSON.stringify([{ kind: 'vendor', canonical: 'ABB' }]))).toBe(
      'aliases.json: alias 1: "spelling" is missing or not text',
    );
  });
});
