import {
  CONDUIT_CONTROLS,
  type Conduit,
  type ConduitControl,
  type ConduitService,
  type Zone,
  type ZoneKind,
} from '../model';
import { DEFAULT_PURDUE_LEVEL } from './zone-style';

/** Pure edits behind the properties panel's fields. */

/** A zone's new kind, with the new kind's usual Purdue level unless the assessor chose another. */
export function zoneKindPatch(zone: Pick<Zone, 'kind' | 'purdueLevel'>, kind: ZoneKind): Partial<Zone> {
  const keepLevel = zone.purdueLevel !== DEFAULT_PURDUE_LEVEL[zone.kind];
  return { kind, purdueLevel: keepLevel ? zone.purdueLevel : DEFAULT_PURDUE_LEVEL[kind] };
}

/** A conduit's controls with one turned on or off, kept in the catalogue's order. */
export function withControl(
  controls: readonly ConduitControl[],
  control: ConduitControl,
  on: boolean,
): ConduitControl[] {
  return on
    ? CONDUIT_CONTROLS.filter((c) => c === control || controls.includes(c))
    : controls.filter((c) => c !== control);
}

/** The same conduit running the other way. */
export function reversedPatch(conduit: Pick<Conduit, 'fromZoneId' | 'toZoneId'>): Partial<Conduit> {
  return { fromZoneId: conduit.toZoneId, toZoneId: conduit.fromZoneId };
}

/** A service list with the one at `index` replaced, or removed when `next` is null. */
export function replaceService(
  services: readonly ConduitService[],
  index: number,
  next: ConduitService | null,
): ConduitService[] {
  return next === null
    ? services.filter((_, i) => i !== index)
    : services.map((s, i) => (i === index ? next : s));
}

/** Text with one entry a line (or separated by commas or semicolons) as its entries, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}
