import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Overview, OverviewInput } from '../../../../shared/findings';
import type { Assessment } from '../../../../shared/model';
import { db } from '../../../db';
import { connect, isCancelled } from '../../../workers/channel';
import type { OverviewHandlers } from '../../../workers/overview.worker';

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

/** Computes the figures in a Worker; `cancel` ends it. */
function computeOverview(input: OverviewInput): { result: Promise<Overview>; cancel(): void } {
  const worker = connect<OverviewHandlers>(
    new Worker(new URL('../../../workers/overview.worker.ts', import.meta.url), { type: 'module' }),
    { peer: 'the overview' },
  );
  const result = worker.call('overview', input).finally(() => worker.close());
  return { result, cancel: () => worker.close() };
}

export type OverviewState = { overview: Overview | null; error: string | null };

/** The Overview's figures, recomputed whenever a record they depend on changes. */
export function useOverview(assessment: Assessment): OverviewState {
  const records = useLiveQuery(() => loadRecords(assessment.id), [assessment.id]);
  const [state, setState] = useState<OverviewState>({ overview: null, error: null });
  useEffect(() => {
    if (!records) return;
    const run = computeOverview({ assessment, ...records });
    let current = true;
    run.result.then(
      (overview) => {
        if (current) setState({ overview, error: null });
      },
      (error: unknown) => {
        // A cancelled run was replaced by a newer one.
        if (current && !isCancelled(error)) setState({ overview: null, error: (error as Error).message });
      },
    );
    return () => {
      current = false;
      run.cancel();
    };
    // The assessment's own fields (name, dates) change nothing here but the catalogue and finding settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [records, assessment.catalogueVersion, assessment.findingSettings]);
  return state;
}
