import { AdvisoryMatcher, reconcileVulnerabilities } from '../../../../shared/advisories';
import { withCurrentFindings } from '../../../../shared/findings';
import { applyDecision, type AssessmentData } from '../../../../shared/model';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { shippedIndex } from '../advisories/helpers';

const T1 = '2026-03-05T10:00:00.000Z';

/** The rich assessment matched against the shipped advisories, one KEV entry, one match accepted. */
export async function assessedWithVulnerabilities(): Promise<AssessmentData> {
  const data = await richAssessment();
  const matcher = new AdvisoryMatcher(shippedIndex().advisories, new Set(['CVE-2023-28831']));
  let n = 0;
  const { records } = reconcileVulnerabilities(
    data.assessment.id,
    [],
    new Map(data.assets.map((a) => [a.id, matcher.match(a)])),
    T1,
    () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  );
  const vulnerabilities = records.map((v) =>
    v.advisoryId === 'ICSA-23-257-01'
      ? applyDecision(
          v,
          {
            decision: 'accept',
            acceptance: {
              reason: 'Line 3 is replaced in August',
              owner: 'J. Weber',
              reviewDate: '2026-09-01',
            },
          },
          T1,
        )
      : v,
  );
  return withCurrentFindings({ ...data, vulnerabilities }, new Date(T1));
}
