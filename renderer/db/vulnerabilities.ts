import { reconcileVulnerabilities, type AdvisoryMatch, type ReconcileResult } from '../../shared/advisories';
import { applyDecision, nowIso, type DecisionInput, type Vulnerability } from '../../shared/model';
import { db } from './index';
import { trackSave } from './save-status';

export async function listVulnerabilities(assessmentId: string): Promise<Vulnerability[]> {
  return db().vulnerabilities.where({ assessmentId }).toArray();
}

/** Stores a matching run in one transaction: decisions stay, undecided matches that are gone go. */
export async function storeMatches(
  assessmentId: string,
  matches: ReadonlyMap<string, readonly AdvisoryMatch[]>,
): Promise<ReconcileResult> {
  const database = db();
  return trackSave(
    database.transaction('rw', database.vulnerabilities, async () => {
      const existing = await database.vulnerabilities.where({ assessmentId }).toArray();
      const result = reconcileVulnerabilities(assessmentId, existing, matches, nowIso());
      await database.vulnerabilities.bulkDelete(result.dropped);
      await database.vulnerabilities.bulkPut(result.records);
      return result;
    }),
  );
}

/** One decision for many matches at once (all land or none). */
export async function decideVulnerabilities(ids: readonly string[], input: DecisionInput): Promise<void> {
  const database = db();
  const now = nowIso();
  await trackSave(
    database.transaction('rw', database.vulnerabilities, async () => {
      const records = (await database.vulnerabilities.bulkGet([...ids])).filter(
        (r): r is Vulnerability => !!r,
      );
      await database.vulnerabilities.bulkPut(records.map((r) => applyDecision(r, input, now)));
    }),
  );
}
