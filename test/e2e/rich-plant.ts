import type { Page } from '@playwright/test';
import { emptyRiskRecords, type AssessmentData } from '../../shared/model';
import { richAssessment } from '../fixtures/rich-assessment';
import { importAndOpen } from './import-file';

/**
 * Imports the rich plant (accents, many zones) with no risk records yet, and opens its Risk
 * workspace. Without its triage too, unless kept: the S7comm-plus flow the fixture dismissed then
 * stays undocumented and is suggested as a scenario.
 */
export async function openRichPlantRisk(page: Page, { keepTriage = false } = {}): Promise<AssessmentData> {
  const base = await richAssessment();
  const rich = { ...base, ...emptyRiskRecords(), triage: keepTriage ? base.triage : [] };
  await importAndOpen(page, rich, rich.assessment.title);
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: 'Risk' }).click();
  return rich;
}
