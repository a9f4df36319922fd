import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../../shared/model';

const styles = new URL('../../../../renderer/styles/', import.meta.url);
const themeCss = readFileSync(new URL('theme.css', styles), 'utf8');
const severityCss = readFileSync(new URL('severity.css', styles), 'utf8');

/** The custom properties declared in one block of CSS text. */
function tokens(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** The light theme is the first :root block; the dark theme overrides it inside the colour-scheme media query. */
function themes(): Record<'light' | 'dark', Map<string, string>> {
  const darkStart = themeCss.indexOf('@media (prefers-color-scheme: dark)');
  expect(darkStart).toBeGreaterThan(0);
  const light = tokens(themeCss.slice(0, darkStart));
  const dark = new Map([...light, ...tokens(themeCss.slice(darkStart))]);
  return { light, dark };
}

function resolve(value: string, theme: Map<string, string>): string {
  const variable = /^var\((--[\w-]+)\)$/.exec(value);
  if (!variable) return value;
  const next = theme.get(variable[1]!);
  if (next === undefined) throw new Error(`${variable[1]} is not a theme token`);
  return resolve(next, theme);
}

function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`${hex} is not a #rrggbb colour`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.x contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The background and text declared for `.severity-<name>` in severity.css. */
function severityRule(severity: string): { background: string; color: string } {
  const rule = new RegExp(`\\.severity-${severity}\\s*\\{([^}]*)\\}`).exec(severityCss);
  if (!rule) throw new Error(`no rule for .severity-${severity}`);
  const declared = (property: string) =>
    new RegExp(`(?:^|;|\\s)${property}:\\s*([^;]+);`).exec(rule[1]!)?.[1];
  return { background: declared('background')!.trim(), color: declared('color')!.trim() };
}

describe('severity colours', () => {
  it('computes the WCAG formula right on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, theme] of Object.entries(themes())) {
    it(`gives every severity badge AA contrast (4.5:1) in the ${name} theme`, () => {
      const ratios = SEVERITIES.map((severity) => {
        const rule = severityRule(severity);
        return [severity, contrast(resolve(rule.color, theme), resolve(rule.background, theme))] as const;
      });
      for (const [severity, ratio] of ratios)
        expect(ratio, `${severity} in ${name}`).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('reads the old critical colours as failing, so the check has teeth', () => {
    // Dark theme before the fix: white on --danger #f06a5d.
    expect(contrast('#ffffff', '#f06a5d')).toBeLessThan(4.5);
  });
});
