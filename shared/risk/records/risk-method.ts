import { z } from 'zod';
import { recordBase } from '../../model/common';
import { defineRecordType } from './record-type';

/** The impact categories a zone's worst-case consequence is rated in (IEC 62443-3-2 ZCR 2). */
export const IMPACT_CATEGORIES = ['safety', 'environment', 'production', 'reputation'] as const;
export type ImpactCategory = (typeof IMPACT_CATEGORIES)[number];
export const IMPACT_CATEGORY_LABELS: Record<ImpactCategory, string> = {
  safety: 'Health and safety',
  environment: 'Environment',
  production: 'Production and financial',
  reputation: 'Reputation and regulatory',
};

const label = z.string().trim().min(1, 'a level needs a label').max(100);

export const likelihoodLevelSchema = z.object({ label, description: z.string().max(2000).default('') });
export const consequenceLevelSchema = z.object({
  label,
  /** What this level means in each impact category, in the client's terms. */
  descriptions: z.partialRecord(z.enum(IMPACT_CATEGORIES), z.string().max(2000)).default({}),
});
export const riskLevelSchema = z.object({ label });

const MAX_LEVELS = 7;

/**
 * The risk method of one assessment: the likelihood and consequence scales, the risk matrix
 * (rows by likelihood, columns by consequence, each cell a risk level, 1 = lowest) and the
 * tolerable-risk line (the highest risk level the asset owner tolerates).
 */
export const riskMethodSchema = z
  .object({
    ...recordBase,
    likelihoodLevels: z.array(likelihoodLevelSchema).min(2).max(MAX_LEVELS),
    consequenceLevels: z.array(consequenceLevelSchema).min(2).max(MAX_LEVELS),
    riskLevels: z.array(riskLevelSchema).min(2).max(MAX_LEVELS),
    matrix: z.array(z.array(z.number().int().min(1).max(MAX_LEVELS))),
    tolerableLevel: z.number().int().min(1).max(MAX_LEVELS),
  })
  .superRefine((method, ctx) => {
    for (const problem of matrixProblems(method)) ctx.addIssue({ code: 'custom', ...problem });
  });
export type RiskMethod = z.infer<typeof riskMethodSchema>;
export type RiskMatrixShape = Pick<
  RiskMethod,
  'likelihoodLevels' | 'consequenceLevels' | 'riskLevels' | 'matrix' | 'tolerableLevel'
>;

/** What is wrong with a matrix, in words: its shape, its values, its monotony and its tolerable line. */
export function matrixProblems(method: RiskMatrixShape): { message: string; path: (string | number)[] }[] {
  const problems: { message: string; path: (string | number)[] }[] = [];
  const rows = method.likelihoodLevels.length;
  const columns = method.consequenceLevels.length;
  const levels = method.riskLevels.length;
  if (method.matrix.length !== rows)
    problems.push({
      message: `the matrix needs one row per likelihood level (${rows}), it has ${method.matrix.length}`,
      path: ['matrix'],
    });
  method.matrix.forEach((row, l) => {
    if (row.length !== columns)
      problems.push({
        message: `likelihood "${method.likelihoodLevels[l]?.label ?? l + 1}" needs one cell per consequence level (${columns}), it has ${row.length}`,
        path: ['matrix', l],
      });
    row.forEach((cell, c) => {
      if (cell > levels)
        problems.push({
          message: `risk level ${cell} does not exist (there are ${levels})`,
          path: ['matrix', l, c],
        });
      const left = row[c - 1];
      const below = method.matrix[l - 1]?.[c];
      if ((left !== undefined && cell < left) || (below !== undefined && cell < below))
        problems.push({
          message: 'a higher likelihood or consequence cannot give a lower risk',
          path: ['matrix', l, c],
        });
    });
  });
  const scales = [
    ['likelihoodLevels', 'likelihood', method.likelihoodLevels],
    ['consequenceLevels', 'consequence', method.consequenceLevels],
    ['riskLevels', 'risk', method.riskLevels],
  ] as const;
  for (const [key, name, scale] of scales) {
    const seen = new Set<string>();
    scale.forEach((level, i) => {
      const label = level.label.trim().toLowerCase();
      if (label && seen.has(label))
        problems.push({
          message: `two ${name} levels are both called "${level.label.trim()}": each level needs its own label`,
          path: [key, i, 'label'],
        });
      seen.add(label);
    });
  }
  if (method.tolerableLevel > levels)
    problems.push({
      message: `the tolerable line is at risk level ${method.tolerableLevel} but there are only ${levels} levels`,
      path: ['tolerableLevel'],
    });
  return problems;
}

const LIKELIHOOD_DEFAULTS: [string, string][] = [
  ['Rare', 'Not expected during the life of the system.'],
  ['Unlikely', 'Could happen during the life of the system; no known attempts in the sector.'],
  ['Possible', 'Known to happen in the sector; the entry vector exists but needs effort.'],
  ['Likely', 'Expected within a few years; the entry vector is exposed and known.'],
  ['Almost certain', 'Expected within a year; the entry vector is open and actively used.'],
];

const CONSEQUENCE_DEFAULTS: [string, Record<string, string>][] = [
  [
    'Negligible',
    {
      safety: 'No injury.',
      environment: 'No release.',
      production: 'Under an hour of lost production; negligible cost.',
      reputation: 'Known inside the site only.',
    },
  ],
  [
    'Minor',
    {
      safety: 'First-aid injury.',
      environment: 'Release contained on site.',
      production: 'Up to a shift lost.',
      reputation: 'Local complaint.',
    },
  ],
  [
    'Moderate',
    {
      safety: 'Lost-time injury.',
      environment: 'Reportable release with short-term effect.',
      production: 'Up to a day lost, or damage to equipment.',
      reputation: 'Regulator notified; regional news.',
    },
  ],
  [
    'Major',
    {
      safety: 'Permanent disability or one fatality.',
      environment: 'Off-site release with lasting damage.',
      production: 'Up to a week lost, or a major unit damaged.',
      reputation: 'National news; enforcement action.',
    },
  ],
  [
    'Severe',
    {
      safety: 'Several fatalities, on or off site.',
      environment: 'Widespread, long-term damage.',
      production: 'More than a month lost, or the plant destroyed.',
      reputation: 'Licence to operate at risk.',
    },
  ],
];

export const DEFAULT_RISK_LEVELS = ['Low', 'Medium', 'High', 'Critical'];

/** The 5×5 default: risk level from likelihood × consequence (≤4 Low, ≤9 Medium, ≤16 High, else Critical). */
export function defaultMatrix(): number[][] {
  const band = (score: number) => (score <= 4 ? 1 : score <= 9 ? 2 : score <= 16 ? 3 : 4);
  return [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((c) => band(l * c)));
}

/** The default method: 5×5, Low/Medium/High/Critical, tolerable up to Medium. */
export function defaultRiskMethodFields(): RiskMatrixShape {
  return {
    likelihoodLevels: LIKELIHOOD_DEFAULTS.map(([l, description]) => ({ label: l, description })),
    consequenceLevels: CONSEQUENCE_DEFAULTS.map(([l, descriptions]) => ({ label: l, descriptions })),
    riskLevels: DEFAULT_RISK_LEVELS.map((l) => ({ label: l })),
    matrix: defaultMatrix(),
    tolerableLevel: 2,
  };
}

export const RiskMethodRecord = defineRecordType({
  typeName: 'riskMethod',
  schema: riskMethodSchema,
  version: 1,
  steps: {},
});
