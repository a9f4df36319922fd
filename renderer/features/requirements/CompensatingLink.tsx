import { useLiveQuery } from 'dexie-react-hooks';
import type { Answer } from '../../../shared/model';
import { linkCompensation, listCountermeasures } from '../../db/risk';
import { notify } from '../../ui/notices';

/** Which countermeasure of the Risk register a compensating-control answer stands on. */
export function CompensatingLink({ answer }: { answer: Answer }) {
  const countermeasures = useLiveQuery(() => listCountermeasures(answer.assessmentId), [answer.assessmentId]);
  if (!countermeasures) return null;
  const linked = countermeasures.find((c) =>
    c.compensates.some((a) => a.zoneId === answer.zoneId && a.itemId === answer.itemId),
  );
  return (
    <label className="field">
      <span className="field-label">Countermeasure (Risk register)</span>
      <select
        className="select"
        value={linked?.id ?? ''}
        onChange={(e) =>
          void linkCompensation(answer.assessmentId, answer, e.target.value || null).catch((error: Error) =>
            notify('error', 'The link to the countermeasure was not saved', [error.message]),
          )
        }
      >
        <option value="">{countermeasures.length === 0 ? 'None in the register yet' : 'Not linked'}</option>
        {countermeasures
          .filter((c) => c.status !== 'rejected')
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
      </select>
    </label>
  );
}
