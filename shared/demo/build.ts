import { assignBySubnet } from '../network';
import { reconcile } from '../network';
import { withCurrentFindings } from '../findings';
import {
  applyMerge,
  makeImportBatch,
  mergeIntoInventory,
  parseInventory,
  type InventoryFormat,
} from '../importers';
import {
  DEFAULT_CATALOGUE_VERSION,
  emptyRiskRecords,
  cloneWithNewIds,
  sha256Hex,
  type Answer,
  type AssessmentData,
  type Connection,
  type EvidenceWithBytes,
  type Triage,
  type Zone,
} from '../model';
import { CaptureAnalyzer } from '../traffic/analyzer';
import type { OuiTable } from '../traffic/oui';
import { captureToImport } from '../traffic/to-inventory';
import { Normaliser, normaliseNames } from '../vendors';
import { seededIds } from './ids';
import { demoRisk } from './risk';
import { demoVulnerabilities, type DemoAdvisorySource } from './vulnerabilities';
import {
  DEMO_ANSWERS,
  DEMO_ASSESSMENT,
  DEMO_CONDUITS,
  DEMO_PHOTO,
  DEMO_ZONES,
  type DemoZoneKey,
} from './plant';

/** The files the demo plant is built from, as they ship in assets/demo/. */
export const DEMO_SOURCE_FILES = {
  nozomi: 'nozomi-guardian-assets.json',
  claroty: 'claroty-ctd-assets.json',
  capture: 'control-room-span.pcap',
  photo: 'utilities-panel-u3.png',
} as const;
export type DemoSourceName = keyof typeof DEMO_SOURCE_FILES;

export interface DemoSources {
  files: Record<DemoSourceName, Uint8Array>;
  /** The MAC vendor table (assets/oui), so that capture-only hosts get a vendor as in a real import. */
  oui: OuiTable | null;
  /** The bundled advisory index and KEV ids (assets/advisories), matched against the demo's assets. */
  advisories: DemoAdvisorySource;
}

export const DEMO_SEED = 'conduit-demo-plant-1';

/** The visit's clock: every record's time is one of these, so the demo is the same on every run. */
const TIMES = {
  created: '2026-03-02T07:30:00.000Z',
  zones: '2026-03-02T09:10:00.000Z',
  nozomi: '2026-03-02T11:05:00.000Z',
  claroty: '2026-03-02T11:20:00.000Z',
  capture: '2026-03-04T10:02:00.000Z',
  answers: '2026-03-05T14:00:00.000Z',
  walkDown: '2026-03-04T15:42:00.000Z',
  advisories: '2026-03-05T16:10:00.000Z',
  risk: '2026-03-06T10:00:00.000Z',
  findings: '2026-03-06T16:30:00.000Z',
} as const;

export class DemoSourceError extends Error {
  override name = 'DemoSourceError';
}

/**
 * Builds the demo plant: the zones and conduits of plant.ts, the two sensor exports run through the
 * real importers and merged, assets placed by subnet, the capture read by the real capture reader
 * and merged, answers with a photo, two undocumented connections (one confirmed from a traffic
 * candidate), advisory matches with two decisions, the risk assessment (scope, zone consequences,
 * scenarios, countermeasures) and the generated findings. Pure and deterministic: the same sources and seed give
 * the same assessment, ids and times included.
 */
export async function buildDemoPlant(
  sources: DemoSources,
  seed: string = DEMO_SEED,
): Promise<AssessmentData> {
  // Working ids come from the seed; a final remap derives every id (the importers' too) from it.
  // The steps below draw ids in a fixed order, so the same seed gives the same assessment.
  const makeId = seededIds(`${seed}:draft`);
  const assessmentId = makeId();
  const step: BuildStep = {
    sources,
    makeId,
    assessmentId,
    base: (at) => ({ id: makeId(), assessmentId, createdAt: at, updatedAt: at }),
  };
  const { data: drawn, zoneId } = drawnPlant(step);
  let data = await importSensorExports(step, drawn);
  data = await importCapture(step, data);
  data = await walkDownAndAnswers(step, data, zoneId);
  data.vulnerabilities = demoVulnerabilities(data, sources.advisories, TIMES.advisories, makeId);
  data = { ...data, ...demoRisk(data, zoneId, () => step.base(TIMES.risk)) };
  data = withCurrentFindings(data, new Date(TIMES.findings));
  return cloneWithNewIds(data, seededIds(seed));
}

type RecordBase = { id: string; assessmentId: string; createdAt: string; updatedAt: string };

/** What each step of the build shares: the sources and the draft id sequence. */
interface BuildStep {
  sources: DemoSources;
  makeId: () => string;
  assessmentId: string;
  base: (at: string) => RecordBase;
}

/** The assessment with the zones and conduits of plant.ts, and nothing imported yet. */
function drawnPlant(step: BuildStep): {
  data: AssessmentData;
  zoneId: (key: DemoZoneKey) => string;
} {
  const { base } = step;
  const data: AssessmentData = {
    assessment: {
      id: step.assessmentId,
      ...DEMO_ASSESSMENT,
      assessors: [...DEMO_ASSESSMENT.assessors],
      status: 'active',
      catalogueVersion: DEFAULT_CATALOGUE_VERSION,
      createdAt: TIMES.created,
      updatedAt: TIMES.findings,
    },
    zones: [],
    conduits: [],
    assets: [],
    importBatches: [],
    flows: [],
    answers: [],
    connections: [],
    vulnerabilities: [],
    triageRules: [],
    triage: [],
    findings: [],
    evidence: [],
    ...emptyRiskRecords(),
  };
  const zoneIds = new Map<DemoZoneKey, string>();
  data.zones = DEMO_ZONES.map((zone): Zone => {
    const record: Zone = {
      ...base(TIMES.zones),
      name: zone.name,
      kind: zone.kind,
      purdueLevel: zone.purdueLevel,
      criticality: zone.criticality,
      slt: { base: zone.slt, overrides: { ...zone.overrides } },
      ranges: [...zone.ranges],
      description: zone.description,
      position: zone.position,
      size: { width: 280, height: 150 },
    };
    zoneIds.set(zone.key, record.id);
    return record;
  });
  const zoneId = (key: DemoZoneKey) => zoneIds.get(key)!;
  data.conduits = DEMO_CONDUITS.map((conduit) => ({
    ...base(TIMES.zones),
    fromZoneId: zoneId(conduit.from),
    toZoneId: zoneId(conduit.to),
    name: conduit.name,
    direction: conduit.direction,
    services: conduit.services.map((s) => ({ ...s })),
    controls: [...conduit.controls],
    slt: { base: conduit.slt, overrides: {} },
    notes: conduit.notes,
    sourceHandle: null,
    targetHandle: null,
  }));
  return { data, zoneId };
}

/** The two sensor exports, through the same parse and merge as an import in the app, then placed by subnet. */
async function importSensorExports(step: BuildStep, start: AssessmentData): Promise<AssessmentData> {
  let data = start;
  const normaliser = new Normaliser();
  const importInventory = async (name: 'nozomi' | 'claroty', format: InventoryFormat, at: string) => {
    const bytes = step.sources.files[name];
    const fileName = DEMO_SOURCE_FILES[name];
    const read = await parseInventory({ name: fileName, bytes }, { format });
    // As the app's import does: vendors and types under one name each, the spellings kept as raw.
    const parsed = { ...read, assets: read.assets.map((a) => normaliseNames(a, normaliser)) };
    if (parsed.assets.length === 0) throw new DemoSourceError(`${fileName}: no assets were read`);
    const context = {
      id: step.makeId(),
      assessmentId: step.assessmentId,
      format: parsed.format,
      fileName,
      at,
    };
    const result = mergeIntoInventory(data.assets, parsed, context, data.flows);
    const batch = makeImportBatch(
      context,
      { sha256: await sha256Hex(bytes), size: bytes.length },
      parsed.records,
      result,
    );
    data = applyMerge(data, result, batch);
  };
  await importInventory('nozomi', 'nozomi', TIMES.nozomi);
  await importInventory('claroty', 'claroty-ctd', TIMES.claroty);
  return placeBySubnet(data);
}

/** The capture, read by the capture reader as the app's capture worker does, merged and placed. */
async function importCapture(step: BuildStep, data: AssessmentData): Promise<AssessmentData> {
  const captureBytes = step.sources.files.capture;
  const analyzer = new CaptureAnalyzer({ oui: step.sources.oui });
  analyzer.push(captureBytes);
  const summary = analyzer.finish();
  const capture = captureToImport(
    summary,
    data.assets,
    {
      id: step.makeId(),
      assessmentId: step.assessmentId,
      format: 'pcap',
      fileName: DEMO_SOURCE_FILES.capture,
      at: TIMES.capture,
    },
    { sha256: await sha256Hex(captureBytes), size: captureBytes.length },
  );
  const replaced = new Map(capture.merge.updated.map((u) => [u.asset.id, u.asset]));
  return placeBySubnet({
    ...data,
    assets: [...data.assets.map((a) => replaced.get(a.id) ?? a), ...capture.merge.added],
    flows: [...data.flows, ...capture.flows],
    importBatches: [...data.importBatches, capture.batch],
  });
}

/** The walk-down photo, the checklist answers (one with the photo) and the undocumented connections. */
async function walkDownAndAnswers(
  step: BuildStep,
  data: AssessmentData,
  zoneId: (key: DemoZoneKey) => string,
): Promise<AssessmentData> {
  const { base } = step;
  const photoBytes = step.sources.files.photo;
  const photo: EvidenceWithBytes = {
    ...base(TIMES.walkDown),
    name: DEMO_SOURCE_FILES.photo,
    mimeType: DEMO_PHOTO.mimeType,
    size: photoBytes.length,
    sha256: await sha256Hex(photoBytes),
    caption: DEMO_PHOTO.caption,
    capturedAt: TIMES.walkDown,
    bytes: photoBytes,
  };
  const answers = DEMO_ANSWERS.map((answer): Answer => ({
    ...base(TIMES.answers),
    zoneId: zoneId(answer.zone),
    itemId: answer.item,
    status: answer.status,
    notes: answer.notes,
    justification: answer.justification ?? '',
    evidenceIds: answer.photo ? [photo.id] : [],
    answeredBy: DEMO_ASSESSMENT.assessors[0],
    answeredAt: TIMES.answers,
  }));
  const withAnswers = { ...data, evidence: [photo], answers };
  const { connections, triage } = demoConnections(withAnswers, photo.id, () => base(TIMES.walkDown));
  return { ...withAnswers, connections, triage };
}

/** Places every unzoned asset whose IP is in a zone's ranges (as "Assign by subnet" does). */
function placeBySubnet(data: AssessmentData): AssessmentData {
  const result = assignBySubnet(data.zones, data.assets);
  if (!result.ok) throw new DemoSourceError(result.message);
  const placements = result.value.placements;
  return {
    ...data,
    assets: data.assets.map((a) => (placements.has(a.id) ? { ...a, zoneId: placements.get(a.id)! } : a)),
  };
}

/**
 * The two undocumented connections: the LTE router found on the walk-down (with the photo), and the
 * enterprise laptop seen talking EtherNet/IP to a filling PLC, confirmed from its traffic candidate.
 */
function demoConnections(
  data: AssessmentData,
  photoId: string,
  base: () => RecordBase,
): { connections: Connection[]; triage: Triage[] } {
  const assetByIp = (ip: string) => data.assets.find((a) => a.ips.includes(ip));
  const router = assetByIp('192.168.1.1');
  const chiller = assetByIp('10.40.3.25');
  const utilities = data.zones.find((z) => z.kind === 'utilities')!;
  const cellular: Connection = {
    ...base(),
    from: router ? { kind: 'asset', assetId: router.id } : { kind: 'text', text: 'LTE router in panel U3' },
    to: chiller ? { kind: 'asset', assetId: chiller.id } : { kind: 'zone', zoneId: utilities.id },
    type: 'cellular',
    foundBy: 'walk-down',
    description:
      'Teltonika RUT240 LTE router in panel U3 of the boiler house, cabled to the chiller controller. ' +
      'Installed by the chiller vendor for remote support in 2023; not in the network drawings, not ' +
      'behind any plant firewall, web interface reachable with the default password.',
    likelihood: 4,
    impact: 5,
    status: 'open',
    justification: '',
    recommendation:
      'Remove the router. If the vendor needs remote support, bring it through the SINEMA RC remote-access ' +
      'zone with per-session approval, and monitor the chiller conduit.',
    flowIds: [],
    evidenceIds: [photoId],
  };

  const laptop = assetByIp('10.10.4.21');
  const candidate = reconcile(data).candidates.find(
    (c) => c.kind === 'undocumented-flow' && c.endpoints.includes('10.10.4.21'),
  );
  if (!candidate) throw new DemoSourceError('the capture no longer shows the enterprise-to-filling flow');
  const direct: Connection = {
    ...base(),
    from: laptop ? { kind: 'asset', assetId: laptop.id } : { kind: 'zone', zoneId: candidate.fromZoneId! },
    to: { kind: 'zone', zoneId: candidate.toZoneId! },
    type: 'direct-it-ot',
    foundBy: 'traffic',
    description:
      `${candidate.summary}. The maintenance laptop maint-lt07 runs Studio 5000 from the office network ` +
      'and reaches the filling PLCs through a firewall rule left from the 2025 line upgrade.',
    likelihood: 4,
    impact: 4,
    status: 'open',
    justification: '',
    recommendation:
      'Remove the rule; engineering from the enterprise network goes through the jump host in the remote-access zone.',
    flowIds: candidate.flowIds,
    evidenceIds: [],
  };
  const triage: Triage = {
    ...base(),
    candidateKey: candidate.key,
    decision: 'confirmed',
    reason: '',
    connectionId: direct.id,
    conduitId: null,
  };
  return { connections: [cellular, direct], triage: [triage] };
}
