import type { Page } from '@playwright/test';
import { emptyRiskRecords, type AssessmentData } from '../../shared/model';
import { richAssessment } from '../fixtures/rich-assessment';
import { importAndOpen } from './import-file';

interface RichPlantOptions {
  /** The plant before any risk work (no scope, ratings, scenarios or countermeasures). */
  withoutRisk?: boolean;
  /** With `withoutRisk`: keep the fixture's triage (else its dismissed S7comm-plus flow is suggested). */
  keepTriage?: boolean;
}

/**
 * Imports the rich plant (accents, many zones, evidence) from the home page as a user picks the
 * file, opens it in one workspace, and returns what was imported.
 */
export async function openRichPlant(
  page: Page,
  workspace: string,
  { withoutRisk = false, keepTriage = false }: RichPlantOptions = {},
): Promise<AssessmentData> {
  const base = await richAssessment();
  const rich = withoutRisk ? { ...base, ...emptyRiskRecords(), triage: keepTriage ? base.triage : [] } : base;
  await importAndOpen(page, rich, rich.assessment.title);
  await page.getByRole('navigation', { name: 'Workspaces' }).getByRole('link', { name: workspace }).click();
  return rich;
}

/** The rich plant with no risk records yet, in its Risk workspace. */
export function openRichPlantRisk(page: Page, { keepTriage = false } = {}): Promise<AssessmentData> {
  return openRichPlant(page, 'Risk', { withoutRisk: true, keepTriage });
}
