import { performance } from 'node:perf_hooks';
import { IEC62443_3_3 } from '../../shared/catalogue';
import { generateFindings, reconcileFindings, buildRoadmap } from '../../shared/findings';
import { ANSWER_STATUSES, CONNECTION_TYPES } from '../../shared/model';
import { PlantBuilder } from '../fixtures/builders';

/**
 * Findings on a large plant: 150 zones at SL-T 4 with all 100 items answered (15,000 answers, a
 * mix of every status), 20,000 assets, 300 undocumented connections, a conduit chain between the
 * zones. Prints how long generation, reconciliation and the roadmap take, and the finding count
 * before consolidation (one finding per zone and cause) and after (one per cause across zones).
 */
const ZONES = 150;
const ASSETS = 20_000;
const CONNECTIONS = 300;

const builder = new PlantBuilder();
const statuses = ANSWER_STATUSES.filter((s) => s !== 'not-applicable' && s !== 'compensating');
for (let z = 0; z < ZONES; z++) {
  builder.zone(`${z}`, `Zone ${z}`, {
    sl: 4,
    kind: z % 25 === 0 ? 'safety' : 'cell',
    criticality: z % 10 === 0 ? 'critical' : 'high',
  });
  IEC62443_3_3.items.forEach((item, i) => {
    builder.answer(`${z}`, statuses[(i + z) % statuses.length]!, item.id);
  });
  if (z > 0) builder.conduit(`k${z}`, `${z - 1}`, `${z}`);
}
for (let a = 0; a < ASSETS; a++) {
  builder.asset(`${a}`, {
    zoneId: a % 7 === 0 ? null : `z-${a % ZONES}`,
    firmware: a % 11 === 0 ? null : 'V1.0',
    endOfSupport: a % 13 === 0 ? '2024-01-01T00:00:00.000Z' : null,
    criticality: a % 17 === 0 ? 'critical' : null,
  });
}
for (let c = 0; c < CONNECTIONS; c++) {
  builder.connection(`${c}`, {
    type: CONNECTION_TYPES[c % CONNECTION_TYPES.length]!,
    likelihood: 1 + (c % 5),
    impact: 1 + ((c * 3) % 5),
  });
}
const data = builder.data;
const now = new Date('2026-06-01T00:00:00Z');

/** Collects garbage first when the runtime allows it (node --expose-gc), so a timing is not another step's GC. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function time<T>(label: string, run: () => T): T {
  collect();
  const start = performance.now();
  const result = run();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
}

console.log(`${ZONES} zones, ${data.answers.length} answers, ${ASSETS} assets, ${CONNECTIONS} connections`);
time('generateFindings (cold)', () => generateFindings(data, { now }));
const generated = time('generateFindings', () => generateFindings(data, { now }));
const first = time('reconcileFindings (first run: all new)', () =>
  reconcileFindings([], generated, { assessmentId: data.assessment.id }),
);
time('reconcileFindings (again: nothing changes)', () =>
  reconcileFindings(first.findings, generated, { assessmentId: data.assessment.id }),
);
time('buildRoadmap', () => buildRoadmap(first.findings));
time('buildRoadmap (capacity 40 points a quarter)', () =>
  buildRoadmap(first.findings, { quarterCapacity: 40 }),
);

// Before consolidation: what one finding per zone and cause would give (each zone's own groups).
const requirementFindings = generated.filter((f) => f.autoKey.startsWith('requirements:'));
const perZone = requirementFindings.reduce(
  (n, f) => n + new Set((f.refs.items ?? []).map((p) => p.zoneId)).size,
  0,
);
const pairs = requirementFindings.reduce((n, f) => n + (f.refs.items ?? []).length, 0);
console.log(`failed (zone, item) pairs: ${pairs}, each in exactly one finding`);
console.log(`requirement findings before consolidation (per zone and cause): ${perZone}`);
console.log(
  `requirement findings after consolidation (per cause across zones): ${requirementFindings.length}`,
);
console.log(`all findings: ${first.findings.length}`);
