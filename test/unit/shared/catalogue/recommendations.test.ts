import { describe, expect, it } from 'vitest';
import {
  EFFORTS,
  GUIDANCE,
  IEC62443_3_3,
  RECOMMENDATIONS,
  recommendationFor,
} from '../../../../shared/catalogue';
import { PROGRAM_PHASES } from '../../../../shared/model/findings';

const items = IEC62443_3_3.items;
const PLACEHOLDER = /\b(todo|tbd|fixme|lorem|placeholder|xxx)\b|\.\.\.|…/i;

describe('per-item recommendations', () => {
  it('exist for every SR and RE of the catalogue and for nothing else', () => {
    expect(items).toHaveLength(100);
    for (const item of items) expect(recommendationFor(item.id), item.id).toBeDefined();
    const ids = new Set(items.map((i) => i.id));
    expect(Object.keys(RECOMMENDATIONS).filter((id) => !ids.has(id))).toEqual([]);
    for (const unknown of ['SR 8.1', 'sr 1.1', '__proto__', 'toString', ''])
      expect(recommendationFor(unknown), unknown).toBeUndefined();
  });

  it('are real advice: full sentences, no placeholder, none repeated, none copied from the guidance', () => {
    const texts = items.map((i) => recommendationFor(i.id)!.recommendation);
    for (const [n, text] of texts.entries()) {
      const id = items[n]!.id;
      expect(text.length, id).toBeGreaterThan(60);
      expect(text.length, id).toBeLessThan(400);
      expect(text, id).toMatch(/^[A-Z].*\.$/s);
      expect(text, id).not.toMatch(PLACEHOLDER);
      expect(text, id).not.toBe(GUIDANCE[id]!.about);
    }
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('carry a program phase and an effort', () => {
    for (const item of items) {
      const { phase, effort } = recommendationFor(item.id)!;
      expect(PROGRAM_PHASES, item.id).toContain(phase);
      expect(EFFORTS, item.id).toContain(effort);
    }
  });

  it('scale to the item: MFA on untrusted networks only for RE 2, everywhere only for RE 3', () => {
    expect(recommendationFor('SR 1.1 RE 2')!.recommendation).toMatch(/untrusted networks/);
    expect(recommendationFor('SR 1.1 RE 2')!.recommendation).not.toMatch(/every human login/);
    expect(recommendationFor('SR 1.1 RE 3')!.recommendation).toMatch(/every human login/);
    const noMfa = items.filter((i) => i.minLevel <= 2).map((i) => recommendationFor(i.id)!.recommendation);
    for (const text of noMfa) expect(text).not.toMatch(/second factor|multi-?factor|MFA/i);
  });

  it("place the work in the seed's phases by what the item is about", () => {
    const phase = (id: string) => recommendationFor(id)!.phase;
    // Backups are phase 6 work but a quick win; malware protection and patching-type hardening are phase 5.
    expect(phase('SR 7.3')).toBe(6);
    expect(recommendationFor('SR 7.3')!.quickWin).toBe(true);
    expect(recommendationFor('SR 7.3')!.effort).toBe('S');
    expect(recommendationFor('SR 7.3 RE 1')!.quickWin).toBe(true);
    expect(phase('SR 3.2')).toBe(5);
    expect(phase('SR 3.2 RE 1')).toBe(5);
    // Integrity verification is detection, not patching; segmentation and boundaries are phase 2.
    expect(phase('SR 3.4')).toBe(4);
    expect(phase('SR 3.4 RE 1')).toBe(4);
    expect(phase('SR 3.1')).toBe(2);
    for (const id of ['SR 5.1', 'SR 5.1 RE 1', 'SR 5.2', 'SR 5.2 RE 1', 'SR 5.3', 'SR 1.13'])
      expect(phase(id), id).toBe(2);
    // FR3 is not all patching, FR7 is not all one phase.
    const fr3 = new Set(items.filter((i) => i.fr === 'FR3').map((i) => phase(i.id)));
    const fr7 = new Set(items.filter((i) => i.fr === 'FR7').map((i) => phase(i.id)));
    expect(fr3.size).toBeGreaterThan(2);
    expect(fr7.size).toBeGreaterThan(2);
    expect(phase('SR 7.8')).toBe(1);
    expect(phase('SR 6.2')).toBe(4);
    expect(phase('SR 2.8')).toBe(4);
    expect(phase('SR 1.1 RE 1')).toBe(3);
  });
});
