import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withCurrentFindings } from '../../../../shared/findings';
import type { AssessmentData, Flow } from '../../../../shared/model';
import {
  buildReportModel,
  executiveNarrative,
  finalReportWarnings,
  narrativeIsStale,
  renderReportPdf,
  reportNarrative,
  trafficSummary,
} from '../../../../shared/report';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import { PlantBuilder } from '../../../fixtures/builders';
import { hasCommand } from '../../helpers/tools';

const NOW = new Date('2026-03-05T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'conduit-narrative-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function flow(id: string, from: string, to: string, protocol: string): Flow {
  return {
    id,
    assessmentId: 'assessment-1',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    batchId: null,
    source: 'pcap',
    a: { ip: from, mac: null, port: 50_000, assetId: null },
    b: { ip: to, mac: null, port: 502, assetId: null },
    transport: 'tcp',
    ethertype: null,
    server: 'b',
    protocol,
    recognizedBy: null,
    packets: 12,
    bytes: 1200,
    firstSeen: null,
    lastSeen: null,
  };
}

/** One zone at SL-T 1, one asset in it, one item not met: a report of ones. */
function onesAssessment(): AssessmentData {
  const builder = new PlantBuilder()
    .zone('cell', 'Packaging cell', { sl: 1 })
    .asset('plc', { zoneId: 'z-cell' });
  builder.data.zones[0]!.ranges = ['10.0.0.0/24'];
  builder.answer('cell', 'not-met', 'SR 1.1');
  builder.data.flows.push(flow('f-1', '10.0.0.1', '10.0.0.9', 'Modbus/TCP'));
  return withCurrentFindings(builder.build(), NOW);
}

/** Two zones, a conduit, a flow on it and one that no conduit allows, into the cell. */
function twoZones(): AssessmentData {
  const builder = new PlantBuilder()
    .zone('dmz', 'Industrial DMZ', { kind: 'dmz', criticality: 'medium' })
    .zone('cell', 'Packaging cell', { criticality: 'critical' })
    .conduit('dmz-cell', 'dmz', 'cell');
  builder.data.zones[0]!.ranges = ['10.1.0.0/24'];
  builder.data.zones[1]!.ranges = ['10.2.0.0/24'];
  builder.data.conduits[0]!.services = [{ transport: 'tcp', ports: '4840', protocol: 'OPC UA' }];
  builder.answer('cell', 'not-met', 'SR 5.1').answer('dmz', 'met', 'SR 1.1');
  builder.data.flows.push(
    flow('f-1', '10.1.0.5', '10.2.0.7', 'S7comm-plus'),
    flow('f-2', '10.1.0.5', '10.2.0.8', 'OPC UA'),
  );
  builder.data.flows[1]!.b.port = 4840;
  return withCurrentFindings(builder.build(), NOW);
}

describe('the executive narrative', () => {
  it('tells scope, coverage, worst zones, top findings, traffic and the first steps from the data', () => {
    const data = twoZones();
    const model = buildReportModel(data);
    const text = executiveNarrative(model);
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toContain('It covers 2 zones joined by 1 conduit, with 0 assets in the inventory');
    expect(paragraphs[0]).toContain('2 observed network flows were analysed');
    expect(text).toMatch(
      /2 of \d+ required items \(\d+%\) have been assessed: 1 not met and 0 partially met/,
    );
    expect(text).toContain(
      '1 zone is below target on assessed items; the largest gaps are in Packaging cell',
    );
    expect(text).toMatch(/There (is|are) \d+ open findings? \(/);
    const top = model.openFindings.find((f) => f.severity === 'critical' || f.severity === 'high')!;
    expect(text).toContain(top.title);
    expect(text).toContain('In the observed traffic, 2 flows crossed a zone boundary');
    expect(text).toContain('What to do first: the roadmap puts');
  });

  it('uses the assessor’s edit in the report and says when the data changed since', () => {
    const data = twoZones();
    const generated = executiveNarrative(buildReportModel(data));
    data.assessment.narrative = { text: 'Our words for the board.', generated };
    expect(reportNarrative(buildReportModel(data))).toBe('Our words for the board.');
    expect(narrativeIsStale(buildReportModel(data))).toBe(false);
    data.answers.push({ ...data.answers[0]!, id: 'ans-new', itemId: 'SR 5.2', status: 'not-met' });
    expect(narrativeIsStale(buildReportModel(data))).toBe(true);
  });
});

describe('the traffic summary', () => {
  it('counts flows per zone pair with their protocols and the candidates with their triage', () => {
    const data = twoZones();
    const summary = trafficSummary(data)!;
    expect(summary.crossZoneFlows).toBe(2);
    expect(summary.pairs).toEqual([
      expect.objectContaining({
        fromZoneId: 'z-dmz',
        toZoneId: 'z-cell',
        flows: 2,
        undocumented: 1,
        protocols: ['OPC UA', 'S7comm-plus'],
      }),
    ]);
    expect(summary.counts.open).toBe(summary.candidates.length);
    expect(summary.candidates.length).toBeGreaterThan(0);
  });

  it('reads candidates a triage rule decided exactly as hand-triaged ones', () => {
    const data = twoZones();
    const open = trafficSummary(data)!.counts.open;
    const at = data.assessment.updatedAt;
    data.triageRules = [
      {
        id: 'rule-dmz-cell',
        assessmentId: data.assessment.id,
        createdAt: at,
        updatedAt: at,
        kind: null,
        subnet: null,
        zoneAId: 'z-dmz',
        zoneBId: 'z-cell',
        service: null,
        action: 'dismiss',
        reason: 'Historian replication, agreed with the plant',
      },
    ];
    const summary = trafficSummary(data)!;
    const ruled = summary.candidates.filter(
      (c) => c.triage?.reason === 'Historian replication, agreed with the plant',
    );
    expect(ruled.length).toBeGreaterThan(0);
    expect(ruled.every((c) => c.state === 'dismissed')).toBe(true);
    expect(summary.counts.open).toBe(open - ruled.length);
  });
});

describe('a final report', () => {
  it('warns about unassessed items and untriaged candidates, a draft does not', () => {
    const data = twoZones();
    expect(finalReportWarnings(data)).toEqual([]);
    data.assessment.documentControl = {
      version: '1.0',
      status: 'final',
      date: null,
      author: '',
      distribution: [],
    };
    const warnings = finalReportWarnings(data);
    expect(warnings[0]).toMatch(/^\d+ required items in 2 zones are not assessed yet\.$/);
    expect(warnings[1]).toMatch(/traffic candidates? (is|are) not triaged yet/);
  });
});

describe.runIf(hasCommand('pdftotext'))('plurals in the report', () => {
  it('reads "1 zone", "1 asset", "1 finding", never "1 zones"', async () => {
    const data = onesAssessment();
    expect(data.zones).toHaveLength(1);
    expect(data.assets).toHaveLength(1);
    const pdf = renderReportPdf(data, { fonts: await loadReportFonts(), generatedAt: NOW.toISOString() });
    const file = join(dir, 'ones.pdf');
    writeFileSync(file, pdf);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('It covers 1 zone joined by 0 conduits, with 1 asset in the inventory');
    expect(text).toContain('1 observed network flow was analysed');
    expect(text).toMatch(/There is 1 open finding \(/);
    const nouns = [
      'zone',
      'asset',
      'finding',
      'conduit',
      'item',
      'required item',
      'flow',
      'connection',
      'candidate',
      'path',
      'packet',
      'FR',
      'advisory',
      'zone pair',
    ];
    const wrong = nouns.flatMap((noun) => text.match(new RegExp(`(?<![\\d.,])\\b1 ${noun}s\\b`, 'g')) ?? []);
    expect(wrong).toEqual([]);
    const wrongMany = nouns.flatMap(
      (noun) =>
        text.match(
          new RegExp(`.{0,30}(?<![-\\d.])\\b(?:0|[2-9]|\\d{2,}) ${noun}\\b(?![-\\w]| pairs?\\b).{0,20}`, 'g'),
        ) ?? [],
    );
    expect(wrongMany).toEqual([]);
  }, 60_000);
});
