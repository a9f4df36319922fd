import type { FrEvaluation, ZoneEvaluation } from '../../../shared/catalogue';
import { formatVector } from '../../../shared/catalogue';
import { formatSlt, type Answer, type FrId, type Zone } from '../../../shared/model';
import { plural } from '../../ui/format';
import { ChartLegend, LevelChart } from './LevelChart';

/** A zone's levels and progress: SL-T, SL-A and gap vectors, the chart, what is provisional or in conflict. */
export function ZoneSummary({ zone, evaluation }: { zone: Zone; evaluation: ZoneEvaluation<Answer> }) {
  const { zone: progress } = evaluation.progress;
  return (
    <section className="req-summary" aria-label="Levels and progress">
      <div>
        <h2>{zone.name}</h2>
        <p className="req-muted" data-testid="zone-progress">
          {progress.answered} of {progress.required} required items answered
          {evaluation.outOfScope.length > 0 &&
            ` · ${plural(evaluation.outOfScope.length, 'answer')} out of scope, kept`}
        </p>
        {evaluation.provisional && (
          <p className="req-muted" data-testid="sla-provisional">
            SL-A is provisional: {evaluation.coverage.notAssessed} required{' '}
            {evaluation.coverage.notAssessed === 1 ? 'item is' : 'items are'} not assessed yet.
          </p>
        )}
        {evaluation.conflicts.length > 0 && (
          <ul className="req-conflicts" data-testid="answer-conflicts">
            {evaluation.conflicts.map((conflict) => (
              <li key={conflict.itemId}>
                {conflict.itemId} is marked not applicable, but its base requirement {conflict.sr} is{' '}
                {conflict.srOutcome.replace('-', ' ')}: check both answers.
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="req-vectors mono">
        <span data-testid="slt-vector">{formatSlt(zone.slt)}</span>
        <span data-testid="sla-vector">{formatVector('SL-A', evaluation.achieved)}</span>
        <span data-testid="gap-vector">{formatVector('Gap', evaluation.gap)}</span>
      </div>
      <div className="req-chart">
        <LevelChart target={evaluation.target} achieved={evaluation.achieved} large />
        <ChartLegend />
      </div>
    </section>
  );
}

/** One tab per FR with its progress, and "All FRs". */
export function FrTabs({
  perFr,
  value,
  onChange,
}: {
  perFr: FrEvaluation[];
  value: FrId | 'all';
  onChange: (fr: FrId | 'all') => void;
}) {
  return (
    <div className="req-fr-tabs" role="group" aria-label="Foundational requirement">
      <button
        type="button"
        className="button button-small"
        aria-pressed={value === 'all'}
        onClick={() => onChange('all')}
      >
        All FRs
      </button>
      {perFr.map((fr) => (
        <button
          key={fr.fr}
          type="button"
          className="button button-small"
          aria-pressed={value === fr.fr}
          onClick={() => onChange(fr.fr)}
          title={fr.name}
        >
          {fr.fr} {fr.short}{' '}
          <span className="req-tab-progress">
            {fr.progress.answered}/{fr.progress.required}
          </span>
        </button>
      ))}
    </div>
  );
}
