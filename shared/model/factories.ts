import { DEFAULT_CATALOGUE_VERSION } from './version';
import {
  defaultTitle,
  newAssessmentInputSchema,
  type Assessment,
  type NewAssessmentInput,
} from './assessment';
import { newId, nowIso } from './common';
import { assetSchema, type Asset } from './inventory';

/** A new, empty assessment from validated input; throws a ZodError on bad input. */
export function createAssessment(input: NewAssessmentInput, now = nowIso()): Assessment {
  const parsed = newAssessmentInputSchema.parse(input);
  return {
    id: newId(),
    title: parsed.title?.trim() || defaultTitle(parsed.client, parsed.site),
    client: parsed.client,
    site: parsed.site,
    assessors: parsed.assessors,
    startDate: parsed.startDate,
    endDate: parsed.endDate,
    scope: parsed.scope,
    status: 'active',
    catalogueVersion: DEFAULT_CATALOGUE_VERSION,
    createdAt: now,
    updatedAt: now,
  };
}

/** The fields of an asset a person can type in; everything else starts empty. */
export type ManualAssetFields = Partial<
  Omit<Asset, 'id' | 'assessmentId' | 'createdAt' | 'updatedAt' | 'batchIds' | 'sources' | 'conflicts'>
>;

/**
 * An asset added by hand: empty where nothing was given, and its provenance says "manual" (no
 * batch), so undoing an import never removes it. Throws a ZodError on invalid fields.
 */
export function createManualAsset(assessmentId: string, fields: ManualAssetFields, now = nowIso()): Asset {
  return assetSchema.parse({
    name: '',
    ips: [],
    macs: [],
    hostnames: [],
    vendor: null,
    model: null,
    firmware: null,
    os: null,
    serial: null,
    type: null,
    purdueLevel: null,
    protocols: [],
    criticality: null,
    zoneId: null,
    firstSeen: null,
    lastSeen: null,
    endOfSupport: null,
    notes: '',
    ...fields,
    id: newId(),
    assessmentId,
    createdAt: now,
    updatedAt: now,
    batchIds: [],
    sources: [{ batchId: null, format: 'manual', sourceId: null, fileName: null }],
    conflicts: [],
  });
}
