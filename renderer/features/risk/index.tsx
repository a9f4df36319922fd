import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { emptyAssessmentData, type AssessmentData } from '../../../shared/model';
import { assessRisk, riskInputOf, suggestionsFor } from '../../../shared/risk';
import { loadRiskData } from '../../db/risk';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { CountermeasuresPanel } from './CountermeasuresPanel';
import { MatrixPanel } from './MatrixPanel';
import { ScenariosPanel } from './ScenariosPanel';
import { ScopePanel } from './ScopePanel';
import { ZonesPanel } from './ZonesPanel';
import { AttackLayerExport } from './AttackLayerExport';
import { RiskHistory } from './RiskHistory';
import './risk.css';
import { plural } from '../../ui/format';

const TABS = [
  ['scope', 'System under consideration'],
  ['zones', 'Consequence and SL-T'],
  ['scenarios', 'Scenarios'],
  ['countermeasures', 'Countermeasures'],
  ['matrix', 'Risk matrix'],
] as const;
type Tab = (typeof TABS)[number][0];

function RiskWorkspace({ assessment }: WorkspaceProps) {
  const stored = useLiveQuery(() => loadRiskData(assessment.id), [assessment.id]);
  const [tab, setTab] = useState<Tab>('scenarios');
  const data: AssessmentData | undefined = useMemo(
    () => (stored ? { ...emptyAssessmentData(assessment), ...stored } : undefined),
    [stored, assessment],
  );
  // Recomputed on every edit: the benchmark (npm run bench -- risk) keeps this well under a frame.
  const result = useMemo(() => (data ? assessRisk(riskInputOf(data)) : undefined), [data]);
  const suggestions = useMemo(() => (data ? suggestionsFor(data) : []), [data]);
  if (!data || !result) return <section className="workspace" aria-busy="true" />;
  const intolerable = result.scenarios.filter((s) => !s.tolerable).length;
  return (
    <section className="workspace risk-workspace" aria-labelledby="risk-title">
      <div className="risk-header">
        <h1 id="risk-title">Risk assessment</h1>
        <span className="risk-summary" data-testid="risk-summary">
          {plural(result.scenarios.length, 'scenario')}, {intolerable} above the tolerable line after
          countermeasures · {suggestions.length} suggested
        </span>
        <RiskHistory assessmentId={assessment.id} />
        <AttackLayerExport assessment={assessment} zones={data.zones} answers={data.answers} />
      </div>
      <div className="segmented risk-tabs" role="tablist" aria-label="Risk assessment steps">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`risk-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="risk-panel"
            className={tab === id ? 'active' : ''}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="risk-panel" role="tabpanel" aria-labelledby={`risk-tab-${tab}`} className="risk-panel">
        {tab === 'scope' && <ScopePanel assessmentId={assessment.id} data={data} />}
        {tab === 'zones' && <ZonesPanel assessmentId={assessment.id} data={data} result={result} />}
        {tab === 'scenarios' && (
          <ScenariosPanel
            assessmentId={assessment.id}
            data={data}
            result={result}
            suggestions={suggestions}
          />
        )}
        {tab === 'countermeasures' && (
          <CountermeasuresPanel assessmentId={assessment.id} data={data} result={result} />
        )}
        {tab === 'matrix' && <MatrixPanel assessmentId={assessment.id} data={data} />}
      </div>
    </section>
  );
}

export const riskWorkspace: WorkspaceDefinition = {
  id: 'risk',
  label: 'Risk',
  component: RiskWorkspace,
};
