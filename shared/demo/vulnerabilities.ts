import { decodeIndex, matchAssets, reconcileVulnerabilities } from '../advisories';
import { applyDecision, type AssessmentData, type DecisionInput, type Vulnerability } from '../model';

/** The bundled advisory index and the KEV catalog's CVE ids, as the Vulnerabilities workspace loads them. */
export interface DemoAdvisorySource {
  /** assets/advisories/index.json.gz (gzipped or already inflated). */
  index: Uint8Array;
  kev: readonly string[];
}

/** The decisions taken on the visit: by advisory, for the assets named (all matched ones when none). */
const DECISIONS: ReadonlyArray<{ advisoryId: string; assets?: readonly string[]; decision: DecisionInput }> =
  [
    // The pasteurisation PLCs get V2.9.7 in the March shutdown.
    { advisoryId: 'ICSA-23-257-01', decision: { decision: 'patch-now' } },
    {
      advisoryId: 'ICSA-23-257-05',
      assets: ['ews-siemens01'],
      decision: {
        decision: 'accept',
        acceptance: {
          reason:
            'The engineering station sits in the locked control room, is reached only through the jump host and ' +
            'is replaced with the TIA Portal V19 rollout.',
          owner: 'Automation lead',
          reviewDate: '2026-09-30',
        },
      },
    },
  ];

/**
 * Matches the demo's assets against the bundled advisory index, as "Match advisories" does, and
 * takes the visit's decisions: patch now on one advisory, accept and document on another.
 */
export function demoVulnerabilities(
  data: AssessmentData,
  source: DemoAdvisorySource,
  at: string,
  makeId: () => string,
): Vulnerability[] {
  const index = decodeIndex(source.index);
  const matches = matchAssets(index, new Set(source.kev), data.assets);
  if (!matches) return [];
  const { records } = reconcileVulnerabilities(data.assessment.id, [], matches, at, makeId);
  const assetName = new Map(data.assets.map((a) => [a.id, a.name]));
  return records.map((record) => {
    const rule = DECISIONS.find(
      (d) =>
        d.advisoryId === record.advisoryId &&
        (!d.assets || d.assets.includes(assetName.get(record.assetId) ?? '')),
    );
    return rule ? applyDecision(record, rule.decision, at) : record;
  });
}
