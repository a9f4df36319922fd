import {
  addCoverage,
  emptyCoverage,
  FOUNDATIONAL_REQUIREMENTS,
  satisfiedCount,
  targetVector,
  vectorToArray,
} from '../catalogue';
import { SIGNATURE_NAMESPACE } from '../bundle/sshsig';
import { DEFAULT_FR_WEIGHTS, resolveFindingSettings, ROADMAP_SLOT_LABELS } from '../findings';
import { plural } from '../findings/types';
import { severityFromCvss } from '../findings/vulnerabilities';
import {
  ANSWER_STATUS_LABELS,
  CONDUIT_CONTROL_LABELS,
  CONNECTION_TYPE_LABELS,
  PROGRAM_PHASE_LABELS,
  PROGRAM_PHASES,
  ROADMAP_SLOTS,
  ZONE_KIND_LABELS,
  type Answer,
} from '../model';
import { FR_IDS } from '../model/common';
import { applyTriageRules, CANDIDATE_KIND_LABELS, reconcile, withTriage } from '../network';
import { formatSlt } from '../model/slt';
import { VULNERABILITY_DECISION_LABELS } from '../model/vulnerabilities';
import { bySeverityThenOrder, type ReportModel } from './model';
import type { ReportSigner } from './options';
import { planOfAction, type PlanRow } from './plan-of-action';
import { achievedLabels, consequenceSourceText } from './sections/coverage';
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
  | { kind: 'code'; lines: string[] };

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
        ? { kind: 'empty', text: 'No zones have been defined, so no security levels can be shown.' }
        : {
            kind: 'table',
            head: ['Zone', ...FR_IDS.map((fr) => `${fr} SL-T / SL-A`), 'Total gap'],
            rows: [...model.zones]
              .sort((x, y) => y.totalGap - x.totalGap)
              .map((z) => [
                z.zone.name,
                ...z.evaluation.perFr.map(
                  (fr) =>
                    `${fr.target} / ${Math.min(fr.achieved, fr.target)}${fr.achieved > fr.target ? '+' : ''}${fr.provisional ? '*' : ''}`,
                ),
                String(z.totalGap),
              ]),
          },
      {
        kind: 'paragraph',
        note: true,
        text: 'SL-A is shown capped at SL-T ("+" where a zone achieves more than its target); * marks an FR with items not assessed yet, whose SL-A is provisional.',
      },
      { kind: 'heading', level: 2, text: 'Top findings' },
      top.length === 0
        ? { kind: 'empty', text: 'No open findings are recorded in this assessment.' }
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
  const total = model.zones.reduce((sum, z) => addCoverage(sum, z.evaluation.coverage), emptyCoverage());
  const blocks: Block[] = [];
  if (total.required === 0) {
    blocks.push({
      kind: 'empty',
      text: 'No zone has a target security level, so no requirement was in scope.',
    });
  } else {
    const incomplete = model.zones.filter((z) => z.evaluation.provisional).length;
    blocks.push(
      {
        kind: 'paragraph',
        text:
          `${total.answered} of ${plural(total.required, 'required item')} were assessed across ${plural(model.zones.length, 'zone')}: ` +
          `${satisfiedCount(total)} met (${total.compensating} by a compensating control, ${total.notApplicable} not applicable), ` +
          `${total.partiallyMet} partially met, ${total.notMet} not met, and ${total.notAssessed} not assessed.` +
          (incomplete > 0
            ? ` In ${plural(incomplete, 'zone')} some required items were not assessed; their SL-A is provisional (marked *). Items not assessed are not findings: the appendix lists them as open assessment work.`
            : ' Every required item of every zone was assessed.'),
      },
      {
        kind: 'table',
        head: ['Zone', 'Assessed', 'Met', 'Partial', 'Not met', 'Not assessed', 'SL-A (FR1–FR7)'],
        rows: model.zones.map((z) => {
          const c = z.evaluation.coverage;
          return [
            z.zone.name,
            `${c.answered}/${c.required}`,
            String(satisfiedCount(c)),
            String(c.partiallyMet),
            String(c.notMet),
            String(c.notAssessed),
            achievedLabels(z),
          ];
        }),
      },
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
  const weights = resolveFindingSettings(model.data.assessment.findingSettings).frWeights;
  const custom = FR_IDS.some((fr) => weights[fr] !== DEFAULT_FR_WEIGHTS[fr]);
  blocks.push(
    { kind: 'heading', level: 2, text: 'How severity is rated' },
    {
      kind: 'paragraph',
      text:
        'Severity = consequence × exposure × FR weight (× 0.6 where a requirement is partially met). Consequence (1–5) comes from ' +
        'the zone’s risk assessment, else its criticality; exposure rises with conduits to less trusted zones, undocumented ' +
        'connections, traffic no conduit allows, public addresses and remote access. ' +
        `FR weights: ${FR_IDS.map((fr) => `${fr} ${weights[fr]}`).join(', ')}${custom ? ' (set for this assessment)' : ''}.`,
    },
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
      { kind: 'paragraph', text: a.scope.trim() || 'No scope statement was recorded for this assessment.' },
      {
        kind: 'paragraph',
        note: true,
        text: `Assessment period: ${assessmentPeriod(model)}. Assessors: ${a.assessors.join(', ') || 'not recorded'}.`,
      },
      { kind: 'heading', level: 2, text: 'Method' },
      {
        kind: 'paragraph',
        text:
          'The assessment follows IEC 62443-3-3. The system is divided into zones joined by conduits; each zone receives a target ' +
          'security level (SL-T) per foundational requirement, and the system requirements (SRs) and requirement enhancements (REs) ' +
          'that level calls for are checked one by one, on site, with notes and evidence. SL-A for an FR is the highest level at ' +
          'which every requirement is met, compensated or justified as not applicable; the gap is SL-T minus SL-A.',
      },
      {
        kind: 'table',
        head: ['FR', 'Short', 'Foundational requirement'],
        rows: FOUNDATIONAL_REQUIREMENTS.map((fr) => [fr.id, fr.short, fr.name]),
      },
      {
        kind: 'paragraph',
        note: true,
        text:
          `Requirement catalogue: ${model.catalogue.version} (${model.catalogue.items.length} SRs and REs).` +
          (model.catalogueMatches
            ? ''
            : ` The assessment names catalogue "${a.catalogueVersion}", which this tool does not ship; the shipped catalogue was used.`),
      },
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
      model.zones.length === 0
        ? { kind: 'empty', text: 'No zones are defined in this assessment.' }
        : {
            kind: 'table',
            head: ['Zone', 'Kind', 'Level', 'Criticality', 'SL-T', 'SL-A', 'Gap', 'Assets', 'Address ranges'],
            rows: model.zones.map((z) => [
              z.zone.name,
              ZONE_KIND_LABELS[z.zone.kind],
              z.zone.purdueLevel === null ? '–' : String(z.zone.purdueLevel),
              z.zone.criticality,
              vec(z.evaluation.target),
              achievedLabels(z),
              vec(z.evaluation.gap),
              String(z.assetCount),
              z.zone.ranges.join(', '),
            ]),
          },
      { kind: 'heading', level: 2, text: 'Conduits' },
      conduits.length === 0
        ? { kind: 'empty', text: 'No conduits are defined in this assessment.' }
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

function requirements(model: ReportModel): ContentSection {
  const blocks: Block[] = [];
  if (model.zones.length === 0)
    blocks.push({ kind: 'empty', text: 'No zones are defined, so no requirements have been assessed.' });
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
      blocks.push({ kind: 'empty', text: 'No SL-T is set for this zone, so no requirements apply yet.' });
      continue;
    }
    const items = evaluation.perFr.flatMap((fr) => fr.items);
    const failed = items.filter((i) => i.outcome === 'not-met' || i.outcome === 'partially-met');
    const justified = items.filter((i) => i.outcome === 'compensating' || i.outcome === 'not-applicable');
    if (failed.length === 0 && c.notAssessed === 0) {
      blocks.push({
        kind: 'paragraph',
        text: 'Every required item is met, compensated or justified as not applicable.',
      });
    }
    if (failed.length > 0) {
      blocks.push({
        kind: 'table',
        head: ['Item', 'Requirement', 'Status', 'Notes'],
        rows: failed.map(({ item, answer }) => [
          item.id,
          item.title,
          ANSWER_STATUS_LABELS[(answer as Answer).status],
          (answer as Answer).notes.trim() || '–',
        ]),
      });
    }
    if (justified.length > 0) {
      blocks.push({
        kind: 'table',
        head: ['Item', 'Requirement', 'Answer', 'Justification'],
        rows: justified.map(({ item, outcome, answer, inheritedFrom }) => [
          item.id,
          item.title,
          outcome === 'compensating'
            ? 'Compensating control'
            : inheritedFrom
              ? `Not applicable (as ${inheritedFrom.itemId})`
              : 'Not applicable',
          ((inheritedFrom ?? answer) as Answer).justification.trim(),
        ]),
      });
    }
    if (c.notAssessed > 0) {
      blocks.push({
        kind: 'paragraph',
        note: true,
        text: `${c.notAssessed} required ${c.notAssessed === 1 ? 'item is' : 'items are'} not assessed yet (see the appendix "Items not assessed").`,
      });
    }
  }
  return { title: 'Requirement results per zone', blocks };
}

function risk(model: ReportModel): ContentSection {
  const { data } = model;
  const blocks: Block[] = [];
  if (data.threatScenarios.length === 0 && data.zoneRisks.length === 0) {
    blocks.push({
      kind: 'empty',
      text: 'No risk assessment has been recorded: the SL-T of each zone was set by hand.',
    });
  }
  if (data.threatScenarios.length > 0) {
    blocks.push(
      { kind: 'heading', level: 2, text: 'Threat scenarios' },
      {
        kind: 'table',
        head: ['Scenario', 'Target', 'ATT&CK', 'Likelihood', 'Consequence'],
        rows: data.threatScenarios.map((s) => [
          s.title,
          s.target.kind === 'zone' ? model.zoneName(s.target.zoneId) : 'Conduit',
          s.techniques.join(', '),
          String(s.likelihood),
          String(s.consequence),
        ]),
      },
    );
  }
  if (data.countermeasures.length > 0) {
    const scenarioTitle = new Map(data.threatScenarios.map((s) => [s.id, s.title]));
    blocks.push(
      { kind: 'heading', level: 2, text: 'Countermeasures' },
      {
        kind: 'table',
        head: ['Countermeasure', 'Kind', 'Stands for', 'Mitigates', 'Owner, due', 'Status'],
        rows: data.countermeasures.map((c) => [
          c.title,
          c.kind === 'existing' ? 'Existing' : 'Recommended',
          [...c.itemIds, ...c.controls].join(', ') || '–',
          c.scenarioIds.map((id) => scenarioTitle.get(id) ?? id).join('; ') || '–',
          [c.owner, c.dueDate].filter(Boolean).join(', ') || '–',
          c.status,
        ]),
      },
    );
  }
  return { title: 'Risk assessment', blocks };
}

function connections(model: ReportModel): ContentSection {
  const list = [...model.data.connections].sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact);
  return {
    title: 'Undocumented connections',
    blocks: [
      list.length === 0
        ? { kind: 'empty', text: 'No undocumented connections were recorded.' }
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
    ],
  };
}

function inventory(model: ReportModel): ContentSection {
  const { assets } = model.data;
  if (assets.length === 0)
    return {
      title: 'Asset inventory summary',
      blocks: [{ kind: 'empty', text: 'No assets have been imported or recorded.' }],
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
  const current = (model.data.vulnerabilities ?? []).filter((v) => !v.stale);
  const assets = new Map(model.data.assets.map((a) => [a.id, a]));
  return {
    title: 'Vulnerabilities',
    blocks: [
      current.length === 0
        ? {
            kind: 'empty',
            text: 'No published advisory matched the inventory, or matching has not been run.',
          }
        : {
            kind: 'table',
            head: ['Advisory', 'Asset', 'Zone', 'Severity', 'KEV', 'Decision'],
            severityColumn: 3,
            rows: current.map((v) => [
              v.advisoryId,
              model.assetName(v.assetId),
              model.zoneName(assets.get(v.assetId)?.zoneId),
              severityFromCvss(v.cvss).toUpperCase(),
              v.kev ? 'yes' : '',
              v.decision ? VULNERABILITY_DECISION_LABELS[v.decision] : 'Not decided',
            ]),
          },
    ],
  };
}

const TRIAGE_LABELS = { confirmed: 'Confirmed', documented: 'Documented', dismissed: 'Dismissed' } as const;

function observedTraffic(model: ReportModel): ContentSection {
  const { data } = model;
  const flows = data.flows ?? [];
  const traffic = model.openFindings.filter((f) => f.autoKey?.startsWith('traffic:'));
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${plural(flows.length, 'observed flow')} from captures and sensor exports were compared with the documented conduits.`,
    },
  ];
  if (flows.length === 0) {
    blocks.push({
      kind: 'empty',
      text: 'No traffic was imported, so no flow could be compared with the conduits.',
    });
    return { title: 'Observed traffic', blocks };
  }
  const result = reconcile({ zones: data.zones, conduits: data.conduits, assets: data.assets, flows });
  const pairs = new Map<
    string,
    { from: string | null; to: string | null; flows: number; undocumented: number }
  >();
  for (const f of result.flows) {
    if (f.status === 'internal' || f.fromZoneId === null || f.toZoneId === null) continue;
    const key = `${f.fromZoneId}\u0000${f.toZoneId}`;
    const pair = pairs.get(key) ?? { from: f.fromZoneId, to: f.toZoneId, flows: 0, undocumented: 0 };
    pair.flows += 1;
    if (f.status === 'undocumented') pair.undocumented += 1;
    pairs.set(key, pair);
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Zone to zone' });
  blocks.push(
    pairs.size === 0
      ? { kind: 'empty', text: 'No observed flow crossed a zone boundary.' }
      : {
          kind: 'table',
          head: ['From zone', 'To zone', 'Flows', 'Not allowed by any conduit'],
          rows: [...pairs.values()]
            .sort((a, b) => b.undocumented - a.undocumented || b.flows - a.flows)
            .map((p) => [
              model.zoneName(p.from),
              model.zoneName(p.to),
              String(p.flows),
              String(p.undocumented),
            ]),
        },
  );
  const candidates = withTriage(
    result.candidates,
    applyTriageRules(result.candidates, data.triage ?? [], data.triageRules ?? []),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Candidates and their triage' });
  blocks.push(
    candidates.length === 0
      ? { kind: 'empty', text: 'The reconciliation raised no candidate.' }
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
        },
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Findings from the traffic' });
  blocks.push(
    traffic.length === 0
      ? { kind: 'empty', text: 'The observed traffic raised no finding.' }
      : {
          kind: 'table',
          head: ['#', 'Severity', 'Finding', 'Details'],
          severityColumn: 1,
          rows: traffic.map((f) => [model.findingLabel(f), f.severity.toUpperCase(), f.title, f.description]),
        },
  );
  return { title: 'Observed traffic', blocks };
}

function findings(model: ReportModel, plan: PlanRow[]): ContentSection {
  const blocks: Block[] = [];
  if (plan.length === 0)
    blocks.push({ kind: 'empty', text: 'No open findings are recorded in this assessment.' });
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
      ? { kind: 'empty', text: 'With no open findings there is nothing to schedule.' }
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
      {
        kind: 'paragraph',
        note: true,
        text: 'Required items for which no answer was recorded. They are not findings: until they are assessed, the zone’s SL-A is provisional.',
      },
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
  const { signer } = options;
  const verify = `ssh-keygen -Y verify -f allowed_signers -I ${signer?.email ?? '<signer e-mail>'} -n ${SIGNATURE_NAMESPACE} -s SHA256SUMS.sig < SHA256SUMS`;
  return {
    title: 'Appendix: How to verify this report',
    blocks: [
      {
        kind: 'paragraph',
        text: options.standalone
          ? 'This document was produced on its own, outside a signed bundle, and carries no signature. Only the signed bundle of the assessment can be verified; ask the assessor for it.'
          : 'This document is delivered inside a signed bundle: SHA256SUMS lists the SHA-256 of every file and SHA256SUMS.sig is the assessor’s signature over that list.',
      },
      {
        kind: 'paragraph',
        text: signer
          ? `Compare the key fingerprint ${signer.fingerprint} of ${signer.name} <${signer.email}> with the one the assessor gave you by another route; the allowed_signers file inside the bundle is only a convenience.`
          : 'It was generated without a signing key.',
      },
      {
        kind: 'code',
        lines: [
          `Linux, macOS:  ${verify}`,
          `Windows (OpenSSH 8.1 or later):  cmd /c "${verify}"`,
          'Linux:  sha256sum -c SHA256SUMS      macOS:  shasum -a 256 -c SHA256SUMS',
          'Windows (PowerShell):  Get-FileHash -Algorithm SHA256 <file>, compared with its line in SHA256SUMS',
        ],
      },
    ],
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
      ? { kind: 'empty', text: 'No distribution list has been recorded.' }
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
