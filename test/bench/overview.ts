import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'fflate';
import { readKev } from '../../shared/advisories';
import { buildDemoPlant, DEMO_SOURCE_FILES, type DemoSourceName } from '../../shared/demo';
import { assessmentOverview, generateFindings } from '../../shared/findings';
import type { AssessmentData, Flow, TriageRule } from '../../shared/model';
import { applyTriageRules, reconcile, withTriage } from '../../shared/network';
import { OuiTable } from '../../shared/traffic/oui';
import { PlantBuilder } from '../fixtures/builders';

/**
 * The Overview dashboard's figures (assessmentOverview), on the demo plant and on a 150-zone,
 * 20,000-asset plant with 15,000 answers, 6,000 flows and 20 triage rules. The real alternative it
 * is measured against: generateFindings alone, which the Findings workspace runs on every visit.
 * Also the cost of applying the rules against plain triage matching.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => new Uint8Array(readFileSync(path.join(root, file)));
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const now = new Date('2026-06-01T00:00:00Z');

function time<T>(label: string, run: () => T, repeat = 3): { result: T; ms: number } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeat; i++) {
    collect();
    const start = performance.now();
    result = run();
    best = Math.min(best, performance.now() - start);
  }
  console.log(`${label.padEnd(52)} ${best.toFixed(1).padStart(8)} ms`);
  return { result, ms: best };
}

async function demoPlant(): Promise<AssessmentData> {
  const files = Object.fromEntries(
    Object.entries(DEMO_SOURCE_FILES).map(([name, file]) => [name, read(`assets/demo/${file}`)]),
  ) as Record<DemoSourceName, Uint8Array>;
  const kevText = new TextDecoder().decode(gunzipSync(read('assets/advisories/cisa-kev-2025-08-25.json.gz')));
  return buildDemoPlant({
    files,
    oui: OuiTable.fromGzip(read('assets/oui/oui.txt.gz')),
    advisories: {
      index: read('assets/advisories/index.json.gz'),
      kev: [...readKev(kevText, 'cisa-kev.json').entries.keys()],
    },
  });
}

function flow(n: number, a: string, b: string, port: number): Flow {
  const at = '2026-03-01T10:00:00.000Z';
  return {
    id: `flow-${n}`,
    assessmentId: 'assessment-1',
    createdAt: at,
    updatedAt: at,
    batchId: null,
    source: 'pcap',
    a: { ip: a, mac: null, port: 40000 + (n % 20000), assetId: null },
    b: { ip: b, mac: null, port, assetId: null },
    transport: 'tcp',
    ethertype: null,
    server: 'b',
    protocol: null,
    recognizedBy: null,
    packets: 10,
    bytes: 1000,
    firstSeen: at,
    lastSeen: at,
  };
}

function largePlant(): AssessmentData {
  const builder = new PlantBuilder();
  const statuses = ['met', 'not-met', 'partially-met', 'not-assessed'] as const;
  for (let z = 0; z < 150; z++) {
    builder.zone(`${z}`, `Zone ${z}`, { sl: 2 });
    for (let i = 0; i < 100; i++)
      builder.answer(`${z}`, statuses[(i + z) % 4]!, `SR ${1 + (i % 7)}.${1 + (i % 13)}`);
  }
  for (let a = 0; a < 20_000; a++) builder.asset(`${a}`, { zoneId: a % 7 === 0 ? null : `z-${a % 150}` });
  const data = builder.build();
  data.zones.forEach((zone, z) => (zone.ranges = [`10.${z}.0.0/16`]));
  data.flows = Array.from({ length: 6000 }, (_, n) =>
    n % 3 === 0
      ? flow(n, `10.${n % 150}.0.${n % 250}`, `52.${n % 200}.0.${n % 250}`, 443)
      : n % 3 === 1
        ? flow(n, `10.${n % 150}.1.1`, `10.${(n + 1) % 150}.1.2`, 502)
        : flow(n, `10.${n % 150}.2.1`, `192.168.${n % 250}.${n % 200}`, 102),
  );
  data.triageRules = Array.from({ length: 20 }, (_, r): TriageRule => ({
    id: `rule-${r}`,
    assessmentId: data.assessment.id,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    kind: null,
    subnet: r < 10 ? `52.${r * 10}.0.0/15` : null,
    zoneAId: r >= 10 ? `z-${r}` : null,
    zoneBId: null,
    service: null,
    action: 'dismiss',
    reason: 'Bench rule',
  }));
  return data;
}

function measure(label: string, data: AssessmentData) {
  console.log(
    `\n${label}: ${data.zones.length} zones, ${data.assets.length} assets, ${data.answers.length} answers, ${data.flows.length} flows`,
  );
  const overview = time('assessmentOverview', () => assessmentOverview(data, now));
  const findings = time('generateFindings alone (the Findings workspace)', () =>
    generateFindings(data, { now }),
  );
  console.log(`overview / generateFindings: ${(overview.ms / findings.ms).toFixed(2)}x`);
  const { candidates } = reconcile(data);
  const rules = data.triageRules ?? [];
  const plain = time('withTriage (hand triage only)', () => withTriage(candidates, data.triage), 5);
  const ruled = time(
    `withTriage after applyTriageRules (${rules.length} rules)`,
    () => withTriage(candidates, applyTriageRules(candidates, data.triage, rules)),
    5,
  );
  console.log(
    `rules / plain triage: ${(ruled.ms / Math.max(plain.ms, 0.01)).toFixed(1)}x over ${candidates.length} candidates`,
  );
  const o = overview.result;
  console.log(
    `figures: ${o.answered}/${o.required} answered, ${o.candidates.untriaged}/${o.candidates.total} untriaged, ` +
      `${o.assets.unzoned} unzoned, open findings ${JSON.stringify(o.openFindings)}, next: ${o.nextStep.title}`,
  );
}

measure('demo plant', await demoPlant());
measure('large plant', largePlant());
