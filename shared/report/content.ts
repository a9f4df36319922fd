import { FOUNDATIONAL_REQUIREMENTS, targetVector, vectorToArray } from '../catalogue';
import { ROADMAP_SLOT_LABELS } from '../findings';
import { plural } from '../findings/types';
import {
  CONDUIT_CONTROL_LABELS,
  CONNECTION_TYPE_LABELS,
  PROGRAM_PHASE_LABELS,
  PROGRAM_PHASES,
  ROADMAP_SLOTS,
  type AssessmentData,
  type EvidenceWithBytes,
} from '../model';
import { FR_IDS } from '../model/common';
import {
  applyTriageRules,
  CANDIDATE_KIND_LABELS,
  reconcile,
  withTriage,
  type ReconcileResult,
} from '../network';
import { formatSlt } from '../model/slt';
import { bySeverityThenOrder, type ReportModel } from './model';
import type { ReportSigner } from './options';
import { planOfAction, type PlanRow } from './plan-of-action';
import { coverageTable, failedItemsTable, itemsToReport, justifiedItemsTable, zonesTable } from './tables';
import { achievedLabels, consequenceSourceText } from './sections/coverage';
import { connectionEvidence, itemEvidence } from './sections/evidence';
import {
  attackCredit,
  consequenceTable,
  COUNTERMEASURES_EMPTY,
  countermeasureTable,
  hasRiskAssessment,
  MATRIX_NOTE,
  RISK_EMPTY,
  RISK_SCOPE_EMPTY,
  riskMatrixTable,
  riskMethodText,
  riskTables,
  scenarioTable,
  SCENARIOS_EMPTY,
  scopeTable,
  scopeText,
  sltRationale,
} from './sections/risk';
import { VULNERABILITIES_EMPTY, vulnerabilityTables } from './sections/vulnerabilities';
import {
  ALL_ITEMS_JUSTIFIED,
  catalogueNote,
  CONNECTIONS_INTRO,
  coverageText,
  EMPTY,
  METHOD_TEXT,
  NOT_ASSESSED_INTRO,
  notAssessedNote,
  SECURITY_LEVEL_MEANINGS,
  severityRuleText,
  SL_A_CAP_NOTE,
  SL_VECTOR_NOTE,
  SL_VECTOR_TEXT,
  verifySteps,
  type TextTable,
} from './wording';
import { DERIVATION_METHOD } from '../risk';
import { assessmentPeriod } from './sections/front';
import { postureFigures } from './sections/summary';
import { reportNarrative } from './narrative';
import { countBy, topRows } from './sections/inventory';

/**
 * The report as format-neutral blocks: what the editable outputs (DOCX) write, derived from the
 * same ReportModel as the PDF and with the same figures (coverage, SL-A display, plan of action).
 */
export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; severityColumn?: number }
  | { kind: 'empty'; text: string }
  | { kind: 'diagram' }
  | { kind: 'code'; lines: string[] }
  /** Evidence photos beside the item they support, each captioned (with the item id where there is one). */
  | { kind: 'images'; images: EvidenceWithBytes[] };

export interface ContentSection {
  title: string;
  blocks: Block[];
  /** Front matter (document control) is printed before the numbered sections, without a number. */
  unnumbered?: boolean;
}

export interface ReportContent {
  title: string;
  client: string;
  site: string;
  marking: string;
  cover: [string, string][];
  sections: ContentSection[];
}

export interface ContentOptions {
  signer: ReportSigner | null;
  generatedAt: string;
  marking: string;
  /** True outside a signed bundle: the output names the key but never claims a signature. */
  standalone: boolean;
}

const vec = (v: Parameters<typeof vectorToArray>[0]) => vectorToArray(v).join(' ');

function summary(model: ReportModel, plan: PlanRow[]): ContentSection {
  const top = [...model.openFindings].sort(bySeverityThenOrder).slice(0, 5);
  const labels = new Map(plan.map((r) => [r.finding.id, r]));
  return {
    title: 'Executive summary',
    blocks: [
      ...reportNarrative(model)
        .split(/\n\s*\n/)
        .map((text) => text.trim())
        .filter(Boolean)
        .map((text): Block => ({ kind: 'paragraph', text })),
      { kind: 'heading', level: 2, text: 'Posture in numbers' },
      { kind: 'table', head: ['Figure', 'Meaning'], rows: postureFigures(model) },
      { kind: 'heading', level: 2, text: 'Target and achieved security level per zone' },
      model.zones.length === 0
        ? { kind: 'empty', text: EMPTY.zonesSl }
        : {
            kind: 'table',
            head: ['Zone', ...FR_IDS.map((fr) => `${fr} SL-T / SL-A`), 'Total gap'],
            rows: [...model.zones]
              .sort((x, y) => y.totalGap - x.totalGap)
              .map((z) => [
                z.zone.name,
                ...achievedLabels(z)
                  .split(' ')
                  .map((label, i) => `${z.evaluation.perFr[i]!.target} / ${label}`),
                String(z.totalGap),
              ]),
          },
      { kind: 'paragraph', note: true, text: SL_A_CAP_NOTE },
      { kind: 'heading', level: 2, text: 'Top findings' },
      top.length === 0
        ? { kind: 'empty', text: EMPTY.openFindings }
        : {
            kind: 'table',
            head: ['#', 'Severity', 'Finding', 'Program phase', 'Quarter'],
            severityColumn: 1,
            rows: top.map((f) => [
              model.findingLabel(f),
              f.severity.toUpperCase(),
              f.title,
              `${f.phase}. ${PROGRAM_PHASE_LABELS[f.phase]}`,
              labels.get(f.id)?.quarter ?? '',
            ]),
          },
    ],
  };
}

function coverage(model: ReportModel): ContentSection {
  const blocks: Block[] = [];
  const summary = coverageText(model);
  if (summary === null) {
    blocks.push({ kind: 'empty', text: EMPTY.targets });
  } else {
    blocks.push(
      { kind: 'paragraph', text: summary },
      { kind: 'table', ...coverageTable(model) },
      { kind: 'paragraph', note: true, text: SL_A_CAP_NOTE },
    );
  }
  const conflicts = model.zones.flatMap((z) =>
    z.evaluation.conflicts.map(
      (c) =>
        `${z.zone.name}: ${c.itemId} is marked not applicable while its base requirement ${c.sr} is ${c.srOutcome.replace('-', ' ')}.`,
    ),
  );
  if (conflicts.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Answers to review' },
      { kind: 'bullets', items: conflicts },
    );
  }
  blocks.push(
    { kind: 'heading', level: 2, text: 'How severity is rated' },
    { kind: 'paragraph', text: severityRuleText(model) },
    { kind: 'paragraph', text: consequenceSourceText(model.data) },
  );
  return { title: 'Assessment coverage and limitations', blocks };
}

function scopeAndMethod(model: ReportModel): ContentSection {
  const a = model.data.assessment;
  return {
    title: 'Scope and method',
    blocks: [
      { kind: 'heading', level: 2, text: 'Scope' },
      { kind: 'paragraph', text: a.scope.trim() || EMPTY.scope },
      {
        kind: 'paragraph',
        note: true,
        text: `Assessment period: ${assessmentPeriod(model)}. Assessors: ${a.assessors.join(', ') || 'not recorded'}.`,
      },
      { kind: 'heading', level: 2, text: 'Method' },
      ...METHOD_TEXT.map((text): Block => ({ kind: 'paragraph', text })),
      { kind: 'heading', level: 2, text: 'What the security levels mean' },
      { kind: 'bullets', items: [...SECURITY_LEVEL_MEANINGS] },
      { kind: 'paragraph', text: SL_VECTOR_TEXT },
      {
        kind: 'table',
        head: ['FR', 'Short', 'Foundational requirement'],
        rows: FOUNDATIONAL_REQUIREMENTS.map((fr) => [fr.id, fr.short, fr.name]),
      },
      { kind: 'paragraph', note: true, text: catalogueNote(model) },
    ],
  };
}

function zonesAndConduits(model: ReportModel): ContentSection {
  const { conduits } = model.data;
  return {
    title: 'Zones and conduits',
    blocks: [
      { kind: 'diagram' },
      { kind: 'heading', level: 2, text: 'Zones' },
      { kind: 'paragraph', note: true, text: SL_VECTOR_NOTE },
      model.zones.length === 0
        ? { kind: 'empty', text: EMPTY.zones }
        : { kind: 'table', ...zonesTable(model) },
      { kind: 'heading', level: 2, text: 'Conduits' },
      conduits.length === 0
        ? { kind: 'empty', text: EMPTY.conduits }
        : {
            kind: 'table',
            head: ['Conduit', 'Direction', 'Allowed services', 'Controls', 'SL-T', 'Notes'],
            rows: conduits.map((c) => [
              `${c.name ? `${c.name}: ` : ''}${model.zoneName(c.fromZoneId)} ${c.direction === 'one-way' ? '→' : '↔'} ${model.zoneName(c.toZoneId)}`,
              c.direction === 'one-way' ? 'One way' : 'Both ways',
              c.services.length === 0
                ? 'none listed'
                : c.services
                    .map((s) => `${s.protocol || 'any'} (${s.transport}${s.ports ? `/${s.ports}` : ''})`)
                    .join(', '),
              c.controls.length ? c.controls.map((k) => CONDUIT_CONTROL_LABELS[k]).join(', ') : 'none',
              vec(targetVector(c.slt)),
              c.notes,
            ]),
          },
    ],
  };
}

function pushImages(blocks: Block[], images: EvidenceWithBytes[]): void {
  if (images.length > 0) blocks.push({ kind: 'images', images });
}

function requirements(model: ReportModel): ContentSection {
  const blocks: Block[] = [];
  const evidenceById = new Map(model.data.evidence.map((e) => [e.id, e]));
  if (model.zones.length === 0) blocks.push({ kind: 'empty', text: EMPTY.requirements });
  for (const z of model.zones) {
    const { evaluation } = z;
    const c = evaluation.coverage;
    blocks.push(
      { kind: 'heading', level: 2, text: z.zone.name },
      {
        kind: 'paragraph',
        note: true,
        text: `${formatSlt(z.zone.slt)}; SL-A ${achievedLabels(z)}${evaluation.provisional ? ' (provisional)' : ''}; ${c.answered} of ${c.required} required items assessed.`,
      },
    );
    if (c.required === 0) {
      blocks.push({ kind: 'empty', text: EMPTY.zoneWithoutSlt });
      continue;
    }
    const { failed, justified } = itemsToReport(z);
    if (failed.length === 0 && c.notAssessed === 0) {
      blocks.push({ kind: 'paragraph', text: ALL_ITEMS_JUSTIFIED });
    }
    if (failed.length > 0) {
      blocks.push({ kind: 'table', ...failedItemsTable(failed) });
      pushImages(blocks, itemEvidence(failed, evidenceById));
    }
    if (justified.length > 0) {
      blocks.push({ kind: 'table', ...justifiedItemsTable(justified) });
      pushImages(blocks, itemEvidence(justified, evidenceById));
    }
    if (c.notAssessed > 0) {
      blocks.push({ kind: 'paragraph', note: true, text: notAssessedNote(c.notAssessed) });
    }
  }
  return { title: 'Requirement results per zone', blocks };
}

const table = (t: TextTable, severityColumn?: number): Block => ({ kind: 'table', ...t, severityColumn });

function risk(model: ReportModel): ContentSection {
  const tables = riskTables(model);
  const { data } = model;
  const blocks: Block[] = [];
  if (!hasRiskAssessment(model)) blocks.push({ kind: 'empty', text: RISK_EMPTY });
  blocks.push({ kind: 'heading', level: 2, text: 'System under consideration' });
  const scope = data.riskScopes[0];
  if (!scope) blocks.push({ kind: 'empty', text: RISK_SCOPE_EMPTY });
  else {
    const { paragraphs, lists } = scopeText(scope);
    blocks.push(...paragraphs.map((text): Block => ({ kind: 'paragraph', text })), table(scopeTable(tables)));
    for (const [label, items] of lists)
      blocks.push({ kind: 'paragraph', text: label }, { kind: 'bullets', items });
  }
  blocks.push(
    { kind: 'heading', level: 2, text: 'Method and risk matrix' },
    { kind: 'paragraph', text: riskMethodText(tables.method) },
    table(riskMatrixTable(tables.method)),
    { kind: 'paragraph', note: true, text: MATRIX_NOTE },
    { kind: 'paragraph', text: 'SL-T derivation:' },
    { kind: 'bullets', items: [...DERIVATION_METHOD] },
    { kind: 'heading', level: 2, text: 'Consequence per zone' },
    table(consequenceTable(tables)),
    { kind: 'heading', level: 2, text: 'Threat scenarios' },
  );
  if (tables.result.scenarios.length === 0) blocks.push({ kind: 'empty', text: SCENARIOS_EMPTY });
  else {
    blocks.push(table(scenarioTable(tables)));
    const credit = attackCredit(model);
    if (credit) blocks.push({ kind: 'paragraph', note: true, text: credit });
  }
  const rationale = sltRationale(tables);
  blocks.push({ kind: 'heading', level: 2, text: 'SL-T rationale per zone' });
  for (const z of rationale.zones)
    blocks.push({ kind: 'heading', level: 3, text: z.title }, { kind: 'paragraph', text: z.text });
  if (rationale.conduits.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'SL-T per conduit' });
    for (const c of rationale.conduits)
      blocks.push({ kind: 'heading', level: 3, text: c.title }, { kind: 'paragraph', text: c.text });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Countermeasures' });
  blocks.push(
    data.countermeasures.length === 0
      ? { kind: 'empty', text: COUNTERMEASURES_EMPTY }
      : table(countermeasureTable(model)),
  );
  return { title: 'Risk assessment', blocks };
}

function connections(model: ReportModel): ContentSection {
  const list = [...model.data.connections].sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact);
  return {
    title: 'Undocumented connections',
    blocks: [
      ...(list.length === 0 ? [] : [{ kind: 'paragraph', text: CONNECTIONS_INTRO } as const]),
      list.length === 0
        ? { kind: 'empty', text: EMPTY.connections }
        : {
            kind: 'table',
            head: ['Connection', 'Type', 'Risk', 'Status', 'Description and recommendation'],
            rows: list.map((c) => [
              `${model.endpointLabel(c.from)} → ${model.endpointLabel(c.to)}`,
              CONNECTION_TYPE_LABELS[c.type],
              `${c.likelihood * c.impact} (${c.likelihood}×${c.impact})`,
              c.status,
              [c.description, c.recommendation ? `Recommendation: ${c.recommendation}` : '']
                .filter(Boolean)
                .join(' '),
            ]),
          },
      ...connectionPhotos(model, list),
    ],
  };
}

function connectionPhotos(model: ReportModel, list: ReportModel['data']['connections']): Block[] {
  const images = connectionEvidence(list, new Map(model.data.evidence.map((e) => [e.id, e])));
  return images.length === 0
    ? []
    : [
        { kind: 'heading', level: 2, text: 'Evidence' },
        { kind: 'images', images },
      ];
}

function inventory(model: ReportModel): ContentSection {
  const { assets } = model.data;
  if (assets.length === 0)
    return {
      title: 'Asset inventory summary',
      blocks: [{ kind: 'empty', text: EMPTY.assets }],
    };
  const unknownFirmware = assets.filter((a) => !a.firmware?.trim()).length;
  const by: [string, string, (a: (typeof assets)[number]) => string][] = [
    ['By zone', 'Zone', (a) => (a.zoneId ? model.zoneName(a.zoneId) : 'Not placed in a zone')],
    ['By vendor', 'Vendor', (a) => a.vendor?.trim() || 'Unknown vendor'],
    ['By type', 'Type', (a) => a.type?.trim() || 'Unknown type'],
  ];
  return {
    title: 'Asset inventory summary',
    blocks: [
      {
        kind: 'paragraph',
        text: `${plural(assets.length, 'asset')}, from ${plural(model.data.importBatches.length, 'import')} and manual entries; ${unknownFirmware} with no known firmware version. The full inventory is in data/assets.csv of the bundle.`,
      },
      ...by.flatMap(([title, label, key]): Block[] => [
        { kind: 'heading', level: 2, text: title },
        {
          kind: 'table',
          head: [label, 'Assets', 'Share'],
          rows: topRows(countBy(assets, key), assets.length),
        },
      ]),
    ],
  };
}

function vulnerabilities(model: ReportModel): ContentSection {
  // The editable outputs list every match: the client filters and sorts them in Word.
  const tables = vulnerabilityTables(model, null);
  if (!tables) return { title: 'Vulnerabilities', blocks: [{ kind: 'empty', text: VULNERABILITIES_EMPTY }] };
  return {
    title: 'Vulnerabilities',
    blocks: [
      { kind: 'paragraph', text: tables.summary },
      { kind: 'heading', level: 2, text: 'By severity and zone' },
      table(tables.bySeverityAndZone),
      ...(tables.kev
        ? [
            { kind: 'heading', level: 2, text: 'Known exploited vulnerabilities (CISA KEV)' } as const,
            table(tables.kev),
          ]
        : []),
      { kind: 'heading', level: 2, text: 'Matches and decisions' },
      table(tables.matches),
      { kind: 'paragraph', note: true, text: tables.note },
    ],
  };
}

const TRIAGE_LABELS = { confirmed: 'Confirmed', documented: 'Documented', dismissed: 'Dismissed' } as const;

function observedTraffic(model: ReportModel): ContentSection {
  const { data } = model;
  const flows = data.flows ?? [];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${plural(flows.length, 'observed flow')} from captures and sensor exports were compared with the documented conduits.`,
    },
  ];
  if (flows.length === 0) {
    blocks.push({
      kind: 'empty',
      text: EMPTY.traffic,
    });
    return { title: 'Observed traffic', blocks };
  }
  const result = reconcile({ zones: data.zones, conduits: data.conduits, assets: data.assets, flows });
  blocks.push(
    { kind: 'heading', level: 2, text: 'Zone to zone' },
    zoneToZoneTable(model, result),
    { kind: 'heading', level: 2, text: 'Candidates and their triage' },
    candidatesTable(data, result),
    { kind: 'heading', level: 2, text: 'Findings from the traffic' },
    trafficFindingsTable(model),
  );
  return { title: 'Observed traffic', blocks };
}

interface ZoneCrossings {
  from: string | null;
  to: string | null;
  flows: number;
  undocumented: number;
}

/** Flows that cross from one known zone to another, per ordered pair, with how many no conduit allows. */
function zoneCrossings(result: ReconcileResult): ZoneCrossings[] {
  const pairs = new Map<string, ZoneCrossings>();
  for (const f of result.flows) {
    if (f.status === 'internal' || f.fromZoneId === null || f.toZoneId === null) continue;
    const key = `${f.fromZoneId}\u0000${f.toZoneId}`;
    const pair = pairs.get(key) ?? { from: f.fromZoneId, to: f.toZoneId, flows: 0, undocumented: 0 };
    pair.flows += 1;
    if (f.status === 'undocumented') pair.undocumented += 1;
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

function zoneToZoneTable(model: ReportModel, result: ReconcileResult): Block {
  const pairs = zoneCrossings(result);
  return pairs.length === 0
    ? { kind: 'empty', text: EMPTY.crossings }
    : {
        kind: 'table',
        head: ['From zone', 'To zone', 'Flows', 'Not allowed by any conduit'],
        rows: pairs
          .sort((a, b) => b.undocumented - a.undocumented || b.flows - a.flows)
          .map((p) => [
            model.zoneName(p.from),
            model.zoneName(p.to),
            String(p.flows),
            String(p.undocumented),
          ]),
      };
}

function candidatesTable(data: AssessmentData, result: ReconcileResult): Block {
  const candidates = withTriage(
    result.candidates,
    applyTriageRules(result.candidates, data.triage ?? [], data.triageRules ?? []),
  );
  return candidates.length === 0
    ? { kind: 'empty', text: EMPTY.candidates }
    : {
        kind: 'table',
        head: ['Kind', 'Candidate', 'Flows', 'Triage'],
        rows: candidates.map((c) => [
          CANDIDATE_KIND_LABELS[c.kind],
          c.summary,
          String(c.flowIds.length),
          c.triage
            ? `${TRIAGE_LABELS[c.triage.decision]}${c.triage.reason.trim() ? `: ${c.triage.reason.trim()}` : ''}`
            : 'Not triaged',
        ]),
      };
}

function trafficFindingsTable(model: ReportModel): Block {
  const traffic = model.openFindings.filter((f) => f.autoKey?.startsWith('traffic:'));
  return traffic.length === 0
    ? { kind: 'empty', text: 'The observed traffic raised no finding.' }
    : {
        kind: 'table',
        head: ['#', 'Severity', 'Finding', 'Details'],
        severityColumn: 1,
        rows: traffic.map((f) => [model.findingLabel(f), f.severity.toUpperCase(), f.title, f.description]),
      };
}

function findings(model: ReportModel, plan: PlanRow[]): ContentSection {
  const blocks: Block[] = [];
  if (plan.length === 0) blocks.push({ kind: 'empty', text: EMPTY.openFindings });
  else {
    blocks.push({
      kind: 'table',
      head: ['#', 'Severity', 'Finding', 'Phase', 'Quarter', 'Effort'],
      severityColumn: 1,
      rows: plan.map((r) => [r.id, r.severity.toUpperCase(), r.title, r.phase, r.quarter, r.effort]),
    });
    for (const r of plan) {
      blocks.push({ kind: 'heading', level: 3, text: `${r.id} ${r.title}` });
      const facts = [
        `Severity ${r.severity}; phase ${r.phase}; ${r.quarter}${r.placement === 'assessor' ? ' (placed by the assessor)' : r.placement === 'deferred' ? ' (moved later: the quarter is at capacity)' : ''}${r.effort ? `; effort ${r.effort}` : ''}.`,
        r.zones.length ? `Zones: ${r.zones.join(', ')}.` : '',
        r.items.length ? `Items: ${r.items.join(', ')}.` : '',
        r.assets.length
          ? `Assets: ${r.assets.slice(0, 50).join(', ')}${r.assets.length > 50 ? ` and ${r.assets.length - 50} more` : ''}.`
          : '',
      ].filter(Boolean);
      blocks.push({ kind: 'paragraph', note: true, text: facts.join(' ') });
      if (r.finding.description.trim())
        blocks.push({ kind: 'paragraph', text: r.finding.description.trim() });
      blocks.push({ kind: 'paragraph', text: `Recommendation: ${r.recommendation.trim() || '–'}` });
    }
  }
  if (model.dismissedFindings.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Dismissed findings' },
      {
        kind: 'table',
        head: ['#', 'Finding', 'Reason'],
        rows: model.dismissedFindings.map((f) => [model.findingLabel(f), f.title, f.dismissReason]),
      },
    );
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Roadmap for the first year' });
  blocks.push(
    plan.length === 0
      ? { kind: 'empty', text: EMPTY.schedule }
      : {
          kind: 'table',
          head: ['Program phase', ...ROADMAP_SLOTS.map((s) => ROADMAP_SLOT_LABELS[s])],
          rows: PROGRAM_PHASES.map((phase) => [
            `${phase}. ${PROGRAM_PHASE_LABELS[phase]}`,
            ...ROADMAP_SLOTS.map((slot) =>
              plan
                .filter((r) => r.finding.phase === phase && r.quarter === ROADMAP_SLOT_LABELS[slot])
                .map((r) => r.id)
                .join(', '),
            ),
          ]),
        },
  );
  return { title: 'Findings and roadmap', blocks };
}

function notAssessedAppendix(model: ReportModel): ContentSection | null {
  const zones = model.zones.filter((z) => z.evaluation.coverage.notAssessed > 0);
  if (zones.length === 0) return null;
  const titles = new Map<string, string>();
  const rows = zones.map((z) => {
    const c = z.evaluation.coverage;
    const byFr = z.evaluation.perFr
      .map((fr) => {
        const open = fr.items.filter((i) => i.outcome === 'not-assessed').map((i) => i.item);
        for (const item of open) titles.set(item.id, item.title);
        return open.length ? `${fr.fr}: ${open.map((i) => i.id.replace(/^SR /, '')).join(', ')}` : '';
      })
      .filter(Boolean);
    return [
      z.zone.name,
      `${c.notAssessed} of ${c.required}`,
      c.notAssessed === c.required ? 'none assessed yet' : byFr.join('; '),
    ];
  });
  const order = new Map(model.catalogue.items.map((item, index) => [item.id, index]));
  return {
    title: 'Appendix: Items not assessed',
    blocks: [
      { kind: 'paragraph', note: true, text: NOT_ASSESSED_INTRO },
      { kind: 'table', head: ['Zone', 'Not assessed', 'Items (by FR)'], rows },
      {
        kind: 'table',
        head: ['Item', 'Requirement'],
        rows: [...titles]
          .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
          .map(([id, title]) => [id, title]),
      },
    ],
  };
}

function verifyAppendix(options: ContentOptions): ContentSection {
  return {
    title: 'Appendix: How to verify this report',
    blocks: verifySteps(options.signer, options.standalone, 'This document').map((part): Block =>
      part.kind === 'heading' ? { kind: 'heading', level: 2, text: part.text } : part,
    ),
  };
}

/** The document-control table (version, status, date, author, distribution), when the assessor filled it in. */
function documentControl(model: ReportModel): ContentSection | null {
  const control = model.data.assessment.documentControl;
  if (!control) return null;
  const status = control.status === 'final' ? 'Final' : 'Draft';
  const blocks: Block[] = [
    {
      kind: 'table',
      head: ['Field', 'Value'],
      rows: [
        ['Version', control.version || 'not recorded'],
        ['Status', status],
        ['Date', control.date || 'not recorded'],
        ['Author', control.author || 'not recorded'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Distribution' },
    control.distribution.length === 0
      ? { kind: 'empty', text: EMPTY.distribution }
      : {
          kind: 'table',
          head: ['Name', 'Organisation', 'Role'],
          rows: control.distribution.map((r) => [r.name, r.organisation, r.role]),
        },
  ];
  return { title: 'Document control', blocks, unnumbered: true };
}

/** The report's content in reading order, for every output that is not drawn page by page. */
export function buildReportContent(model: ReportModel, options: ContentOptions): ReportContent {
  const a = model.data.assessment;
  const plan = planOfAction(model);
  const { signer } = options;
  const cover: [string, string][] = [
    ['Assessment', a.title],
    ['Period', assessmentPeriod(model)],
    ['Assessors', a.assessors.length ? a.assessors.join(', ') : 'not recorded'],
    ['Report generated', options.generatedAt.slice(0, 10)],
    [
      options.standalone ? 'Signing key of' : 'Signed by',
      signer
        ? `${signer.name}${signer.organization ? `, ${signer.organization}` : ''}${options.standalone ? ' (this document on its own carries no signature; the signed bundle does)' : ''}`
        : 'unsigned draft',
    ],
  ];
  if (signer) cover.push(['Signing key fingerprint', signer.fingerprint]);
  const sections = [
    documentControl(model),
    summary(model, plan),
    coverage(model),
    scopeAndMethod(model),
    zonesAndConduits(model),
    requirements(model),
    risk(model),
    connections(model),
    inventory(model),
    vulnerabilities(model),
    observedTraffic(model),
    findings(model, plan),
    notAssessedAppendix(model),
    verifyAppendix(options),
  ].filter((s): s is ContentSection => s !== null);
  return {
    title: `OT security assessment – ${a.client}, ${a.site}`,
    client: a.client,
    site: a.site,
    marking: options.marking,
    cover,
    sections,
  };
}
