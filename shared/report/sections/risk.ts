import { ATTACK_CREDIT } from '../../catalogue/attack';
import {
  assessmentRisk,
  CAPABILITY_SHORT,
  COUNTERMEASURE_STATUS_LABELS,
  conduitLabel,
  consequenceLabel,
  DERIVATION_METHOD,
  ENTRY_VECTOR_LABELS,
  IMPACT_CATEGORIES,
  IMPACT_CATEGORY_LABELS,
  likelihoodLabel,
  riskLabel,
  riskMethodOf,
  THREAT_SOURCE_LABELS,
  type Capability,
} from '../../risk';
import type { ReportWriter } from '../layout';
import type { ReportModel } from '../model';

const vector = (levels: readonly number[]) => `{${levels.join(',')}}`;

interface RiskSection {
  w: ReportWriter;
  model: ReportModel;
  method: ReturnType<typeof riskMethodOf>;
  result: ReturnType<typeof assessmentRisk>;
  zoneNames: ReadonlyMap<string, string>;
}

/**
 * The IEC 62443-3-2 risk assessment: the system under consideration, the method and its matrix,
 * consequence per zone, the scenarios with inherent and residual risk, the SL-T rationale per
 * zone and the countermeasures.
 */
export function writeRisk(w: ReportWriter, model: ReportModel): void {
  const { data } = model;
  const section: RiskSection = {
    w,
    model,
    method: riskMethodOf(data),
    result: assessmentRisk(data),
    zoneNames: new Map(data.zones.map((z) => [z.id, z.name])),
  };
  w.section('Risk assessment');
  if (data.threatScenarios.length === 0 && data.riskScopes.length === 0 && data.zoneRisks.length === 0) {
    w.empty('No risk assessment has been recorded: the SL-T of each zone was set by hand.');
  }

  writeScope(section);
  writeMethod(section);
  writeConsequences(section);
  writeScenarios(section);
  writeSltRationale(section);
  writeCountermeasures(section);
}

/** The scope table: every zone and conduit, in scope or excluded with its reason, and the excluded assets. */
function scopeRows(model: RiskSection['model'], zoneNames: ReadonlyMap<string, string>): string[][] {
  const { data } = model;
  const reasons = new Map((data.riskScopes[0]?.exclusions ?? []).map((e) => [`${e.kind}:${e.id}`, e.reason]));
  const scopeOf = (kind: string, id: string) => {
    const reason = reasons.get(`${kind}:${id}`);
    return reason === undefined ? 'In scope' : `Excluded: ${reason}`;
  };
  const excludedAssets = (data.riskScopes[0]?.exclusions ?? []).filter((e) => e.kind === 'asset');
  return [
    ...data.zones.map((z) => ['Zone', z.name, scopeOf('zone', z.id)]),
    ...data.conduits.map((c) => ['Conduit', conduitLabel(c, zoneNames), scopeOf('conduit', c.id)]),
    ...excludedAssets.map((e) => ['Asset', model.assetName(e.id), `Excluded: ${e.reason}`]),
  ];
}

function writeScope({ w, model, zoneNames }: RiskSection): void {
  const { data } = model;
  w.subheading('System under consideration', true);
  const scope = data.riskScopes[0];
  if (!scope) w.empty('The system under consideration has not been described.');
  else {
    if (scope.description) w.paragraph(scope.description);
    if (scope.boundary) w.paragraph(`Boundary: ${scope.boundary}`);
    w.paragraph(
      scope.exclusions.length === 0
        ? 'Every zone, conduit and asset of the model is in scope.'
        : 'Every zone, conduit and asset of the model is in scope except those marked excluded below; excluded ones are left out of the scenarios and the SL-T derivation.',
    );
    w.table({
      head: [['Element', 'Name', 'Scope']],
      body: scopeRows(model, zoneNames),
      styles: { fontSize: 8 },
      columnStyles: { 0: { cellWidth: 22 }, 1: { cellWidth: 60 } },
    });
    if (scope.documents.length > 0) {
      w.paragraph('Documents consulted:', { style: 'bold', size: 9.5 });
      w.bullets(
        scope.documents.map((d) => (d.reference ? `${d.title} (${d.reference})` : d.title)),
        9,
      );
    }
    if (scope.people.length > 0) {
      w.paragraph('People consulted:', { style: 'bold', size: 9.5 });
      w.bullets(
        scope.people.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name)),
        9,
      );
    }
    if (scope.assumptions.length > 0) {
      w.paragraph('Assumptions:', { style: 'bold', size: 9.5 });
      w.bullets(scope.assumptions, 9);
    }
  }
}

function writeMethod({ w, method }: RiskSection): void {
  w.subheading('Method and risk matrix', true);
  w.paragraph(
    `Risk is rated on a ${method.likelihoodLevels.length}×${method.consequenceLevels.length} matrix from likelihood and consequence. Risk up to ${riskLabel(method, method.tolerableLevel)} is tolerable; above it, it is not.`,
  );
  w.table({
    head: [['Likelihood \\ consequence', ...method.consequenceLevels.map((c, i) => `${i + 1} ${c.label}`)]],
    body: [...method.likelihoodLevels]
      .map((l, i) => [
        `${i + 1} ${l.label}`,
        ...method.matrix[i]!.map(
          (level) => `${riskLabel(method, level)}${level > method.tolerableLevel ? ' ▲' : ''}`,
        ),
      ])
      .reverse(),
    styles: { fontSize: 8, halign: 'center' },
    columnStyles: { 0: { halign: 'left', cellWidth: 34 } },
  });
  w.paragraph('▲ above the tolerable-risk line.', { size: 8 });
  w.paragraph('SL-T derivation:', { style: 'bold', size: 9.5 });
  w.bullets(DERIVATION_METHOD, 9);
}

function writeConsequences({ w, method, result }: RiskSection): void {
  w.subheading('Consequence per zone', true);
  w.table({
    head: [['Zone', ...IMPACT_CATEGORIES.map((c) => IMPACT_CATEGORY_LABELS[c]), 'Zone consequence']],
    body: result.zones.map((z) => [
      z.name,
      ...IMPACT_CATEGORIES.map((c) => {
        const level = z.consequence.byCategory[c];
        if (level === null) return '–';
        return `${consequenceLabel(method, level)}${z.consequence.defaulted.includes(c) ? ' (default)' : ''}`;
      }),
      z.consequence.level === null ? 'not rated' : consequenceLabel(method, z.consequence.level),
    ]),
    styles: { fontSize: 7.5 },
  });
}

function writeScenarios({ w, model, method, result, zoneNames }: RiskSection): void {
  const { data } = model;
  w.subheading('Threat scenarios', true);
  const scenarios = new Map(data.threatScenarios.map((s) => [s.id, s]));
  if (result.scenarios.length === 0) w.empty('No threat scenarios have been recorded.');
  else {
    const conduitNames = new Map(data.conduits.map((c) => [c.id, conduitLabel(c, zoneNames)]));
    w.table({
      head: [['Scenario', 'Target', 'Threat source', 'Entry vector', 'ATT&CK', 'Inherent', 'Residual']],
      body: result.scenarios.map((r) => {
        const s = scenarios.get(r.scenarioId)!;
        return [
          s.title,
          r.target.kind === 'zone'
            ? (zoneNames.get(r.target.zoneId) ?? '')
            : `Conduit ${conduitNames.get(r.target.conduitId) ?? ''}`,
          `${THREAT_SOURCE_LABELS[s.source]} (${CAPABILITY_SHORT[s.capability as Capability]})`,
          ENTRY_VECTOR_LABELS[s.entryVector.kind],
          s.techniques.join(', '),
          `${riskLabel(method, r.inherent)}\n${likelihoodLabel(method, r.likelihood)} × ${consequenceLabel(method, r.consequence)}`,
          `${riskLabel(method, r.residual)}${r.tolerable ? '' : ' ▲'}\n${likelihoodLabel(method, r.residualLikelihood)} × ${consequenceLabel(method, r.residualConsequence)}`,
        ];
      }),
      styles: { fontSize: 7 },
      columnStyles: { 0: { cellWidth: 40 }, 4: { cellWidth: 20 } },
    });
    if (data.threatScenarios.some((s) => s.techniques.length > 0)) w.paragraph(ATTACK_CREDIT, { size: 7.5 });
  }
}

function writeSltRationale({ w, result }: RiskSection): void {
  w.subheading('SL-T rationale per zone', true);
  for (const z of result.zones) {
    w.paragraph(
      `${z.name}: SL-T ${vector(z.slt)} (${z.sltSource === 'derived' ? 'derived' : 'set by hand'}; derived ${vector(z.derived.slt)})`,
      { style: 'bold', size: 9.5, after: 0.8 },
    );
    w.paragraph(z.rationale, { size: 9 });
  }
  if (result.conduits.length === 0) return;
  w.subheading('SL-T per conduit', true);
  for (const c of result.conduits) {
    w.paragraph(
      c.sltSource === 'manual'
        ? `${c.name}: SL-T ${vector(c.slt)} (set by hand; derived ${vector(c.derivedSlt)}; at least ${vector(c.floor)} from its zones)`
        : `${c.name}: SL-T ${vector(c.slt)} (derived ${vector(c.derived.slt)}; at least ${vector(c.floor)} from its zones)`,
      { style: 'bold', size: 9.5, after: 0.8 },
    );
    w.paragraph(c.rationale, { size: 9 });
  }
}

function writeCountermeasures({ w, model }: RiskSection): void {
  const { data } = model;
  const scenarioTitle = new Map(data.threatScenarios.map((s) => [s.id, s.title]));
  w.subheading('Countermeasures', true);
  if (data.countermeasures.length === 0) w.empty('No countermeasures have been recorded.');
  else {
    w.table({
      head: [['Countermeasure', 'Kind', 'Stands for', 'Mitigates', 'Effect', 'Owner, due', 'Status']],
      body: data.countermeasures.map((c) => [
        c.title,
        c.kind === 'existing' ? 'Existing' : 'Recommended',
        [...c.itemIds, ...c.controls].join(', ') || '–',
        c.scenarioIds.map((id) => scenarioTitle.get(id) ?? id).join('\n') || '–',
        `likelihood −${c.likelihoodReduction}, consequence −${c.consequenceReduction}`,
        [c.owner, c.dueDate].filter(Boolean).join(', ') || '–',
        COUNTERMEASURE_STATUS_LABELS[c.status],
      ]),
      styles: { fontSize: 7 },
      columnStyles: { 0: { cellWidth: 40 }, 3: { cellWidth: 36 } },
    });
  }
}
