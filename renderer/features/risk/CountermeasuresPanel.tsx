import { useState } from 'react';
import type { AssessmentData } from '../../../shared/model';
import type { RiskResult } from '../../../shared/risk';
import { CountermeasureEditor } from './CountermeasureEditor';
import { CountermeasureRegister } from './CountermeasureRegister';
import { NewCountermeasure } from './NewCountermeasure';

interface Props {
  assessmentId: string;
  data: AssessmentData;
  result: RiskResult;
}

/** The countermeasures step: a form to add one, the register, and the editor of the one being edited. */
export function CountermeasuresPanel({ assessmentId, data, result }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const edited = data.countermeasures.find((c) => c.id === editing);
  return (
    <>
      <NewCountermeasure assessmentId={assessmentId} data={data} />
      <CountermeasureRegister data={data} result={result} onEdit={setEditing} />
      {edited && (
        <CountermeasureEditor
          countermeasure={edited}
          data={data}
          result={result}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
