import { zoneSchema, type Zone } from '../../shared/model';
import { db } from './index';

export function listZones(assessmentId: string): Promise<Zone[]> {
  return db().zones.where({ assessmentId }).toArray();
}

/** Validates each zone before it is written; throws a ZodError naming the field on bad input. */
export function validateZone(zone: Zone): Zone {
  return zoneSchema.parse(zone);
}
