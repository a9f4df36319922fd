import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ATTACK_ICS, attackForItem, IEC62443_3_3 } from '../../../../shared/catalogue';
import type { Answer } from '../../../../shared/model';
import { attackLayer } from '../../../../shared/risk';
import { ASSESSMENT_ID, aZone } from '../../../fixtures/builders';

/** ATT&CK Navigator layer format 4.5 (mitre-attack/attack-navigator layers/spec/v4.5/layerformat.md), strict. */
const metadata = z.union([
  z.object({ name: z.string(), value: z.string() }).strict(),
  z.object({ divider: z.boolean() }).strict(),
]);
const layerSchema = z
  .object({
    name: z.string().min(1),
    versions: z.object({ attack: z.string(), navigator: z.string(), layer: z.literal('4.5') }).strict(),
    domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
    description: z.string(),
    sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    layout: z
      .object({ layout: z.enum(['side', 'flat', 'mini']), showID: z.boolean(), showName: z.boolean() })
      .strict(),
    hideDisabled: z.boolean(),
    techniques: z.array(
      z
        .object({
          techniqueID: z.string().regex(/^T\d{4}(\.\d{3})?$/),
          score: z.number(),
          comment: z.string(),
          enabled: z.boolean(),
          metadata: z.array(metadata),
        })
        .strict(),
    ),
    gradient: z
      .object({
        colors: z.array(z.string().regex(/^#[0-9a-f]{6}$/i)).min(2),
        minValue: z.number(),
        maxValue: z.number(),
      })
      .strict()
      .refine((g) => g.maxValue > g.minValue, 'maxValue must be > minValue'),
    legendItems: z.array(z.object({ label: z.string(), color: z.string() }).strict()),
    metadata: z.array(metadata),
  })
  .strict();

const T0 = '2026-03-02T08:15:00.000Z';
function answer(zoneId: string, itemId: string, status: Answer['status']): Answer {
  return {
    id: crypto.randomUUID(),
    assessmentId: ASSESSMENT_ID,
    createdAt: T0,
    updatedAt: T0,
    zoneId,
    itemId,
    status,
    notes: '',
    justification: status === 'compensating' ? 'Jump host' : '',
    evidenceIds: [],
    answeredBy: null,
    answeredAt: null,
  };
}

describe('ATT&CK Navigator layer', () => {
  const cell = aZone('Filling cell', { slt: { base: 1, overrides: {} } });
  const dmz = aZone('DMZ', { slt: { base: 1, overrides: {} } });
  const sl1 = IEC62443_3_3.items.filter((i) => i.minLevel === 1);
  // The cell meets every SL 1 item but SR 5.1; the DMZ meets all but SR 5.1 and SR 1.1.
  const answers = [
    ...sl1.filter((i) => i.id !== 'SR 5.1').map((i) => answer(cell.id, i.id, 'met')),
    ...sl1
      .filter((i) => !['SR 5.1', 'SR 1.1'].includes(i.id))
      .map((i) => answer(dmz.id, i.id, i.id === 'SR 1.2' ? 'compensating' : 'met')),
  ];

  it('validates against the layer format: versions, domain ics-attack, techniques by techniqueID known to ATT&CK for ICS', () => {
    const layer = attackLayer({
      catalogue: IEC62443_3_3,
      zones: [cell, dmz],
      answers,
      title: 'Brasserie – Lille',
    });
    expect(() => layerSchema.parse(layer)).not.toThrow();
    expect(layer.domain).toBe('ics-attack');
    expect(layer.versions).toEqual({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    const known = new Set(ATTACK_ICS.techniques.map((t) => t.id));
    for (const t of layer.techniques) expect(known.has(t.techniqueID), t.techniqueID).toBe(true);
    expect(layer.description).toContain('© The MITRE Corporation');
  });

  it('scores a zone by its unmet requirements that cover each technique', () => {
    const layer = attackLayer({ catalogue: IEC62443_3_3, zones: [cell], answers, title: 'x' });
    const expected = attackForItem({ sr: 'SR 5.1' }).techniques;
    expect(layer.techniques.map((t) => t.techniqueID).sort()).toEqual(expected);
    expect(layer.techniques.every((t) => t.score === 1)).toBe(true);
    expect(layer.techniques[0]!.comment).toBe('Filling cell: SR 5.1 not met');
  });

  it('scores the site by the number of zones leaving a technique open', () => {
    const layer = attackLayer({ catalogue: IEC62443_3_3, zones: [cell, dmz], answers, title: 'x' });
    const only11 = attackForItem({ sr: 'SR 1.1' }).techniques.filter(
      (t) => !attackForItem({ sr: 'SR 5.1' }).techniques.includes(t),
    );
    const both = attackForItem({ sr: 'SR 5.1' }).techniques;
    for (const id of both) expect(layer.techniques.find((t) => t.techniqueID === id)!.score).toBe(2);
    for (const id of only11) expect(layer.techniques.find((t) => t.techniqueID === id)!.score).toBe(1);
    expect(layer.gradient.maxValue).toBe(2);
  });

  it('has no techniques for a zone that meets everything, and a valid gradient still', () => {
    const all = IEC62443_3_3.items.filter((i) => i.minLevel === 1).map((i) => answer(cell.id, i.id, 'met'));
    const layer = attackLayer({ catalogue: IEC62443_3_3, zones: [cell], answers: all, title: 'x' });
    expect(layer.techniques).toEqual([]);
    expect(() => layerSchema.parse(layer)).not.toThrow();
  });
});
