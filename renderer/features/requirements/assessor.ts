import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { nowIso, type Assessment } from '../../../shared/model';
import { db } from '../../db';
import { trackSave } from '../../db/save-status';

const settingKey = (assessmentId: string) => `requirements.assessor:${assessmentId}`;

/**
 * Who is answering: one of the assessment's assessors, remembered per assessment in the settings
 * table. Falls back to the first assessor; null when the assessment lists none.
 */
export function useCurrentAssessor(assessment: Assessment): [string | null, (name: string) => void] {
  const stored = useLiveQuery(
    () =>
      db()
        .settings.get(settingKey(assessment.id))
        .then((record) => record?.value ?? null),
    [assessment.id],
  );
  const remembered = typeof stored === 'string' && assessment.assessors.includes(stored) ? stored : null;
  const current = remembered ?? assessment.assessors[0] ?? null;
  const choose = useCallback(
    (name: string) => {
      void trackSave(db().settings.put({ key: settingKey(assessment.id), value: name, updatedAt: nowIso() }));
    },
    [assessment.id],
  );
  return [current, choose];
}
