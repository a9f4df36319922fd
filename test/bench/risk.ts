/*
 * Benchmark: the live risk recomputation of the Risk workspace. 150 zones, 400 conduits, 2,000
 * threat scenarios and 300 countermeasures (each mitigating 8 scenarios). Every edit (one
 * scenario's likelihood, one countermeasure's effectiveness, one zone's consequence) recomputes
 * every scenario's inherent and residual risk and every zone's and conduit's SL-T derivation.
 * Target (issue 12): under 16 ms per edit. The alternative measured in the same run is the
 * straightforward implementation: per scenario a scan of the register, per zone a scan of the
 * scenarios.
 * Run: npm run bench -- risk   (or npx tsx test/bench/risk.ts)
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { FR_IDS } from '../../shared/model';
import {
  assessRisk,
  creditedInDerivation,
  isEffective,
  isTolerable,
  riskLevel,
  THREAT_SOURCES,
  DEFAULT_CAPABILITY,
  type RiskInput,
} from '../../shared/risk';
import { aConduit, aCountermeasure, aRiskMethod, aScenario, aZone, aZoneRisk } from '../fixtures/builders';
import { formatMs, median, report } from './harness';

const ZONES = 150;
const CONDUITS = 400;
const SCENARIOS = 2000;
const COUNTERMEASURES = 300;
const EDITS = 300;

const zones = Array.from({ length: ZONES }, (_, i) =>
  aZone(`Zone ${i}`, { kind: i % 15 === 0 ? 'safety' : 'cell' }),
);
const conduits = Array.from({ length: CONDUITS }, (_, i) =>
  aConduit(zones[i % ZONES]!, zones[(i * 7 + 1) % ZONES]!),
);
const zoneRisks = zones.map((z, i) =>
  aZoneRisk(z, { consequences: { production: 1 + (i % 5), safety: 1 + ((i * 3) % 5) } }),
);
const scenarios = Array.from({ length: SCENARIOS }, (_, i) => {
  const source = THREAT_SOURCES[i % THREAT_SOURCES.length]!;
  const target = i % 5 === 0 ? conduits[i % CONDUITS]! : zones[i % ZONES]!;
  return aScenario(target, {
    source,
    capability: DEFAULT_CAPABILITY[source],
    likelihood: 1 + (i % 5),
    frs: i % 3 === 0 ? [FR_IDS[i % 7]!] : [],
    title: `Scenario ${i}`,
  });
});
const countermeasures = Array.from({ length: COUNTERMEASURES }, (_, i) =>
  aCountermeasure({
    title: `Countermeasure ${i}`,
    scenarioIds: Array.from({ length: 8 }, (_, k) => scenarios[(i * 8 + k * 13) % SCENARIOS]!.id),
    likelihoodReduction: 1 + (i % 2),
    itemIds: i % 3 === 0 ? ['SR 5.1'] : [],
    status: i % 10 === 0 ? 'rejected' : 'open',
  }),
);
const base: RiskInput = { method: aRiskMethod(), zones, conduits, zoneRisks, scenarios, countermeasures };

/** The edit n: a likelihood, an effectiveness or a consequence changes, as the assessor types. */
function edit(input: RiskInput, n: number): RiskInput {
  if (n % 3 === 0) {
    const i = (n * 17) % SCENARIOS;
    const next = [...input.scenarios];
    next[i] = { ...next[i]!, likelihood: 1 + ((next[i]!.likelihood + 1) % 5) };
    return { ...input, scenarios: next };
  }
  if (n % 3 === 1) {
    const i = (n * 5) % COUNTERMEASURES;
    const next = [...input.countermeasures];
    next[i] = { ...next[i]!, likelihoodReduction: (next[i]!.likelihoodReduction + 1) % 3 };
    return { ...input, countermeasures: next };
  }
  const i = (n * 3) % ZONES;
  const next = [...input.zoneRisks];
  next[i] = { ...next[i]!, consequences: { production: 1 + (n % 5) } };
  return { ...input, zoneRisks: next };
}

/** The straightforward way: scan the register per scenario and the scenarios per zone and FR. */
function naive(input: RiskInput): number[][] {
  const m = input.method;
  const risks = new Map<string, number>();
  for (const s of input.scenarios) {
    const zr = input.zoneRisks.find((r) => s.target.kind === 'zone' && r.zoneId === s.target.zoneId);
    const c0 = s.consequence ?? Math.max(0, ...Object.values(zr?.consequences ?? {})) ?? 5;
    let l = s.likelihood;
    let c = c0 || 5;
    for (const cm of input.countermeasures) {
      if (!isEffective(cm) || !creditedInDerivation(cm) || !cm.scenarioIds.includes(s.id)) continue;
      l -= cm.likelihoodReduction;
      c -= cm.consequenceReduction;
    }
    risks.set(s.id, riskLevel(m, Math.max(1, l), Math.max(1, c)));
  }
  return input.zones.map((z) =>
    FR_IDS.map((fr) => {
      let level = 0;
      for (const s of input.scenarios) {
        if (s.target.kind !== 'zone' || s.target.zoneId !== z.id) continue;
        level = Math.max(level, 1);
        if (s.frs.length > 0 && !s.frs.includes(fr)) continue;
        if (!isTolerable(m, risks.get(s.id)!)) level = Math.max(level, s.capability);
      }
      return level;
    }),
  );
}

/** Wall time and CPU time per edit: on a shared machine the CPU time shows the work itself. */
function measure(label: string, run: (input: RiskInput) => unknown): { wall: number[]; cpu: number[] } {
  let input = base;
  for (let n = 0; n < 20; n++) run(edit(input, n)); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let n = 0; n < EDITS; n++) {
    input = edit(input, n);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run(input);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;
  report(
    label,
    `wall median ${formatMs(median(wall))}, p95 ${formatMs(p95(wall))}; CPU median ${formatMs(median(cpu))}, p95 ${formatMs(p95(cpu))}`,
  );
  return { wall, cpu };
}

console.log(
  `risk (${ZONES} zones, ${CONDUITS} conduits, ${SCENARIOS} scenarios, ${COUNTERMEASURES} countermeasures, ${EDITS} edits)`,
);
const result = assessRisk(base);
const check = naive(base);
const agree = result.zones.every((z, i) => z.derived.slt.every((level, f) => level === check[i]![f]));
if (!agree)
  throw new Error('the naive derivation disagrees with assessRisk: the comparison would be meaningless');
const fast = measure('assessRisk per edit', assessRisk);
const slow = measure('naive scan per edit', naive);
report('ratio naive / assessRisk (median CPU)', `${(median(slow.cpu) / median(fast.cpu)).toFixed(1)}×`);
report(
  'load average',
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' '),
);
report('target', `< 16 ms per edit (median CPU time): ${median(fast.cpu) < 16 ? 'met' : 'NOT met'}`);
