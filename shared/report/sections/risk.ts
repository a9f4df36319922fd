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
import type { TextTable } from '../wording';
import { pdfTable } from '../tables';

const vector = (levels: readonly number[]) => `{${levels.join(',')}}`;

export interface RiskTables {
  model: ReportModel;
  method: ReturnType<typeof riskMethodOf>;
  result: ReturnType<typeof assessmentRisk>;
  zoneNames: ReadonlyMap<string, string>;
}

interface RiskSection extends RiskTables {
  w: ReportWriter;
}

export function riskTables(model: ReportModel): RiskTables {
  const { data } = model;
  return {
    model,
    method: riskMethodOf(data),
    result: assessmentRisk(data),
    zoneNames: new Map(data.zones.map((z) => [z.id, z.name])),
  };
}

export const RISK_EMPTY = 'No risk assessment has been recorded: the SL-T of each zone was set by hand.';
export const RISK_SCOPE_EMPTY = 'The system under consideration has not been described.';
export const SCENARIOS_EMPTY = 'No threat scenarios have been recorded.';
export const COUNTERMEASURES_EMPTY = 'No countermeasures have been recorded.';
export const MATRIX_NOTE = '▲ above the tolerable-risk line.';

export function hasRiskAssessment(model: ReportModel): boolean {
  const { data } = model;
  return data.threatScenarios.length > 0 || data.riskScopes.length > 0 || data.zoneRisks.length > 0;
}

/**
 * The IEC 62443-3-2 risk assessment: the system under consideration, the method and its matrix,
 * consequence per zone, the scenarios with inherent and residual risk, the SL-T rationale per
 * zone and the countermeasures.
 */
export function writeRisk(w: ReportWriter, model: ReportModel): void {
  const section: RiskSection = { w, ...riskTables(model) };
  w.section('Risk assessment');
  if (!hasRiskAssessment(model)) w.empty(RISK_EMPTY);

  writeScope(section);
  writeMethod(section);
  writeConsequences(section);
  writeScenarios(section);
  writeSltRationale(section);
  writeCountermeasures(section);
}

/** The scope table: every zone and conduit, in scope or excluded with its reason, and the excluded assets. */
export function scopeTable({ model, zoneNames }: RiskTables): TextTable {
  const { data } = model;
  const reasons = new Map((data.riskScopes[0]?.exclusions ?? []).map((e) => [`${e.kind}:${e.id}`, e.reason]));
  const scopeOf = (kind: string, id: string) => {
    const reason = reasons.get(`${kind}:${id}`);
    return reason === undefined ? 'In scope' : `Excluded: ${reason}`;
  };
  const excludedAssets = (data.riskScopes[0]?.exclusions ?? []).filter((e) => e.kind === 'asset');
  return {
    head: ['Element', 'Name', 'Scope'],
    rows: [
      ...data.zones.map((z) => ['Zone', z.name, scopeOf('zone', z.id)]),
      ...data.conduits.map((c) => ['Conduit', conduitLabel(c, zoneNames), scopeOf('conduit', c.id)]),
      ...excludedAssets.map((e) => ['Asset', model.assetName(e.id), `Excluded: ${e.reason}`]),
    ],
  };
}

/** The scope statement's paragraphs, then its lists (documents, people, assumptions) with their labels. */
export function scopeText(scope: RiskTables['model']['data']['riskScopes'][number]): {
  paragraphs: string[];
  lists: [string, string[]][];
} {
  const paragraphs = [
    scope.description,
    scope.boundary ? `Boundary: ${scope.boundary}` : '',
    scope.exclusions.length === 0
      ? 'Every zone, conduit and asset of the model is in scope.'
      : 'Every zone, conduit and asset of the model is in scope except those marked excluded below; excluded ones are left out of the scenarios and the SL-T derivation.',
  ].filter(Boolean);
  const lists: [string, string[]][] = [
    [
      'Documents consulted:',
      scope.documents.map((d) => (d.reference ? `${d.title} (${d.reference})` : d.title)),
    ],
    ['People consulted:', scope.people.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name))],
    ['Assumptions:', scope.assumptions],
  ];
  return { paragraphs, lists: lists.filter(([, items]) => items.length > 0) };
}

function writeScope(section: RiskSection): void {
  const { w, model } = section;
  w.subheading('System under consideration', true);
  const scope = model.data.riskScopes[0];
  if (!scope) {
    w.empty(RISK_SCOPE_EMPTY);
    return;
  }
  const { paragraphs, lists } = scopeText(scope);
  for (const text of paragraphs) w.paragraph(text);
  const table = scopeTable(section);
  w.table({
    ...pdfTable(table),
    styles: { fontSize: 8 },
    columnStyles: { 0: { cellWidth: 22 }, 1: { cellWidth: 60 } },
  });
  for (const [label, items] of lists) {
    w.paragraph(label, { style: 'bold', size: 9.5 });
    w.bullets(items, 9);
  }
}

export function riskMethodText(method: RiskTables['method']): string {
  return `Risk is rated on a ${method.likelihoodLevels.length}×${method.consequenceLevels.length} matrix from likelihood and consequence. Risk up to ${riskLabel(method, method.tolerableLevel)} is tolerable; above it, it is not.`;
}

/** The risk matrix with the assessment's own scale labels, highest likelihood first. */
export function riskMatrixTable(method: RiskTables['method']): TextTable {
  return {
    head: ['Likelihood \\ consequence', ...method.consequenceLevels.map((c, i) => `${i + 1} ${c.label}`)],
    rows: [...method.likelihoodLevels]
      .map((l, i) => [
        `${i + 1} ${l.label}`,
        ...method.matrix[i]!.map(
          (level) => `${riskLabel(method, level)}${level > method.tolerableLevel ? ' ▲' : ''}`,
        ),
      ])
      .reverse(),
  };
}

function writeMethod({ w, method }: RiskSection): void {
  w.subheading('Method and risk matrix', true);
  w.paragraph(riskMethodText(method));
  const matrix = riskMatrixTable(method);
  w.table({
    ...pdfTable(matrix),
    styles: { fontSize: 8, halign: 'center' },
    columnStyles: { 0: { halign: 'left', cellWidth: 34 } },
  });
  w.paragraph(MATRIX_NOTE, { size: 8 });
  w.paragraph('SL-T derivation:', { style: 'bold', size: 9.5 });
  w.bullets(DERIVATION_METHOD, 9);
}

export function consequenceTable({ method, result }: RiskTables): TextTable {
  return {
    head: ['Zone', ...IMPACT_CATEGORIES.map((c) => IMPACT_CATEGORY_LABELS[c]), 'Zone consequence'],
    rows: result.zones.map((z) => [
      z.name,
      ...IMPACT_CATEGORIES.map((c) => {
        const level = z.consequence.byCategory[c];
        if (level === null) return '–';
        return `${consequenceLabel(method, level)}${z.consequence.defaulted.includes(c) ? ' (default)' : ''}`;
      }),
      z.consequence.level === null ? 'not rated' : consequenceLabel(method, z.consequence.level),
    ]),
  };
}

function writeConsequences(section: RiskSection): void {
  const { w } = section;
  w.subheading('Consequence per zone', true);
  const table = consequenceTable(section);
  w.table({ ...pdfTable(table), styles: { fontSize: 7.5 } });
}

/** The scenarios with inherent and residual risk; a cell's second line gives likelihood × consequence. */
export function scenarioTable({ model, method, result, zoneNames }: RiskTables): TextTable {
  const { data } = model;
  const scenarios = new Map(data.threatScenarios.map((s) => [s.id, s]));
  const conduitNames = new Map(data.conduits.map((c) => [c.id, conduitLabel(c, zoneNames)]));
  return {
    head: ['Scenario', 'Target', 'Threat source', 'Entry vector', 'ATT&CK', 'Inherent', 'Residual'],
    rows: result.scenarios.map((r) => {
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
  };
}

/** The ATT&CK credit line, when a scenario names techniques. */
export function attackCredit(model: ReportModel): string | null {
  return model.data.threatScenarios.some((s) => s.techniques.length > 0) ? ATTACK_CREDIT : null;
}

function writeScenarios(section: RiskSection): void {
  const { w, model, result } = section;
  w.subheading('Threat scenarios', true);
  if (result.scenarios.length === 0) {
    w.empty(SCENARIOS_EMPTY);
    return;
  }
  const table = scenarioTable(section);
  w.table({
    ...pdfTable(table),
    styles: { fontSize: 7 },
    columnStyles: { 0: { cellWidth: 40 }, 4: { cellWidth: 20 } },
  });
  const credit = attackCredit(model);
  if (credit) w.paragraph(credit, { size: 7.5 });
}

/** Per zone, then per conduit: a bold line with the SL-T and where it came from, and the rationale. */
export function sltRationale({ result }: RiskTables): {
  zones: { title: string; text: string }[];
  conduits: { title: string; text: string }[];
} {
  return {
    zones: result.zones.map((z) => ({
      title: `${z.name}: SL-T ${vector(z.slt)} (${z.sltSource === 'derived' ? 'derived' : 'set by hand'}; derived ${vector(z.derived.slt)})`,
      text: z.rationale,
    })),
    conduits: result.conduits.map((c) => ({
      title:
        c.sltSource === 'manual'
          ? `${c.name}: SL-T ${vector(c.slt)} (set by hand; derived ${vector(c.derivedSlt)}; at least ${vector(c.floor)} from its zones)`
          : `${c.name}: SL-T ${vector(c.slt)} (derived ${vector(c.derived.slt)}; at least ${vector(c.floor)} from its zones)`,
      text: c.rationale,
    })),
  };
}

function writeSltRationale(section: RiskSection): void {
  const { w } = section;
  const { zones, conduits } = sltRationale(section);
  w.subheading('SL-T rationale per zone', true);
  for (const z of zones) {
    w.paragraph(z.title, { style: 'bold', size: 9.5, after: 0.8 });
    w.paragraph(z.text, { size: 9 });
  }
  if (conduits.length === 0) return;
  w.subheading('SL-T per conduit', true);
  for (const c of conduits) {
    w.paragraph(c.title, { style: 'bold', size: 9.5, after: 0.8 });
    w.paragraph(c.text, { size: 9 });
  }
}

export function countermeasureTable(model: ReportModel): TextTable {
  const { data } = model;
  const scenarioTitle = new Map(data.threatScenarios.map((s) => [s.id, s.title]));
  return {
    head: ['Countermeasure', 'Kind', 'Stands for', 'Mitigates', 'Effect', 'Owner, due', 'Status'],
    rows: data.countermeasures.map((c) => [
      c.title,
      c.kind === 'existing' ? 'Existing' : 'Recommended',
      [...c.itemIds, ...c.controls].join(', ') || '–',
      c.scenarioIds.map((id) => scenarioTitle.get(id) ?? id).join('\n') || '–',
      `likelihood −${c.likelihoodReduction}, consequence −${c.consequenceReduction}`,
      [c.owner, c.dueDate].filter(Boolean).join(', ') || '–',
      COUNTERMEASURE_STATUS_LABELS[c.status],
    ]),
  };
}

function writeCountermeasures({ w, model }: RiskSection): void {
  w.subheading('Countermeasures', true);
  if (model.data.countermeasures.length === 0) {
    w.empty(COUNTERMEASURES_EMPTY);
    return;
  }
  const table = countermeasureTable(model);
  w.table({
    ...pdfTable(table),
    styles: { fontSize: 7 },
    columnStyles: { 0: { cellWidth: 40 }, 3: { cellWidth: 36 } },
  });
}
