import type { Severity } from '../../model/findings';
import { dmzBypassCheck } from './dmz-bypass';
import { conduitNoControlCheck } from './conduit-no-control';
import { conduitAnyServiceCheck } from './conduit-any-service';
import { remoteAccessNoJumpHostCheck } from './remote-access-no-jump-host';
import { zoneNoAssetsCheck } from './zone-no-assets';
import { zoneNoSltCheck } from './zone-no-slt';
import { rangeOverlapCheck } from './range-overlap';
import { conduitSltBelowZoneCheck } from './conduit-slt-below-zone';
import { conduitNoneIntoSafetyCheck } from './conduit-none-into-safety';
import type { ModelCheck, ModelCheckEntry, ModelCheckInput } from './check';

export * from './check';
export * from './dmz-bypass';
export * from './conduit-no-control';
export * from './conduit-any-service';
export * from './remote-access-no-jump-host';
export * from './zone-no-assets';
export * from './zone-no-slt';
export * from './range-overlap';
export * from './conduit-slt-below-zone';
export * from './conduit-none-into-safety';

/** Every model check, in the order the checks panel lists them. */
export const MODEL_CHECKS = [
  dmzBypassCheck,
  conduitNoControlCheck,
  conduitAnyServiceCheck,
  remoteAccessNoJumpHostCheck,
  zoneNoAssetsCheck,
  zoneNoSltCheck,
  rangeOverlapCheck,
  conduitSltBelowZoneCheck,
  conduitNoneIntoSafetyCheck,
] as const;

export type ModelCheckId = (typeof MODEL_CHECKS)[number]['id'];

export const MODEL_CHECK_IDS: readonly ModelCheckId[] = MODEL_CHECKS.map((check) => check.id);

const BY_ID = new Map<string, ModelCheck<ModelCheckId>>(MODEL_CHECKS.map((check) => [check.id, check]));

/** The check with this id; undefined for an id this build does not know (results passed in). */
export function modelCheckOf(id: string): ModelCheck<ModelCheckId> | undefined {
  return BY_ID.get(id);
}

export function modelCheckLabel(id: ModelCheckId): string {
  return BY_ID.get(id)!.label;
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Every model check, most severe first. */
export function runModelChecks(input: ModelCheckInput): ModelCheckEntry[] {
  return MODEL_CHECKS.flatMap((check) => check.run(input)).sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}
