import { newId, type Asset, type Vulnerability } from '../model';
import type { AdvisoryMatch } from './match';

export interface ReconcileResult {
  /** Every record to keep, refreshed: new matches, matches seen again, and stale decisions. */
  records: Vulnerability[];
  added: number;
  refreshed: number;
  /** Decided records whose advisory no longer matches: kept, marked stale. */
  stale: number;
  /** Undecided records whose advisory no longer matches: dropped. */
  dropped: string[];
}

function remediationOf(match: AdvisoryMatch): string {
  const fix = match.remediations.find((r) => r.kind === 'vendor_fix') ?? match.remediations[0];
  return fix ? fix.text : '';
}

/**
 * Merges fresh matches into the stored records of one assessment. The match fields follow the
 * matcher; the assessor's decision is never touched. A decided record that no longer matches is
 * kept and marked stale; an undecided one is dropped.
 */
export function reconcileVulnerabilities(
  assessmentId: string,
  existing: readonly Vulnerability[],
  matches: ReadonlyMap<string, readonly AdvisoryMatch[]>,
  now: string,
  makeId: () => string = newId,
): ReconcileResult {
  const byKey = new Map(existing.map((record) => [`${record.assetId}|${record.advisoryId}`, record]));
  const seen = new Set<string>();
  const records: Vulnerability[] = [];
  let added = 0;
  let refreshed = 0;
  for (const [assetId, list] of matches) {
    for (const match of list) {
      const key = `${assetId}|${match.advisoryId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const before = byKey.get(key);
      const fields = {
        title: match.title,
        cves: match.cves,
        cvss: match.cvss,
        kev: match.kevCves.length > 0,
        status: match.status,
        confidence: match.confidence,
        why: match.why,
        remediation: remediationOf(match),
        stale: false,
        matchedAt: now,
      };
      if (before) {
        refreshed++;
        records.push({ ...before, ...fields, updatedAt: now });
      } else {
        added++;
        records.push({
          id: makeId(),
          assessmentId,
          createdAt: now,
          updatedAt: now,
          assetId,
          advisoryId: match.advisoryId,
          ...fields,
          decision: null,
          mitigation: null,
          acceptance: null,
          decidedAt: null,
        });
      }
    }
  }
  let stale = 0;
  const dropped: string[] = [];
  for (const [key, record] of byKey) {
    if (seen.has(key)) continue;
    if (record.decision === null) dropped.push(record.id);
    else {
      stale++;
      records.push(record.stale ? record : { ...record, stale: true, updatedAt: now });
    }
  }
  return { records, added, refreshed, stale, dropped };
}

/** What the matcher reads of a stored asset. */
export function matchableOf(asset: Pick<Asset, 'vendor' | 'model' | 'firmware'>) {
  return { vendor: asset.vendor, model: asset.model, firmware: asset.firmware };
}
