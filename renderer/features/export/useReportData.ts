import { useEffect, useState } from 'react';
import { withCurrentFindings } from '../../../shared/findings';
import type { Assessment, AssessmentData } from '../../../shared/model';
import { loadAssessmentData } from '../../db/assessments';

/**
 * The assessment's data as the report sees it (findings brought up to date), reloaded whenever
 * the assessment record changes; null while loading.
 */
export function useReportData(assessment: Assessment): AssessmentData | null {
  const [data, setData] = useState<AssessmentData | null>(null);
  useEffect(() => {
    let live = true;
    void loadAssessmentData(assessment.id).then(
      (loaded) => live && setData(withCurrentFindings({ ...loaded, assessment })),
      () => live && setData(null),
    );
    return () => {
      live = false;
    };
  }, [assessment]);
  return data;
}
