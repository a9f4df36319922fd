import { describe, expect, it } from 'vitest';
import { GUIDANCE, guidanceFor, IEC62443_3_3 } from '../../../../shared/catalogue';

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '').length;

describe('assessor guidance', () => {
  it('exists for every catalogue item, with what it is about, evidence to ask for and typical weaknesses', () => {
    for (const item of IEC62443_3_3.items) {
      const guidance = guidanceFor(item.id);
      expect(guidance, item.id).toBeDefined();
      expect(guidance!.about.trim().length, item.id).toBeGreaterThan(30);
      expect(sentences(guidance!.about), item.id).toBeLessThanOrEqual(2);
      expect(guidance!.evidence.length, item.id).toBeGreaterThanOrEqual(1);
      expect(guidance!.weaknesses.length, item.id).toBeGreaterThanOrEqual(1);
      expect(guidance!.evidence.length + guidance!.weaknesses.length, item.id).toBeLessThanOrEqual(6);
      for (const line of [...guidance!.evidence, ...guidance!.weaknesses])
        expect(line.trim(), item.id).not.toBe('');
    }
  });

  it('has no entry for an id the catalogue lacks', () => {
    const ids = new Set(IEC62443_3_3.items.map((i) => i.id));
    expect(Object.keys(GUIDANCE).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(GUIDANCE)).toHaveLength(100);
    for (const unknown of [
      'SR 8.1',
      'SR 1.1 RE 9',
      'sr 1.1',
      'SR 1.1 ',
      '',
      'constructor',
      '__proto__',
      'toString',
    ]) {
      expect(guidanceFor(unknown), unknown).toBeUndefined();
    }
  });

  it('is written per item, not copied between items', () => {
    const abouts = Object.values(GUIDANCE).map((g) => g.about);
    expect(new Set(abouts).size).toBe(abouts.length);
  });

  it('points at the OT weaknesses assessors meet on site', () => {
    expect(guidanceFor('SR 1.1 RE 1')!.weaknesses.join(' ')).toMatch(/shift|shared|generic/i);
    expect(guidanceFor('SR 1.13 RE 1')!.weaknesses.join(' ')).toMatch(/expiry/);
    expect(guidanceFor('SR 2.1')!.weaknesses.join(' ')).toMatch(/local admin/);
    expect(guidanceFor('SR 2.8')!.weaknesses.join(' ')).toMatch(/no logging/i);
    expect(guidanceFor('SR 5.1')!.weaknesses.join(' ')).toMatch(/flat network/i);
  });
});
