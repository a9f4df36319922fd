import { z } from 'zod';
import { assessmentSchema, type Assessment } from './assessment';
import { isoDateTime } from './common';
import { conduitSchema, type Conduit } from './conduit';
import { zoneSchema, type Zone } from './zone';
import {
  assetSchema,
  flowSchema,
  importBatchSchema,
  type Asset,
  type Flow,
  type ImportBatch,
} from './inventory';
import { answerSchema, type Answer } from './answers';
import { connectionSchema, triageSchema, type Connection, type Triage } from './connections';
import { findingSchema, type Finding } from './findings';
import { triageRuleSchema, type TriageRule } from './triage-rule';
import { evidenceMetaSchema, type EvidenceMeta } from './evidence';
import { vulnerabilitySchema, type Vulnerability } from './vulnerabilities';
import { decodeBase64, encodeBase64 } from './base64';
import { escapeControlCharacters } from './escape-control';
import { sha256Hex } from './hash';
import { excessiveNestingMessage, findExcessiveJsonNesting } from './json-depth';
import { TOOL_NAME, TOOL_VERSION } from './version';
import { countermeasureSchema, type Countermeasure } from '../risk/records/countermeasure';
import { riskMethodSchema, type RiskMethod } from '../risk/records/risk-method';
import {
  systemUnderConsiderationSchema,
  type SystemUnderConsideration,
} from '../risk/records/system-under-consideration';
import { threatScenarioSchema, type ThreatScenario } from '../risk/records/threat-scenario';
import { zoneRiskSchema, type ZoneRisk } from '../risk/records/zone-risk';
import { conduitRiskSchema, type ConduitRisk } from '../risk/records/conduit-risk';
import type { AliasRecord } from '../vendors';
import { aliasRecordSchema, aliasRecords } from './aliases';

/** The assessment file format: `<client>-<site>.conduit.json`. Bump with a migration in migrateFile. */
export const FILE_FORMAT = 'conduit-assessment';
export const FILE_FORMAT_VERSION = 4;

export type EvidenceWithBytes = EvidenceMeta & { bytes: Uint8Array | null };

/** Everything one assessment holds, in memory, independent of where it is stored. */
export interface AssessmentData {
  assessment: Assessment;
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
  importBatches: ImportBatch[];
  flows: Flow[];
  answers: Answer[];
  connections: Connection[];
  triage: Triage[];
  findings: Finding[];
  evidence: EvidenceWithBytes[];
  /** The IEC 62443-3-2 risk assessment (format version 2); at most one method and one scope. */
  riskMethods: RiskMethod[];
  riskScopes: SystemUnderConsideration[];
  zoneRisks: ZoneRisk[];
  /** A conduit's SL-T set by hand with its justification (format version 4). */
  conduitRisks: ConduitRisk[];
  threatScenarios: ThreatScenario[];
  countermeasures: Countermeasure[];
  /** Advisory matches per asset and the assessor's decisions (format version 3). */
  vulnerabilities: Vulnerability[];
  /** Standing triage decisions over traffic candidates; optional, absent in older files. */
  triageRules?: TriageRule[];
  /**
   * The assessor's vendor and device-type aliases (app-wide in the app), so that the CLI and
   * another machine name vendors and types as the author did; optional, absent in older files.
   */
  aliases?: AliasRecord[];
}

export const RECORD_TABLES = [
  'zones',
  'conduits',
  'assets',
  'importBatches',
  'flows',
  'answers',
  'connections',
  'triage',
  'findings',
  'evidence',
  'riskMethods',
  'riskScopes',
  'zoneRisks',
  'conduitRisks',
  'threatScenarios',
  'countermeasures',
  'vulnerabilities',
  'triageRules',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

const evidenceEntrySchema = evidenceMetaSchema.extend({
  /** base64 of the bytes; absent when evidence travels beside the file (the report bundle). */
  data: z.string().optional(),
});

export const assessmentFileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  formatVersion: z.literal(FILE_FORMAT_VERSION),
  exportedAt: isoDateTime,
  tool: z.object({ name: z.string(), version: z.string() }),
  assessment: assessmentSchema,
  zones: z.array(zoneSchema),
  conduits: z.array(conduitSchema),
  assets: z.array(assetSchema),
  importBatches: z.array(importBatchSchema),
  flows: z.array(flowSchema),
  answers: z.array(answerSchema),
  connections: z.array(connectionSchema),
  triage: z.array(triageSchema),
  findings: z.array(findingSchema),
  evidence: z.array(evidenceEntrySchema),
  riskMethods: z.array(riskMethodSchema).max(1, 'an assessment has one risk method'),
  riskScopes: z
    .array(systemUnderConsiderationSchema)
    .max(1, 'an assessment has one system under consideration'),
  zoneRisks: z.array(zoneRiskSchema),
  conduitRisks: z.array(conduitRiskSchema),
  threatScenarios: z.array(threatScenarioSchema),
  countermeasures: z.array(countermeasureSchema),
  vulnerabilities: z.array(vulnerabilitySchema),
  triageRules: z.array(triageRuleSchema).default([]),
  aliases: z.array(aliasRecordSchema).optional(),
});
export type AssessmentFile = z.infer<typeof assessmentFileSchema>;

export class AssessmentFileError extends Error {
  constructor(
    message: string,
    /** Each problem as "where: why". */
    readonly problems: string[] = [message],
  ) {
    super(escapeControlCharacters(message));
    this.problems = problems.map(escapeControlCharacters);
    this.name = 'AssessmentFileError';
  }
}

export interface SerializeOptions {
  /** Embed evidence bytes as base64 (the default); false writes evidence by hash only. */
  embedEvidence?: boolean;
  exportedAt?: string;
}

export function toAssessmentFile(data: AssessmentData, options: SerializeOptions = {}): AssessmentFile {
  const embed = options.embedEvidence ?? true;
  return {
    format: FILE_FORMAT,
    formatVersion: FILE_FORMAT_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    assessment: data.assessment,
    zones: data.zones,
    conduits: data.conduits,
    assets: data.assets,
    importBatches: data.importBatches,
    flows: data.flows,
    answers: data.answers,
    connections: data.connections,
    triage: data.triage,
    findings: data.findings,
    evidence: data.evidence.map(({ bytes, ...meta }) =>
      embed && bytes ? { ...meta, data: encodeBase64(bytes) } : { ...meta },
    ),
    riskMethods: data.riskMethods,
    riskScopes: data.riskScopes,
    zoneRisks: data.zoneRisks,
    conduitRisks: data.conduitRisks,
    threatScenarios: data.threatScenarios,
    countermeasures: data.countermeasures,
    vulnerabilities: data.vulnerabilities,
    triageRules: data.triageRules ?? [],
    // Written only when there are some, so a file without aliases reads as it did before them.
    ...(data.aliases?.length ? { aliases: data.aliases } : {}),
  };
}

export function serializeAssessmentFile(data: AssessmentData, options: SerializeOptions = {}): string {
  return JSON.stringify(toAssessmentFile(data, options), null, 2) + '\n';
}

/** "zones[3].slt.base" from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

export function describeZodError(error: z.ZodError, limit = 20): string[] {
  const problems = error.issues
    .slice(0, limit)
    .map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  if (error.issues.length > limit) problems.push(`… and ${error.issues.length - limit} more problems`);
  return problems;
}

/**
 * One step per format version: FILE_MIGRATIONS[n] turns a file as version n - 1 wrote it into
 * version n, so a file of any older version runs through every later step in turn.
 */
export const FILE_MIGRATIONS: Readonly<
  Record<number, (file: Record<string, unknown>) => Record<string, unknown>>
> = {
  // 2: the risk assessment (IEC 62443-3-2) joins the file, empty for files written before it.
  2: (file) => ({
    ...file,
    formatVersion: 2,
    riskMethods: [],
    riskScopes: [],
    zoneRisks: [],
    threatScenarios: [],
    countermeasures: [],
  }),
  // 3: advisory matches per asset and the assessor's decisions.
  3: (file) => ({ ...file, formatVersion: 3, vulnerabilities: file.vulnerabilities ?? [] }),
  // 4: a conduit's SL-T set by hand (none before), and the triage rules become a required list.
  // The optional fields added within version 3 (assessment branding, documentControl, narrative;
  // asset vendorRaw, typeRaw) are kept as they are.
  4: (file) => ({
    ...file,
    formatVersion: 4,
    conduitRisks: [],
    triageRules: file.triageRules ?? [],
  }),
};

/** Upgrades an older file's JSON to the current version, one step per version. */
export function migrateFile(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AssessmentFileError('This is not a Conduit assessment file: it is not a JSON object.');
  }
  const record = raw as Record<string, unknown>;
  if (record.format !== FILE_FORMAT) {
    throw new AssessmentFileError(
      'This is not a Conduit assessment file: the "format" field is missing or is not "conduit-assessment".',
    );
  }
  const version = record.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AssessmentFileError('The file has no valid "formatVersion".');
  }
  if (version > FILE_FORMAT_VERSION) {
    throw new AssessmentFileError(
      `The file was written by a newer Conduit (format version ${version}; this one reads up to ${FILE_FORMAT_VERSION}).`,
    );
  }
  let file = record;
  for (let next = version + 1; next <= FILE_FORMAT_VERSION; next++) file = FILE_MIGRATIONS[next]!(file);
  return file;
}

/** Cross-record rules zod cannot see: ownership, references and unique ids. */
function checkReferences(file: AssessmentFile): string[] {
  const problems: string[] = [];
  const assessmentId = file.assessment.id;
  const zoneIds = new Set(file.zones.map((z) => z.id));
  const evidenceIds = new Set(file.evidence.map((e) => e.id));
  for (const table of RECORD_TABLES) {
    const seen = new Set<string>();
    file[table].forEach((record, index) => {
      if (record.assessmentId !== assessmentId) {
        problems.push(
          `${table}[${index}].assessmentId: belongs to another assessment (${record.assessmentId})`,
        );
      }
      if (seen.has(record.id)) problems.push(`${table}[${index}].id: duplicate id ${record.id}`);
      seen.add(record.id);
    });
  }
  file.conduits.forEach((c, i) => {
    if (!zoneIds.has(c.fromZoneId))
      problems.push(`conduits[${i}].fromZoneId: no zone with id ${c.fromZoneId}`);
    if (!zoneIds.has(c.toZoneId)) problems.push(`conduits[${i}].toZoneId: no zone with id ${c.toZoneId}`);
  });
  const assetIds = new Set(file.assets.map((a) => a.id));
  file.vulnerabilities.forEach((v, i) => {
    if (!assetIds.has(v.assetId))
      problems.push(`vulnerabilities[${i}].assetId: no asset with id ${v.assetId}`);
  });
  file.assets.forEach((a, i) => {
    if (a.zoneId && !zoneIds.has(a.zoneId)) problems.push(`assets[${i}].zoneId: no zone with id ${a.zoneId}`);
  });
  file.answers.forEach((a, i) => {
    if (!zoneIds.has(a.zoneId)) problems.push(`answers[${i}].zoneId: no zone with id ${a.zoneId}`);
    a.evidenceIds.forEach((e, j) => {
      if (!evidenceIds.has(e)) problems.push(`answers[${i}].evidenceIds[${j}]: no evidence with id ${e}`);
    });
  });
  file.connections.forEach((c, i) => {
    c.evidenceIds.forEach((e, j) => {
      if (!evidenceIds.has(e)) problems.push(`connections[${i}].evidenceIds[${j}]: no evidence with id ${e}`);
    });
  });
  file.triageRules.forEach((r, i) => {
    for (const key of ['zoneAId', 'zoneBId'] as const) {
      const zoneId = r[key];
      if (zoneId !== null && !zoneIds.has(zoneId))
        problems.push(`triageRules[${i}].${key}: no zone with id ${zoneId}`);
    }
  });
  problems.push(...checkRiskReferences(file, zoneIds));
  return problems;
}

function checkRiskReferences(file: AssessmentFile, zoneIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const conduitIds = new Set(file.conduits.map((c) => c.id));
  const scenarioIds = new Set(file.threatScenarios.map((s) => s.id));
  const riskZones = new Set<string>();
  file.zoneRisks.forEach((r, i) => {
    if (!zoneIds.has(r.zoneId)) problems.push(`zoneRisks[${i}].zoneId: no zone with id ${r.zoneId}`);
    if (riskZones.has(r.zoneId))
      problems.push(`zoneRisks[${i}].zoneId: a second risk record for zone ${r.zoneId}`);
    riskZones.add(r.zoneId);
  });
  const riskConduits = new Set<string>();
  file.conduitRisks.forEach((r, i) => {
    if (!conduitIds.has(r.conduitId))
      problems.push(`conduitRisks[${i}].conduitId: no conduit with id ${r.conduitId}`);
    if (riskConduits.has(r.conduitId))
      problems.push(`conduitRisks[${i}].conduitId: a second risk record for conduit ${r.conduitId}`);
    riskConduits.add(r.conduitId);
  });
  file.threatScenarios.forEach((s, i) => {
    if (s.target.kind === 'zone' && !zoneIds.has(s.target.zoneId))
      problems.push(`threatScenarios[${i}].target.zoneId: no zone with id ${s.target.zoneId}`);
    if (s.target.kind === 'conduit' && !conduitIds.has(s.target.conduitId))
      problems.push(`threatScenarios[${i}].target.conduitId: no conduit with id ${s.target.conduitId}`);
  });
  file.countermeasures.forEach((c, i) => {
    c.scenarioIds.forEach((id, j) => {
      if (!scenarioIds.has(id))
        problems.push(`countermeasures[${i}].scenarioIds[${j}]: no scenario with id ${id}`);
    });
    c.conduitIds.forEach((id, j) => {
      if (!conduitIds.has(id))
        problems.push(`countermeasures[${i}].conduitIds[${j}]: no conduit with id ${id}`);
    });
    c.compensates.forEach((a, j) => {
      if (!zoneIds.has(a.zoneId))
        problems.push(`countermeasures[${i}].compensates[${j}].zoneId: no zone with id ${a.zoneId}`);
    });
  });
  return problems;
}

export interface ParseOptions {
  /** Require every evidence entry to carry its bytes (true for a standalone .conduit.json). */
  requireEvidenceBytes?: boolean;
}

/**
 * Parses and fully validates an assessment file. Throws AssessmentFileError with every problem
 * found ("where: why"); never returns partial data.
 */
export async function parseAssessmentFile(text: string, options: ParseOptions = {}): Promise<AssessmentData> {
  let raw: unknown;
  const tooDeep = findExcessiveJsonNesting(text);
  if (tooDeep) throw new AssessmentFileError(`The file is ${excessiveNestingMessage(tooDeep)}.`);
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new AssessmentFileError(`The file is not valid JSON: ${(error as Error).message}`);
  }
  const migrated = migrateFile(raw);
  const result = assessmentFileSchema.safeParse(migrated);
  if (!result.success) {
    const problems = describeZodError(result.error);
    throw new AssessmentFileError(`The assessment file is invalid: ${problems[0]}`, problems);
  }
  const file = result.data;
  const problems = checkReferences(file);
  const evidence: EvidenceWithBytes[] = [];
  for (const [index, { data, ...meta }] of file.evidence.entries()) {
    if (data === undefined) {
      if (options.requireEvidenceBytes ?? true)
        problems.push(`evidence[${index}].data: the file's bytes are missing`);
      evidence.push({ ...meta, bytes: null });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = decodeBase64(data);
    } catch (error) {
      problems.push(`evidence[${index}].data: ${(error as Error).message}`);
      continue;
    }
    if (bytes.length !== meta.size) {
      problems.push(`evidence[${index}].size: says ${meta.size} bytes but the data has ${bytes.length}`);
    }
    const digest = await sha256Hex(bytes);
    if (digest !== meta.sha256) problems.push(`evidence[${index}].sha256: does not match the data`);
    evidence.push({ ...meta, bytes });
  }
  if (problems.length > 0) {
    throw new AssessmentFileError(`The assessment file is inconsistent: ${problems[0]}`, problems);
  }
  return {
    assessment: file.assessment,
    zones: file.zones,
    conduits: file.conduits,
    assets: file.assets,
    importBatches: file.importBatches,
    flows: file.flows,
    answers: file.answers,
    connections: file.connections,
    triage: file.triage,
    findings: file.findings,
    evidence,
    riskMethods: file.riskMethods,
    riskScopes: file.riskScopes,
    zoneRisks: file.zoneRisks,
    conduitRisks: file.conduitRisks,
    threatScenarios: file.threatScenarios,
    countermeasures: file.countermeasures,
    vulnerabilities: file.vulnerabilities,
    triageRules: file.triageRules,
    ...(file.aliases ? { aliases: aliasRecords(file.aliases, file.exportedAt) } : {}),
  };
}

/** `<client>-<site>.conduit.json`, safe on every file system. */
export function assessmentFileName(assessment: Pick<Assessment, 'client' | 'site'>): string {
  return `${slugify(assessment.client)}-${slugify(assessment.site)}.conduit.json`;
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'untitled';
}

export function emptyAssessmentData(assessment: Assessment): AssessmentData {
  return {
    assessment,
    zones: [],
    conduits: [],
    assets: [],
    importBatches: [],
    flows: [],
    answers: [],
    connections: [],
    triage: [],
    findings: [],
    evidence: [],
    ...emptyRiskRecords(),
    vulnerabilities: [],
    triageRules: [],
  };
}

export type RiskTable =
  'riskMethods' | 'riskScopes' | 'zoneRisks' | 'conduitRisks' | 'threatScenarios' | 'countermeasures';

/** No risk records: an assessment whose risk assessment has not started. */
export function emptyRiskRecords(): Pick<AssessmentData, RiskTable> {
  return {
    riskMethods: [],
    riskScopes: [],
    zoneRisks: [],
    conduitRisks: [],
    threatScenarios: [],
    countermeasures: [],
  };
}
