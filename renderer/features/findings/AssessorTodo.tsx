import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { catalogueOf } from '../../../shared/catalogue';
import { assessorTodo } from '../../../shared/findings';
import type { Assessment } from '../../../shared/model';
import { db } from '../../db';

const SHOWN = 12;

/** What the assessor still has to do before the report is complete; never part of the findings. */
export function AssessorTodo({ assessment }: { assessment: Assessment }) {
  const zones = useLiveQuery(
    () => db().zones.where({ assessmentId: assessment.id }).toArray(),
    [assessment.id],
  );
  const answers = useLiveQuery(
    () => db().answers.where({ assessmentId: assessment.id }).toArray(),
    [assessment.id],
  );
  const todo = useMemo(
    () =>
      zones && answers
        ? assessorTodo(catalogueOf(assessment.catalogueVersion).catalogue, zones, answers)
        : null,
    [zones, answers, assessment.catalogueVersion],
  );
  if (!todo) return <p className="findings-empty">Loading…</p>;
  if (todo.length === 0)
    return (
      <p className="findings-empty" data-testid="assessor-todo-done">
        Every required item of every zone is assessed, and no answers contradict each other.
      </p>
    );
  const open = todo.reduce((n, t) => n + t.notAssessed.length, 0);
  return (
    <div className="assessor-todo" data-testid="assessor-todo">
      <p className="findings-hint">
        Your open work: {open} required {open === 1 ? 'item' : 'items'} not assessed in {todo.length}{' '}
        {todo.length === 1 ? 'zone' : 'zones'}. These are not findings; the report lists them under
        “Assessment coverage and limitations”.
      </p>
      {todo.map((t) => (
        <section key={t.zone.id} className="assessor-todo-zone" aria-label={t.zone.name}>
          <h3>
            {t.zone.name}{' '}
            <span className="findings-summary">
              {t.answered}/{t.required} assessed
            </span>
          </h3>
          {t.conflicts.length > 0 && (
            <ul className="assessor-todo-conflicts">
              {t.conflicts.map((c) => (
                <li key={c.itemId}>
                  {c.itemId} is marked not applicable while {c.sr} is {c.srOutcome.replace('-', ' ')}.
                </li>
              ))}
            </ul>
          )}
          {t.notAssessed.length > 0 && (
            <p className="assessor-todo-items">
              Not assessed:{' '}
              {t.notAssessed
                .slice(0, SHOWN)
                .map((item) => `${item.id} ${item.title}`)
                .join('; ')}
              {t.notAssessed.length > SHOWN && ` and ${t.notAssessed.length - SHOWN} more`}.
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
