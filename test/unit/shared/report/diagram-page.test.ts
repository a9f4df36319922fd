import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import { undocumentedEdges } from '../../../../shared/diagram';
import { parseAssessmentFile, type AssessmentData } from '../../../../shared/model';
import { renderReportPdf } from '../../../../shared/report';
import { conduitLabel } from '../../../../shared/report/diagram-labels';
import {
  layoutGrid,
  layoutPositioned,
  LINK_LABEL_PT,
  pageLinks,
  type DiagramPageLayout,
  type PageArea,
  type PageBox,
} from '../../../../shared/report/diagram-page';
import { CONTENT_WIDTH, PAGE } from '../../../../shared/report/layout';
import { hasCommand } from '../../helpers/tools';

const dir = mkdtempSync(join(tmpdir(), 'conduit-diagram-page-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const overlap = (a: PageBox, b: PageBox) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every label is inside the area and clear of every zone and of every other label. */
function expectClear(layout: DiagramPageLayout, area: PageArea): void {
  const labels = [...layout.links.values()].map((l) => {
    expect(l.label).not.toBeNull();
    return l.label!;
  });
  for (const [i, label] of labels.entries()) {
    const { box } = label;
    expect(box.x, label.text).toBeGreaterThanOrEqual(area.left - 1e-6);
    expect(box.y, label.text).toBeGreaterThanOrEqual(area.top - 1e-6);
    expect(box.x + box.w, label.text).toBeLessThanOrEqual(area.left + area.width + 1e-6);
    expect(box.y + box.h, label.text).toBeLessThanOrEqual(area.top + area.height + 1e-6);
    for (const [id, zone] of layout.boxes)
      expect(overlap(box, zone), `${label.text} on zone ${id}`).toBe(false);
    for (const other of labels.slice(i + 1))
      expect(overlap(box, other.box), `${label.text} on ${other.text}`).toBe(false);
  }
}

describe('the report diagram page without the app PNG', () => {
  let demo: AssessmentData;
  beforeAll(async () => {
    const out = join(dir, 'demo.conduit.json');
    expect(await runCli(['demo', '--out', out], { stdout: () => undefined, stderr: () => undefined })).toBe(
      0,
    );
    demo = await parseAssessmentFile(readFileSync(out, 'utf8'));
  }, 30_000);

  it('places every label of the demo plant on the page, clear of the zones and of each other', () => {
    const edges = undocumentedEdges(demo.connections, demo.assets);
    const links = pageLinks(demo.conduits, edges);
    expect(links.length).toBe(demo.conduits.length + edges.length);
    const area = { left: PAGE.left, top: 48, width: CONTENT_WIDTH, height: 165 };
    const layout = layoutPositioned(demo.zones, links, area, LINK_LABEL_PT);
    expect([...layout.links.keys()].sort()).toEqual(links.map((l) => l.id).sort());
    expectClear(layout, area);
    for (const link of layout.links.values()) {
      expect(link.label!.fontSize).toBeGreaterThan(6.5);
      expect(link.label!.fontSize).toBeLessThanOrEqual(LINK_LABEL_PT + 1e-6);
    }
    // The zones keep their relative positions: the DMZ sits left of the control room.
    const dmz = demo.zones.find((z) => z.name === 'Industrial DMZ')!;
    const control = demo.zones.find((z) => z.name === 'Control room')!;
    expect(layout.boxes.get(dmz.id)!.x).toBeLessThan(layout.boxes.get(control.id)!.x);
  });

  it('keeps the labels of a crowded grid page inside the page, with a leader where one leaves its line', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `z${i}`);
    const links = [];
    for (let i = 0; i < 8; i++)
      for (let j = i + 1; j < 8; j += 3)
        links.push({
          id: `c${i}-${j}`,
          fromZoneId: `z${i}`,
          toZoneId: `z${j}`,
          text: 'Modbus/TCP, OPC UA, S7comm',
        });
    const area = { left: PAGE.left, top: 40, width: CONTENT_WIDTH, height: PAGE.height - PAGE.bottom - 40 };
    const layout = layoutGrid(ids, links, area, LINK_LABEL_PT);
    expect(layout.links.size).toBe(links.length);
    expectClear(layout, area);
    expect([...layout.links.values()].some((l) => l.leader !== null)).toBe(true);
  });

  it.runIf(hasCommand('pdftotext'))(
    'prints every conduit label of the demo plant on the diagram page',
    async () => {
      const pdf = renderReportPdf(demo, { fonts: await loadReportFonts(), signer: null });
      const file = join(dir, 'demo.pdf');
      writeFileSync(file, pdf);
      const pages = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.split('\f');
      const page = pages.find((text) => /^\s*\d+\. Zone and conduit diagram\s*$/m.test(text));
      expect(page, 'the diagram page').toBeDefined();
      const text = page!.replace(/\s+/g, ' ');
      for (const conduit of demo.conduits) expect(text).toContain(conduitLabel(conduit));
      expect(text).toContain('Undocumented: Direct IT-OT link bypassing the DMZ');
    },
    30_000,
  );
});
