import { conduitSchema, type Conduit } from '../../shared/model';
import { db } from './index';

export function listConduits(assessmentId: string): Promise<Conduit[]> {
  return db().conduits.where({ assessmentId }).toArray();
}

export function validateConduit(conduit: Conduit): Conduit {
  return conduitSchema.parse(conduit);
}
