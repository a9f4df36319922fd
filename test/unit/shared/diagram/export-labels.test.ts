import { describe, expect, it } from 'vitest';
import { renderDiagramSvg, type DiagramSvgData } from '../../../../shared/diagram';
import { DEMO_CONDUITS, DEMO_ZONES } from '../../../../shared/demo/plant';
import { autoLayout } from '../../../../shared/diagram';
import type { Conduit, Zone } from '../../../../shared/model';

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The demo plant as the diagram stores it: 280 x 150 zones at the demo's positions. */
function demo(): DiagramSvgData {
  const zones = DEMO_ZONES.map((z) => ({
    id: z.key,
    name: z.name,
    kind: z.kind,
    slt: { base: z.slt, overrides: z.overrides ?? {} },
    position: z.position,
    size: { width: 280, height: 150 },
  }));
  const conduits = DEMO_CONDUITS.map((c, i) => ({
    id: `conduit-${i}`,
    name: c.name,
    fromZoneId: c.from,
    toZoneId: c.to,
    direction: c.direction,
    services: c.services,
  }));
  return { title: 'Hillcrest dairy – Demo plant', zones, conduits, assetCounts: new Map() };
}

/** The label and zone rectangles of an exported SVG, and its own size, read back from its text. */
function layoutOf(svg: string) {
  const number = (tag: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)![1]);
  const rect = (tag: string): Rect => ({
    x: number(tag, 'x'),
    y: number(tag, 'y'),
    width: number(tag, 'width'),
    height: number(tag, 'height'),
  });
  const translate = /<g transform="translate\(([-\d.]+),([-\d.]+)\)">/.exec(svg)!;
  const [dx, dy] = [Number(translate[1]), Number(translate[2])];
  const shifted = (r: Rect) => ({ ...r, x: r.x + dx, y: r.y + dy });
  const labels = [...svg.matchAll(/<g class="conduit-label"[^>]*>\n(<rect [^>]*>)/g)].map((m) =>
    shifted(rect(m[1]!)),
  );
  const zones = [...svg.matchAll(/<g class="zone"[^>]*>\n<title>[^<]*<\/title>\n(<rect [^>]*>)/g)].map((m) =>
    shifted(rect(m[1]!)),
  );
  const root = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { labels, zones, width: Number(root[1]), height: Number(root[2]) };
}

function expectClear(svg: string) {
  const { labels, zones, width, height } = layoutOf(svg);
  expect(labels).toHaveLength(DEMO_CONDUITS.length);
  expect(zones).toHaveLength(DEMO_ZONES.length);
  for (const [i, label] of labels.entries()) {
    expect(label.x, `label ${i} inside the drawing`).toBeGreaterThanOrEqual(0);
    expect(label.y).toBeGreaterThanOrEqual(0);
    expect(label.x + label.width).toBeLessThanOrEqual(width);
    expect(label.y + label.height).toBeLessThanOrEqual(height);
    for (const other of labels.slice(i + 1))
      expect(overlaps(label, other), `label ${i} on another`).toBe(false);
    for (const zone of zones) expect(overlaps(label, zone), `label ${i} on a zone`).toBe(false);
  }
}

describe('the exported diagram (SVG, and the PNG and PDF page drawn from it)', () => {
  it('places every demo label clear of the others and of the zones, inside the drawing', () => {
    expectClear(renderDiagramSvg(demo()));
  });

  it('does so after auto-layout too', async () => {
    const data = demo();
    const positions = await autoLayout(
      data.zones.map((z) => ({
        ...z,
        purdueLevel: DEMO_ZONES.find((d) => d.key === z.id)!.purdueLevel,
      })) as unknown as Zone[],
      data.conduits as unknown as Conduit[],
    );
    const zones = data.zones.map((z) => ({ ...z, position: positions.get(z.id)! }));
    expectClear(renderDiagramSvg({ ...data, zones }));
  });

  it('sizes each label box to its text in the export’s font, and breaks a long zone name in two lines', () => {
    const data = demo();
    const svg = renderDiagramSvg({
      ...data,
      zones: data.zones.map((z) =>
        z.id === 'sis' ? { ...z, name: 'Safety instrumented system, line 2 burners' } : z,
      ),
    });
    const sis = /<g class="zone" data-id="sis">([\s\S]*?)<\/g>/.exec(svg)![1]!;
    expect(sis).toContain('<title>Safety instrumented system, line 2 burners</title>');
    const lines = [...sis.matchAll(/class="zone-name"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(lines).toEqual(['Safety instrumented system,', 'line 2 burners']);
  });
});
