import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import {
  applyTriageRules,
  migrateTriageKeys,
  reconcile,
  withTriage,
  type AppliedTriage,
  type Candidate,
  type ReconcileResult,
} from '../../../shared/network';
import type {
  Asset,
  Conduit,
  Connection,
  Flow,
  ImportBatch,
  Triage,
  TriageRule,
  Zone,
} from '../../../shared/model';
import { db } from '../../db';
import {
  listCaptureBatches,
  listConnections,
  listFlows,
  listTriage,
  storeMigratedTriage,
} from '../../db/connections';
import { listConduits } from '../../db/conduits';
import { listTriageRules } from '../../db/triage-rules';
import { listZones } from '../../db/zones';

export type CandidateRow = Candidate & { triage: AppliedTriage | null };

export interface ConnectionsData {
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
  flows: Flow[];
  /** The assessor's own decisions, as stored. */
  triage: Triage[];
  rules: TriageRule[];
  connections: Connection[];
  batches: ImportBatch[];
  reconciliation: ReconcileResult;
  /** Each candidate with the decision in force: the assessor's, else a rule's. */
  candidates: CandidateRow[];
}

/** Everything the Connections workspace shows, live from IndexedDB, with the reconciliation. */
export function useConnectionsData(assessmentId: string): ConnectionsData | null {
  const zones = useLiveQuery(() => listZones(assessmentId), [assessmentId]);
  const conduits = useLiveQuery(() => listConduits(assessmentId), [assessmentId]);
  const assets = useLiveQuery(() => db().assets.where({ assessmentId }).toArray(), [assessmentId]);
  const flows = useLiveQuery(() => listFlows(assessmentId), [assessmentId]);
  const triage = useLiveQuery(() => listTriage(assessmentId), [assessmentId]);
  const rules = useLiveQuery(() => listTriageRules(assessmentId), [assessmentId]);
  const connections = useLiveQuery(() => listConnections(assessmentId), [assessmentId]);
  const batches = useLiveQuery(() => listCaptureBatches(assessmentId), [assessmentId]);
  const reconciliation = useMemo(
    () => (zones && conduits && assets && flows ? reconcile({ zones, conduits, assets, flows }) : null),
    [zones, conduits, assets, flows],
  );
  const candidates = useMemo(
    () =>
      reconciliation && triage && rules
        ? withTriage(reconciliation.candidates, applyTriageRules(reconciliation.candidates, triage, rules))
        : null,
    [reconciliation, triage, rules],
  );
  // Decisions stored under an earlier key format are re-keyed once, so they stay with their flow.
  useEffect(() => {
    if (!reconciliation || !triage) return;
    const migrated = migrateTriageKeys(reconciliation.candidates, triage);
    if (migrated.length > 0) void storeMigratedTriage(migrated);
  }, [reconciliation, triage]);
  if (!zones || !conduits || !assets || !flows || !triage || !connections || !batches) return null;
  if (!reconciliation || !candidates || !rules) return null;
  return { zones, conduits, assets, flows, triage, rules, connections, batches, reconciliation, candidates };
}
