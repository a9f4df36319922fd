import { FR_IDS } from '../../../../shared/model';
import type { Overview } from '../../../../shared/findings';
import type { Progress } from '../../../../shared/catalogue';
import { WorkspaceLink } from './WorkspaceLink';

function Cell({ progress }: { progress: Progress }) {
  if (progress.required === 0) return <td className="completion-none">–</td>;
  const done = progress.answered === progress.required;
  const ratio = progress.answered / progress.required;
  return (
    <td
      className={done ? 'completion-done' : ratio === 0 ? 'completion-empty' : 'completion-partial'}
      title={`${progress.answered} of ${progress.required} required items answered`}
    >
      {progress.answered}/{progress.required}
    </td>
  );
}

/** Answered / required per zone and FR; each zone opens in Requirements. */
export function CompletionCard({ assessmentId, overview }: { assessmentId: string; overview: Overview }) {
  const percent = overview.required === 0 ? 0 : Math.floor((overview.answered / overview.required) * 100);
  return (
    <section className="overview-card overview-wide" aria-labelledby="completion-title">
      <h2 id="completion-title">Requirements completion</h2>
      <p className="overview-figure" data-testid="completion-total">
        {overview.answered} of {overview.required} required items answered ({percent}%)
      </p>
      {overview.completion.length === 0 ? (
        <p className="hint">No zones yet: draw them in the Diagram.</p>
      ) : (
        <div className="completion-scroll">
          <table className="completion-table">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                {FR_IDS.map((fr) => (
                  <th key={fr} scope="col">
                    {fr}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {overview.completion.map((zone) => (
                <tr key={zone.zoneId} data-testid="completion-row">
                  <th scope="row">
                    <WorkspaceLink
                      assessmentId={assessmentId}
                      workspace="requirements"
                      focus={{ zoneId: zone.zoneId }}
                    >
                      {zone.name}
                    </WorkspaceLink>
                  </th>
                  {FR_IDS.map((fr) => (
                    <Cell key={fr} progress={zone.perFr[fr]} />
                  ))}
                  <Cell progress={zone.total} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
