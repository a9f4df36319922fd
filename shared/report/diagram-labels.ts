import { FR_IDS } from '../model/common';
import type { Conduit } from '../model/conduit';
import type { SecurityLevelTarget } from '../model/zone';

/** "SL-T 2 · FR3 3 · FR5 3": the base level and each per-FR override that differs from it. */
export function sltLabel(slt: SecurityLevelTarget): string {
  const overrides = FR_IDS.filter(
    (fr) => slt.overrides[fr] !== undefined && slt.overrides[fr] !== slt.base,
  ).map((fr) => `${fr} ${slt.overrides[fr]}`);
  return [`SL-T ${slt.base ?? '–'}`, ...overrides].join(' · ');
}

/** A conduit's label on the diagram: its services ("Modbus/TCP, tcp/443"), or "no services" when none. */
export function conduitLabel(conduit: Pick<Conduit, 'services'>): string {
  if (conduit.services.length === 0) return 'no services';
  const names = conduit.services.map((s) => s.protocol.trim() || `${s.transport}/${s.ports || 'any'}`);
  return [...new Set(names)].join(', ');
}

/** The Purdue level a diagram page groups a zone under ("Level 3.5", or "No Purdue level"). */
export function purdueGroup(level: number | null): string {
  return level === null ? 'No Purdue level' : `Purdue level ${level}`;
}
