import { describe, expect, it } from 'vitest';
import { longFunctionsOf } from '../../../scripts/long-functions';

const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('long-functions', () => {
  it('counts declarations, arrows and methods by their own line span, nested ones separately', () => {
    const text = [
      `export function outer() {`,
      body(90),
      `  const inner = () => {`,
      body(85),
      `  };`,
      `  return inner;`,
      `}`,
      `class K {`,
      `  method() {`,
      body(10),
      `  }`,
      `}`,
    ].join('\n');
    const found = longFunctionsOf('x.ts', text, 80);
    expect(found.map((f) => [f.name, f.line, f.lines])).toEqual([
      ['outer', 1, 180],
      ['inner', 92, 87],
    ]);
  });

  it('uses the limit given: a function of exactly the limit is not over it', () => {
    const text = `const f = function () {\n${body(78)}\n};`;
    expect(longFunctionsOf('x.ts', text, 80)).toEqual([]);
    expect(longFunctionsOf('x.ts', text, 79)).toHaveLength(1);
  });
});
