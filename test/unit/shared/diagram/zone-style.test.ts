import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexToRgb, ZONE_FILL_TINT, ZONE_KIND_COLORS, ZONE_KIND_STROKES } from '../../../../shared/diagram';
import { ZONE_KINDS } from '../../../../shared/model';

const source = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');

describe('the zone palette', () => {
  it('has a stroke and a fill for every kind, the fill being the stroke tinted into white', () => {
    for (const kind of ZONE_KINDS) {
      const { fill, stroke } = ZONE_KIND_COLORS[kind];
      expect(stroke).toBe(ZONE_KIND_STROKES[kind]);
      const expected = hexToRgb(stroke).map((c) => Math.round(255 + (c - 255) * ZONE_FILL_TINT));
      expect(hexToRgb(fill), kind).toEqual(expected);
    }
    expect(hexToRgb('#3b6fb6')).toEqual([0x3b, 0x6f, 0xb6]);
    expect(ZONE_KIND_COLORS.enterprise.fill).toBe('#e7eef6');
  });

  it('is the only one: the app styles and the PDF report keep no zone colours of their own', () => {
    expect(source('renderer/styles/theme.css')).not.toMatch(/--zone-(?!color)/);
    const canvasCss = source('renderer/features/diagram/diagram.css');
    expect(canvasCss).not.toMatch(/\.zone-kind-[a-z-]+\s*\{[^}]*#[0-9a-f]{3,6}/i);
    const pdf = source('shared/report/sections/diagram.ts');
    expect(pdf).toContain('ZONE_KIND_COLORS');
    expect(pdf).not.toMatch(/enterprise:\s*\[/);
  });
});
