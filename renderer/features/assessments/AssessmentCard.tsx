import { Link } from 'wouter';
import type { Assessment } from '../../../shared/model';
import { formatDate, formatDateTime } from '../../ui/format';

function formatDates(a: Assessment): string {
  if (a.startDate && a.endDate && a.startDate !== a.endDate)
    return `${formatDate(a.startDate)} → ${formatDate(a.endDate)}`;
  const one = a.startDate ?? a.endDate;
  return one ? formatDate(one) : 'no dates';
}

export interface CardActions {
  rename(a: Assessment): void;
  duplicate(a: Assessment): void;
  toggleArchive(a: Assessment): void;
  exportFile(a: Assessment): void;
  remove(a: Assessment): void;
}

export function AssessmentCard({ assessment, actions }: { assessment: Assessment; actions: CardActions }) {
  const edited = formatDateTime(assessment.updatedAt);
  return (
    <li className="assessment-card" data-testid="assessment-card" data-assessment-id={assessment.id}>
      <div className="assessment-card-main">
        <div className="assessment-card-title">
          <Link href={`/a/${assessment.id}/overview`}>{assessment.title}</Link>{' '}
          {assessment.status === 'archived' && <span className="badge">Archived</span>}
        </div>
        <div className="assessment-card-meta">
          {assessment.client} · {assessment.site} · {formatDates(assessment)}
          {assessment.assessors.length > 0 && <> · {assessment.assessors.join(', ')}</>} · edited {edited}
        </div>
      </div>
      <div className="assessment-card-actions" aria-label={`Actions for ${assessment.title}`} role="group">
        <button type="button" className="button button-small" onClick={() => actions.rename(assessment)}>
          Rename
        </button>
        <button type="button" className="button button-small" onClick={() => actions.duplicate(assessment)}>
          Duplicate
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => actions.toggleArchive(assessment)}
        >
          {assessment.status === 'archived' ? 'Unarchive' : 'Archive'}
        </button>
        <button type="button" className="button button-small" onClick={() => actions.exportFile(assessment)}>
          Export
        </button>
        <button
          type="button"
          className="button button-small button-ghost"
          onClick={() => actions.remove(assessment)}
          style={{ color: 'var(--danger)' }}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
