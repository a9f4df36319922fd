import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  createManualFinding,
  dismissFinding,
  editFinding,
  FindingEditError,
  mergeFindings,
  moveFinding,
  restoreFinding,
  generateFindings,
  reconcileFindings,
} from '../../../../shared/findings';
import type { Finding } from '../../../../shared/model';
import { PlantBuilder } from '../../../fixtures/builders';

const AT = '2026-06-01T10:00:00.000Z';

function stored(): Finding[] {
  const data = new PlantBuilder()
    .zone('cell', 'Zelle 4')
    .answer('cell', 'not-met', 'SR 1.1', 'SR 5.1')
    .connection('modem', { type: 'cellular', likelihood: 5, impact: 4, recommendation: 'Unplug it.' })
    .asset('rtu', { firmware: null })
    .build();
  let n = 0;
  return reconcileFindings([], generateFindings(data, { now: new Date(AT) }), {
    assessmentId: data.assessment.id,
    now: AT,
    makeId: () => `f-${++n}`,
  }).findings;
}

describe('editing findings', () => {
  it('records which fields of an auto finding the assessor changed, and validates', () => {
    const [first] = stored();
    const edited = editFinding(
      first!,
      { title: 'Renamed', phase: 1, severity: first!.severity },
      '2026-06-02T00:00:00.000Z',
    );
    expect(edited.edited).toEqual(['title', 'phase']);
    expect(edited.updatedAt).toBe('2026-06-02T00:00:00.000Z');
    expect(editFinding(edited, { description: 'More.' }).edited).toEqual(['title', 'phase', 'description']);
    expect(editFinding(first!, { title: first!.title })).toBe(first);
    expect(() => editFinding(first!, { title: '   ' })).toThrow(ZodError);
  });

  it('needs a reason to dismiss, and restoring clears it', () => {
    const [first] = stored();
    expect(() => dismissFinding(first!, '  ')).toThrow(FindingEditError);
    const dismissed = dismissFinding(first!, '  Out of scope: corporate network. ');
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      dismissReason: 'Out of scope: corporate network.',
    });
    expect(restoreFinding(dismissed)).toMatchObject({ status: 'open', dismissReason: '' });
  });

  it('adds a manual finding after the others', () => {
    const findings = stored();
    const manual = createManualFinding(
      'assessment-1',
      { title: 'No OT incident response plan', severity: 'high', phase: 6 },
      findings,
      AT,
      () => 'm-1',
    );
    expect(manual).toMatchObject({
      origin: 'manual',
      autoKey: null,
      order: findings.length + 1,
      status: 'open',
    });
    expect(manual.refs).toEqual({
      itemIds: [],
      zoneIds: [],
      conduitIds: [],
      connectionIds: [],
      assetIds: [],
    });
    expect(() =>
      createManualFinding('assessment-1', { title: '', severity: 'low', phase: 1 }, findings),
    ).toThrow(ZodError);
  });

  it('merges findings into one manual finding with combined text and refs', () => {
    const findings = stored();
    const modem = findings.find((f) => f.autoKey === 'connections:cellular')!;
    const fr1 = findings.find((f) => f.autoKey === 'requirements:SR 1.1:p3')!;
    const fr5 = {
      ...findings.find((f) => f.autoKey === 'requirements:SR 5.1:p2')!,
      roadmapSlot: 'm3-6' as const,
    };
    const { merged, removedIds } = mergeFindings([fr5, fr1, modem], AT, () => 'merged');
    expect(removedIds.sort()).toEqual([fr1.id, fr5.id, modem.id].sort());
    expect(merged).toMatchObject({
      id: 'merged',
      origin: 'manual',
      autoKey: null,
      title: modem.title,
      severity: 'critical',
      phase: modem.phase,
      order: Math.min(fr1.order, fr5.order, modem.order),
      roadmapSlot: 'm3-6',
    });
    expect(merged.absorbedKeys!.sort()).toEqual([fr1.autoKey, fr5.autoKey, modem.autoKey].sort());
    expect(merged.refs.itemIds.sort()).toEqual(['SR 1.1', 'SR 5.1']);
    expect(merged.refs.connectionIds).toEqual(['c-modem']);
    expect(merged.refs.zoneIds).toEqual(['z-cell']);
    expect(merged.refs.items).toEqual([
      { zoneId: 'z-cell', itemId: 'SR 5.1' },
      { zoneId: 'z-cell', itemId: 'SR 1.1' },
    ]);
    for (const f of [fr1, fr5, modem]) {
      expect(merged.description).toContain(f.title);
      expect(merged.recommendation).toContain(f.recommendation);
    }
    expect(() => mergeFindings([fr1])).toThrow(FindingEditError);
  });

  it('moves a finding and renumbers only what changed', () => {
    const findings = stored();
    const ids = findings.map((f) => f.id);
    const last = ids.at(-1)!;
    const changed = moveFinding(findings, last, 0, AT);
    const after = findings
      .map((f) => changed.find((c) => c.id === f.id) ?? f)
      .sort((a, b) => a.order - b.order);
    expect(after.map((f) => f.id)).toEqual([last, ...ids.slice(0, -1)]);
    expect(after.map((f) => f.order)).toEqual(ids.map((_, i) => i + 1));
    expect(changed).toHaveLength(ids.length);
    // Moving down by one swaps two neighbours only.
    expect(moveFinding(findings, ids[0]!, 1).map((f) => [f.id, f.order])).toEqual([
      [ids[1], 1],
      [ids[0], 2],
    ]);
    expect(() => moveFinding(findings, 'gone', 0)).toThrow(FindingEditError);
  });
});
