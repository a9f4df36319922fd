import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'fflate';
import { runCli } from '../../../../electron/cli/run';
import { readKev } from '../../../../shared/advisories';
import { assessmentRisk, suggestionsFor } from '../../../../shared/risk';
import { reconcile } from '../../../../shared/network';
import { buildDemoPlant, DEMO_SOURCE_FILES, type DemoSourceName } from '../../../../shared/demo';
import { parseAssessmentFile, serializeAssessmentFile, type AssessmentData } from '../../../../shared/model';
import { OuiTable } from '../../../../shared/traffic/oui';
import { Normaliser, normaliseNames } from '../../../../shared/vendors';

const root = path.resolve(__dirname, '../../../..');
const files = Object.fromEntries(
  Object.entries(DEMO_SOURCE_FILES).map(([name, file]) => [
    name,
    new Uint8Array(readFileSync(path.join(root, 'assets/demo', file))),
  ]),
) as Record<DemoSourceName, Uint8Array>;
const oui = OuiTable.fromGzip(new Uint8Array(readFileSync(path.join(root, 'assets/oui/oui.txt.gz'))));
const advisories = {
  index: new Uint8Array(readFileSync(path.join(root, 'assets/advisories/index.json.gz'))),
  kev: [
    ...readKev(
      new TextDecoder().decode(
        gunzipSync(
          new Uint8Array(readFileSync(path.join(root, 'assets/advisories/cisa-kev-2025-08-25.json.gz'))),
        ),
      ),
      'cisa-kev-2025-08-25.json',
    ).entries.keys(),
  ],
};
const stamp = (data: AssessmentData) =>
  serializeAssessmentFile(data, { exportedAt: data.assessment.updatedAt });

describe('the demo plant', async () => {
  const demo = await buildDemoPlant({ files, oui, advisories });

  it('is deterministic: the same sources and seed give the same file, ids and times included', async () => {
    const again = await buildDemoPlant({ files, oui, advisories });
    expect(stamp(again)).toBe(stamp(demo));
    const otherSeed = await buildDemoPlant({ files, oui, advisories }, 'another-seed');
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

  it('stores the sensor exports’ vendors and types under one name each, keeping the spelling as raw', () => {
    const [nozomi, claroty] = demo.importBatches;
    const sensed = demo.assets.filter((a) =>
      a.batchIds.some((id) => id === nozomi!.id || id === claroty!.id),
    );
    const cisco = sensed.filter((a) => a.vendorRaw === 'Cisco Systems');
    expect(cisco.length).toBeGreaterThan(0);
    expect(new Set(cisco.map((a) => a.vendor))).toEqual(new Set(['Cisco']));
    const engineering = sensed.filter((a) => a.typeRaw === 'EngineeringStation');
    expect(engineering.length).toBeGreaterThan(0);
    expect(new Set(engineering.map((a) => a.type))).toEqual(new Set(['Engineering workstation']));
    const normaliser = new Normaliser();
    expect(sensed.filter((a) => normaliseNames(a, normaliser) !== a)).toEqual([]);
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

  it('has a risk assessment: scope, a consequence per zone, suggested and hand-written scenarios, countermeasures', () => {
    const [scope] = demo.riskScopes;
    expect(scope!.description).not.toBe('');
    expect(scope!.exclusions).toHaveLength(1);
    expect(new Set(demo.zoneRisks.map((r) => r.zoneId))).toEqual(new Set(demo.zones.map((z) => z.id)));
    expect(demo.zoneRisks.every((r) => Object.keys(r.consequences).length > 0)).toBe(true);
    // Every scenario the model suggests is taken (none left to suggest), plus two written by hand.
    expect(suggestionsFor(demo)).toEqual([]);
    const suggested = demo.threatScenarios.filter((s) => s.suggestionKey !== null);
    const byHand = demo.threatScenarios.filter((s) => s.suggestionKey === null);
    expect(suggested.length).toBeGreaterThanOrEqual(3);
    expect(byHand.map((s) => s.entryVector.kind).sort()).toEqual(['conduit', 'removable-media']);
    expect(demo.countermeasures.map((c) => c.kind).sort()).toEqual(['existing', 'existing', 'recommended']);
    const compensating = demo.countermeasures.find((c) => c.compensates.length > 0)!;
    const answer = demo.answers.find(
      (a) =>
        a.zoneId === compensating.compensates[0]!.zoneId && a.itemId === compensating.compensates[0]!.itemId,
    );
    expect(answer?.status).toBe('compensating');
    const scenarioIds = new Set(demo.threatScenarios.map((s) => s.id));
    expect(
      demo.countermeasures.every(
        (c) => c.scenarioIds.length > 0 && c.scenarioIds.every((id) => scenarioIds.has(id)),
      ),
    ).toBe(true);
    // The risk result: every scenario rated, and the findings' consequence comes from these ratings.
    const risk = assessmentRisk(demo);
    expect(risk.scenarios).toHaveLength(demo.threatScenarios.length);
    const requirement = demo.findings.find((f) => f.phase === 3)!;
    expect(requirement.description).toContain('(risk assessment)');
    expect(requirement.description).not.toContain('(criticality)');
  });

  it('has advisory matches from the bundled index, with a patch-now and an accept-and-document decision', () => {
    expect(demo.vulnerabilities.length).toBeGreaterThan(50);
    const assetIds = new Set(demo.assets.map((a) => a.id));
    expect(demo.vulnerabilities.every((v) => assetIds.has(v.assetId))).toBe(true);
    const name = (assetId: string) => demo.assets.find((a) => a.id === assetId)!.name;
    const patch = demo.vulnerabilities.filter((v) => v.decision === 'patch-now');
    expect(patch.map((v) => `${v.advisoryId} ${name(v.assetId)}`).sort()).toEqual([
      'ICSA-23-257-01 past1-plc',
      'ICSA-23-257-01 past2-plc',
      'ICSA-23-257-01 past3-plc',
    ]);
    const accepted = demo.vulnerabilities.filter((v) => v.decision === 'accept');
    expect(accepted.map((v) => `${v.advisoryId} ${name(v.assetId)}`)).toEqual([
      'ICSA-23-257-05 ews-siemens01',
    ]);
    expect(accepted[0]!.acceptance).toMatchObject({ owner: 'Automation lead', reviewDate: '2026-09-30' });
    // One finding per zone and product line; the patched advisory is recommended as a patch.
    const findings = demo.findings.filter((f) => f.autoKey?.startsWith('vulnerability:'));
    const matched = new Set(demo.vulnerabilities.filter((v) => !v.stale).map((v) => v.assetId));
    expect(findings.flatMap((f) => f.refs.assetIds).sort()).toEqual([...matched].sort());
    const s7 = findings.find((f) => f.title.startsWith('Siemens SIMATIC S7-1500 in Pasteurisation cell'))!;
    expect(s7.recommendation).toMatch(/^Patch now, ICSA-23-257-01 on past1-plc, past2-plc, past3-plc: /);
    const ews = findings.find((f) => f.refs.assetIds.includes(accepted[0]!.assetId))!;
    expect(ews.description).toMatch(/- ICSA-23-257-05 .*\(1 accept and document\)/);
    expect(ews.recommendation).not.toContain('ICSA-23-257-05');
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
