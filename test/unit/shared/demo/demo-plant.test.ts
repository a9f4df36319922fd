import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { reconcile } from '../../../../shared/network';
import { buildDemoPlant, DEMO_SOURCE_FILES, type DemoSourceName } from '../../../../shared/demo';
import { parseAssessmentFile, serializeAssessmentFile, type AssessmentData } from '../../../../shared/model';
import { OuiTable } from '../../../../shared/traffic/oui';

const root = path.resolve(__dirname, '../../../..');
const files = Object.fromEntries(
  Object.entries(DEMO_SOURCE_FILES).map(([name, file]) => [
    name,
    new Uint8Array(readFileSync(path.join(root, 'assets/demo', file))),
  ]),
) as Record<DemoSourceName, Uint8Array>;
const oui = OuiTable.fromGzip(new Uint8Array(readFileSync(path.join(root, 'assets/oui/oui.txt.gz'))));
const stamp = (data: AssessmentData) =>
  serializeAssessmentFile(data, { exportedAt: data.assessment.updatedAt });

describe('the demo plant', async () => {
  const demo = await buildDemoPlant({ files, oui });

  it('is deterministic: the same sources and seed give the same file, ids and times included', async () => {
    const again = await buildDemoPlant({ files, oui });
    expect(stamp(again)).toBe(stamp(demo));
    const otherSeed = await buildDemoPlant({ files, oui }, 'another-seed');
    expect(otherSeed.assessment.id).not.toBe(demo.assessment.id);
    expect(otherSeed.assets.map((a) => a.name)).toEqual(demo.assets.map((a) => a.name));
  });

  it('passes the assessment file validation', async () => {
    const parsed = await parseAssessmentFile(stamp(demo));
    expect(parsed.assets).toHaveLength(demo.assets.length);
  });

  it('has 6 to 8 zones with SL-T vectors, some with per-FR overrides, and conduits with services and controls', () => {
    expect(demo.zones.length).toBeGreaterThanOrEqual(6);
    expect(demo.zones.length).toBeLessThanOrEqual(8);
    expect(demo.zones.every((z) => z.slt.base !== null && z.ranges.length > 0)).toBe(true);
    expect(demo.zones.filter((z) => Object.keys(z.slt.overrides).length > 0).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(new Set(demo.zones.map((z) => z.kind)).size).toBeGreaterThanOrEqual(6);
    expect(demo.conduits.length).toBeGreaterThanOrEqual(6);
    expect(demo.conduits.every((c) => c.services.length > 0 && c.controls.length > 0)).toBe(true);
  });

  it('has about 150 assets from two sensor imports and a capture, merged, placed by subnet', () => {
    expect(demo.assets.length).toBeGreaterThanOrEqual(130);
    expect(demo.assets.length).toBeLessThanOrEqual(170);
    const byKind = demo.importBatches.map((b) => `${b.kind}:${b.format}:${b.fileName}`);
    expect(byKind).toEqual([
      'inventory:nozomi:nozomi-guardian-assets.json',
      'inventory:claroty-ctd:claroty-ctd-assets.json',
      'capture:pcap:control-room-span.pcap',
    ]);
    const [nozomi, claroty] = demo.importBatches;
    const seenByBoth = demo.assets.filter(
      (a) => a.batchIds.includes(nozomi!.id) && a.batchIds.includes(claroty!.id),
    );
    expect(seenByBoth.length).toBe(claroty!.counts.merged);
    expect(seenByBoth.length).toBeGreaterThan(20);
    const firmwareConflict = demo.assets
      .find((a) => a.name === 'fill2-clx')!
      .conflicts.find((c) => c.field === 'firmware');
    expect(firmwareConflict?.values.map((v) => v.value).sort()).toEqual(['33.011', '33.014']);
    expect(demo.assets.filter((a) => a.zoneId !== null).length).toBeGreaterThan(demo.assets.length - 6);
  });

  it('has an imported capture with flows that the reconciliation turns into candidates', () => {
    const capture = demo.importBatches.find((b) => b.kind === 'capture')!;
    expect(capture.counts.records).toBe(215);
    const flows = demo.flows.filter((f) => f.batchId === capture.id);
    expect(flows.length).toBe(capture.counts.flows);
    expect([...new Set(flows.map((f) => f.protocol))].sort()).toEqual([
      'BACnet/IP',
      'EtherNet/IP',
      'Modbus/TCP',
      'NTP',
      'OPC UA',
      'PROFINET DCP',
      'S7comm',
      'TLS',
    ]);
    expect(flows.some((f) => f.transport === 'l2')).toBe(true);
    const kinds = new Set(reconcile(demo).candidates.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([
      'l2-between-zones',
      'public-ip',
      'undocumented-flow',
      'unzoned-endpoint',
    ]);
  });

  it('has part of the checklist answered with notes and a photo, two undocumented connections and findings', () => {
    expect(demo.answers.length).toBeGreaterThan(20);
    expect(demo.answers.every((a) => a.notes.length > 0 || a.justification.length > 0)).toBe(true);
    expect(new Set(demo.answers.map((a) => a.zoneId)).size).toBe(demo.zones.length - 1);
    const [photo] = demo.evidence;
    expect(photo!.mimeType).toBe('image/png');
    expect([...photo!.bytes!.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(demo.answers.some((a) => a.evidenceIds.includes(photo!.id))).toBe(true);
    expect(demo.connections.map((c) => c.type).sort()).toEqual(['cellular', 'direct-it-ot']);
    const fromTraffic = demo.connections.find((c) => c.foundBy === 'traffic')!;
    expect(fromTraffic.flowIds.length).toBeGreaterThan(0);
    expect(demo.triage).toEqual([
      expect.objectContaining({ decision: 'confirmed', connectionId: fromTraffic.id }),
    ]);
    expect(demo.findings.length).toBeGreaterThan(10);
    expect(demo.findings.some((f) => f.title.startsWith('Undocumented connection'))).toBe(true);
  });

  it('is what `conduit demo` writes, and that file validates', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'conduit-demo-')), 'demo.conduit.json');
    let stdout = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: () => undefined };
    expect(await runCli(['demo', '--out', out], io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(stamp(demo));
    expect(await runCli(['demo', '--out', out], io)).toBe(64);
    stdout = '';
    expect(await runCli(['validate', out], io)).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, counts: { zones: demo.zones.length } });
  });
});
