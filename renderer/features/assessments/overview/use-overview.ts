import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { assessmentOverview, type Overview, type OverviewInput } from '../../../../shared/findings';
import type { Assessment } from '../../../../shared/model';
import { db } from '../../../db';

type Records = Omit<OverviewInput, 'assessment'>;

/** The assessment's records the Overview reads, live; one transaction so the counts agree. */
function loadRecords(assessmentId: string): Promise<Records> {
  const d = db();
  const where = { assessmentId };
  const tables = [
    d.zones,
    d.conduits,
    d.assets,
    d.answers,
    d.connections,
    d.flows,
    d.triage,
    d.triageRules,
    d.findings,
    d.vulnerabilities,
    d.zoneRisks,
    d.riskMethods,
  ];
  return d.transaction('r', tables, async () => {
    const [zones, conduits, assets, answers, connections, flows] = await Promise.all([
      d.zones.where(where).toArray(),
      d.conduits.where(where).toArray(),
      d.assets.where(where).toArray(),
      d.answers.where(where).toArray(),
      d.connections.where(where).toArray(),
      d.flows.where(where).toArray(),
    ]);
    const [triage, triageRules, findings, vulnerabilities, zoneRisks, riskMethods] = await Promise.all([
      d.triage.where(where).toArray(),
      d.triageRules.where(where).toArray(),
      d.findings.where(where).toArray(),
      d.vulnerabilities.where(where).toArray(),
      d.zoneRisks.where(where).toArray(),
      d.riskMethods.where(where).toArray(),
    ]);
    return {
      zones,
      conduits,
      assets,
      answers,
      connections,
      flows,
      triage,
      triageRules,
      findings,
      vulnerabilities,
      zoneRisks,
      riskMethods,
    };
  });
}

/** The Overview's figures, recomputed (pure, in a memo) whenever a record they depend on changes. */
export function useOverview(assessment: Assessment): Overview | null {
  const records = useLiveQuery(() => loadRecords(assessment.id), [assessment.id]);
  return useMemo(
    () => (records ? assessmentOverview({ assessment, ...records }) : null),
    // The assessment's own fields (name, dates) change nothing here but the catalogue and finding settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, assessment.catalogueVersion, assessment.findingSettings],
  );
}
