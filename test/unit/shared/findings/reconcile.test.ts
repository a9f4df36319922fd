import { describe, expect, it } from 'vitest';
import {
  generateFindings,
  reconcileFindings,
  dismissFinding,
  editFinding,
  mergeFindings,
  setRoadmapSlot,
} from '../../../../shared/findings';
import {
  parseAssessmentFile,
  serializeAssessmentFile,
  type AssessmentData,
  type Finding,
} from '../../../../shared/model';
import { PlantBuilder } from '../../../fixtures/builders';
import { richAssessment } from '../../../fixtures/rich-assessment';

const NOW = new Date('2026-06-01T00:00:00.000Z');
let counter = 0;
const makeId = () => `f-${++counter}`;

function plant(): AssessmentData {
  return new PlantBuilder()
    .zone('cell', 'Molkerei Linie 1')
    .answer('cell', 'not-met', 'SR 1.1', 'SR 1.3')
    .answer('cell', 'not-met', 'SR 7.3')
    .asset('rtu', { firmware: null })
    .connection('modem', { type: 'cellular', likelihood: 4, impact: 4 })
    .build();
}

function regenerate(data: AssessmentData, at: string) {
  const result = reconcileFindings(data.findings, generateFindings(data, { now: NOW }), {
    assessmentId: data.assessment.id,
    now: at,
    makeId,
  });
  data.findings = result.findings;
  return result;
}

function find(findings: Finding[], key: string): Finding {
  const found = findings.find((f) => f.autoKey === key);
  if (!found) throw new Error(`no finding ${key}`);
  return found;
}

describe('reconcileFindings', () => {
  it('adds every generated finding the first time, numbered in generated order', () => {
    const data = plant();
    const generated = generateFindings(data, { now: NOW });
    const result = regenerate(data, '2026-06-01T10:00:00.000Z');
    expect(result.added.map((f) => f.autoKey)).toEqual(generated.map((g) => g.autoKey));
    expect(result.findings.map((f) => f.order)).toEqual(generated.map((_, i) => i + 1));
    expect(result.updated).toEqual([]);
    expect(result.removed).toEqual([]);
    for (const f of result.findings) {
      expect(f).toMatchObject({
        origin: 'auto',
        status: 'open',
        roadmapSlot: null,
        assessmentId: 'assessment-1',
      });
    }
  });

  it('changes nothing when nothing changed', () => {
    const data = plant();
    regenerate(data, '2026-06-01T10:00:00.000Z');
    const before = structuredClone(data.findings);
    const again = regenerate(data, '2026-06-02T10:00:00.000Z');
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.removed).toEqual([]);
    expect(again.findings).toEqual(before);
  });

  it("keeps the assessor's edits, dismissals, order and placement while refreshing the rest", () => {
    const data = plant();
    regenerate(data, '2026-06-01T10:00:00.000Z');
    const fr1Key = 'requirements:SR 1.1:p3';
    const recoveryKey = 'requirements:SR 7.3:p6';
    data.findings = data.findings.map((f) => {
      if (f.autoKey === fr1Key)
        return setRoadmapSlot(
          editFinding(
            f,
            { title: 'Shared logins on the filling line', severity: 'critical' },
            '2026-06-01T11:00:00.000Z',
          ),
          'm1-3',
        );
      if (f.autoKey === recoveryKey)
        return { ...dismissFinding(f, 'Backups are run by the vendor under contract.'), order: 0.5 };
      return f;
    });
    expect(find(data.findings, fr1Key).edited).toEqual(['title', 'severity']);

    // On site, an RE of each SR fails too.
    for (const itemId of ['SR 1.1 RE 1', 'SR 7.3 RE 1'])
      data.answers.push({ ...data.answers[0]!, id: `ans-${itemId}`, itemId, status: 'not-met' });
    const result = regenerate(data, '2026-06-03T09:00:00.000Z');

    const fr1 = find(result.findings, fr1Key);
    expect(fr1.title).toBe('Shared logins on the filling line');
    expect(fr1.severity).toBe('critical');
    expect(fr1.roadmapSlot).toBe('m1-3');
    expect(fr1.refs.itemIds).toEqual(['SR 1.1', 'SR 1.1 RE 1']);
    expect(fr1.description).toContain('SR 1.1 RE 1 not met');
    expect(fr1.effort).toBe('M');
    expect(fr1.updatedAt).toBe('2026-06-03T09:00:00.000Z');

    const recovery = find(result.findings, recoveryKey);
    expect(recovery).toMatchObject({
      status: 'dismissed',
      dismissReason: 'Backups are run by the vendor under contract.',
      order: 0.5,
    });
    expect(recovery.refs.itemIds).toEqual(['SR 7.3', 'SR 7.3 RE 1']);
    expect(result.findings[0]!.autoKey).toBe(recoveryKey);
    expect(result.updated.map((f) => f.autoKey).sort()).toEqual([fr1Key, recoveryKey].sort());
  });

  it('drops auto findings whose cause has gone, and keeps manual ones', () => {
    const data = plant();
    regenerate(data, '2026-06-01T10:00:00.000Z');
    const manual: Finding = {
      ...find(data.findings, 'connections:cellular'),
      id: 'manual-1',
      origin: 'manual',
      autoKey: null,
      title: 'No OT incident response plan',
    };
    data.findings.push(manual);
    data.connections[0]!.status = 'remediated';
    data.assets[0]!.firmware = 'V1.2.3';
    const result = regenerate(data, '2026-06-02T10:00:00.000Z');
    expect(result.removed.map((f) => f.autoKey).sort()).toEqual(['connections:cellular', 'firmware-unknown']);
    expect(result.findings).toContainEqual(manual);
    expect(result.findings.some((f) => f.autoKey === 'connections:cellular')).toBe(false);
  });

  it('does not bring back findings that were merged into another', () => {
    const data = plant();
    regenerate(data, '2026-06-01T10:00:00.000Z');
    const fr1 = find(data.findings, 'requirements:SR 1.1:p3');
    const gap = find(data.findings, 'requirements:SR 1.3:p3');
    const { merged, removedIds } = mergeFindings([fr1, gap], '2026-06-01T12:00:00.000Z', () => 'merged-1');
    data.findings = [...data.findings.filter((f) => !removedIds.includes(f.id)), merged];
    const result = regenerate(data, '2026-06-02T10:00:00.000Z');
    expect(result.added).toEqual([]);
    expect(result.findings.filter((f) => f.autoKey === fr1.autoKey || f.autoKey === gap.autoKey)).toEqual([]);
    expect(result.findings).toContainEqual(merged);
  });

  it('keeps the work done on a requirement finding of an earlier version', () => {
    const cell = '00000000-0000-4000-8000-00000000c311';
    const data = new PlantBuilder()
      .zone('cell', 'Cell')
      .answer('cell', 'not-met', 'SR 1.1', 'SR 1.3')
      .build();
    data.zones[0]!.id = cell;
    for (const answer of data.answers) answer.zoneId = cell;
    const legacy = (key: string, fields: Partial<Finding>): Finding => ({
      ...find(
        regenerate(structuredClone(data), '2026-06-01T10:00:00.000Z').findings,
        'requirements:SR 1.1:p3',
      ),
      id: `legacy-${key}`,
      autoKey: key,
      refs: {
        itemIds: ['SR 1.1', 'SR 1.3'],
        zoneIds: [cell],
        conduitIds: [],
        connectionIds: [],
        assetIds: [],
      },
      ...fields,
    });
    data.findings = [
      legacy(`requirements:${cell}:FR1`, { roadmapSlot: 'm1-3' }),
      legacy(`sl-gap:${cell}`, { title: 'Our own gap wording', edited: ['title'] }),
    ];
    const result = regenerate(data, '2026-06-02T10:00:00.000Z');
    // The placement passes to the findings now covering those items; the edited text stays, as manual.
    expect(find(result.findings, 'requirements:SR 1.1:p3').roadmapSlot).toBe('m1-3');
    expect(find(result.findings, 'requirements:SR 1.3:p3').roadmapSlot).toBe('m1-3');
    expect(result.findings.find((f) => f.id === 'legacy-sl-gap:' + cell)).toMatchObject({
      origin: 'manual',
      autoKey: null,
      title: 'Our own gap wording',
    });
    expect(result.removed.map((f) => f.id)).toEqual([`legacy-requirements:${cell}:FR1`]);
  });

  it('appends new findings after the existing order', () => {
    const data = plant();
    regenerate(data, '2026-06-01T10:00:00.000Z');
    const maxOrder = Math.max(...data.findings.map((f) => f.order));
    data.connections.push({ ...data.connections[0]!, id: 'c-wifi', type: 'wireless' });
    const result = regenerate(data, '2026-06-02T10:00:00.000Z');
    expect(result.added.map((f) => [f.autoKey, f.order])).toEqual([['connections:wireless', maxOrder + 1]]);
  });

  it('keeps edit marks and absorbed keys through the assessment file', async () => {
    const data = await richAssessment();
    const result = reconcileFindings(data.findings, generateFindings(data, { now: NOW }), {
      assessmentId: data.assessment.id,
      now: '2026-06-01T10:00:00.000Z',
      makeId,
    });
    const [first, second] = result.findings.filter((f) => f.origin === 'auto');
    const edited = editFinding(first!, { recommendation: 'Our own words.' }, '2026-06-01T10:00:00.000Z');
    const { merged } = mergeFindings([second!, result.findings.at(-1)!], '2026-06-01T10:00:00.000Z', makeId);
    data.findings = [edited, merged];
    const back = await parseAssessmentFile(serializeAssessmentFile(data));
    expect(back.findings[0]!.edited).toEqual(['recommendation']);
    expect(back.findings[1]!.absorbedKeys).toEqual(merged.absorbedKeys);
    expect(merged.absorbedKeys!.length).toBe(2);
  });
});
