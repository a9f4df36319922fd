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
import { evidenceMetaSchema, type EvidenceMeta } from './evidence';
import { vulnerabilitySchema, type Vulnerability } from './vulnerabilities';
import { decodeBase64, encodeBase64 } from './base64';
import { escapeControlCharacters } from './escape-control';
import { sha256Hex } from './hash';
import { excessiveNestingMessage, findExcessiveJsonNesting } from './json-depth';
import { TOOL_NAME, TOOL_VERSION } from './version';

/** The assessment file format: `<client>-<site>.conduit.json`. Bump with a migration in migrateFile. */
export const FILE_FORMAT = 'conduit-assessment';
export const FILE_FORMAT_VERSION = 3;

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
  /** Advisory matches per asset and the assessor's decisions (format version 3). */
  vulnerabilities: Vulnerability[];
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
  'vulnerabilities',
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
  vulnerabilities: z.array(vulnerabilitySchema),
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
    vulnerabilities: data.vulnerabilities,
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
 * One step per format version, each taking the JSON of its version to the next, so that they
 * chain: a version-1 file runs every step.
 */
const FILE_MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 is another change's; until it lands a version-2 file reads as version 1 does.
  1: (file) => ({ ...file, formatVersion: 2 }),
  // Version 3 adds the vulnerabilities (advisory matches and decisions).
  2: (file) => ({ ...file, vulnerabilities: file.vulnerabilities ?? [], formatVersion: 3 }),
};

/** Upgrades an older file's JSON to the current version. */
function migrateFile(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AssessmentFileError('This is not a Conduit assessment file: it is not a JSON object.');
  }
  let record = raw as Record<string, unknown>;
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
  for (let from = version; from < FILE_FORMAT_VERSION; from++) record = FILE_MIGRATIONS[from]!(record);
  return record;
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
    vulnerabilities: file.vulnerabilities,
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
    vulnerabilities: [],
  };
}
