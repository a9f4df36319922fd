import type { Answer } from '../model/answers';
import { FR_IDS, type FrId } from '../model/common';
import { formatLevels } from '../model/slt';
import type { SecurityLevelTarget } from '../model/zone';
import type { Catalogue, CatalogueItem, FoundationalRequirement, SecurityLevel } from './types';

/** One level per FR (FR1..FR7); used for SL-T, SL-A and the gap. */
export type SlVector = Readonly<Record<FrId, SecurityLevel>>;

/** What the logic reads from an answer; full `Answer` records fit. */
export type AnswerLike = Pick<Answer, 'itemId' | 'status' | 'justification'> &
  Partial<Pick<Answer, 'zoneId' | 'updatedAt'>>;

const LEVELS = [1, 2, 3, 4] as const;

function vectorOf(level: (fr: FrId) => SecurityLevel): SlVector {
  return Object.fromEntries(FR_IDS.map((fr) => [fr, level(fr)])) as Record<FrId, SecurityLevel>;
}

function asLevel(value: number | null | undefined): SecurityLevel {
  if (value == null || !Number.isFinite(value)) return 0;
  return Math.min(4, Math.max(0, Math.trunc(value))) as SecurityLevel;
}

/** SL-T vector of a zone: the per-FR override, else the base level, else 0 (not set). */
export function targetVector(slt: SecurityLevelTarget | null | undefined): SlVector {
  return vectorOf((fr) => asLevel(slt?.overrides?.[fr] ?? slt?.base));
}

export function vectorToArray(vector: SlVector): SecurityLevel[] {
  return FR_IDS.map((fr) => vector[fr]);
}

/** `SL-A {2,2,1,1,2,2,2}`: the label and the seven levels in FR order (see formatLevels). */
export function formatVector(label: string, vector: SlVector): string {
  return formatLevels(label, vectorToArray(vector));
}

/** Max(0, target - achieved) per FR. */
export function gapVector(target: SlVector, achieved: SlVector): SlVector {
  return vectorOf((fr) => Math.max(0, target[fr] - achieved[fr]) as SecurityLevel);
}

export function itemsOfFr(catalogue: Catalogue, fr: FrId): CatalogueItem[] {
  return catalogue.items.filter((item) => item.fr === fr);
}

/** An item is required at level s when its minimum level is at most s (levels are cumulative). */
export function isRequiredAt(item: CatalogueItem, level: SecurityLevel): boolean {
  return item.minLevel <= level;
}

export interface FrRequirements {
  fr: FrId;
  target: SecurityLevel;
  /** Items to assess: minimum level <= target. */
  required: CatalogueItem[];
  /** Items above the target (shown greyed). */
  aboveTarget: CatalogueItem[];
}

/** Per FR, in FR order: the items a zone with this SL-T must assess, and those above its target. */
export function requirementsForTarget(catalogue: Catalogue, target: SlVector): FrRequirements[] {
  return FR_IDS.map((fr) => {
    const items = itemsOfFr(catalogue, fr);
    return {
      fr,
      target: target[fr],
      required: items.filter((item) => isRequiredAt(item, target[fr])),
      aboveTarget: items.filter((item) => !isRequiredAt(item, target[fr])),
    };
  });
}

/**
 * Whether an answer counts towards SL-A: met, or compensating / not applicable with its justification.
 * Partially met, not met, not assessed and a missing answer do not count.
 */
export function countsAsMet(answer: AnswerLike | undefined): boolean {
  if (!answer) return false;
  if (answer.status === 'met') return true;
  if (answer.status === 'compensating' || answer.status === 'not-applicable') {
    return answer.justification.trim().length > 0;
  }
  return false;
}

/** Answers by item id; where an item has several answers, the most recently updated one wins. */
export function answersByItem<A extends AnswerLike>(answers: readonly A[]): Map<string, A> {
  const byItem = new Map<string, A>();
  for (const answer of answers) {
    const current = byItem.get(answer.itemId);
    if (!current || (answer.updatedAt ?? '') >= (current.updatedAt ?? '')) byItem.set(answer.itemId, answer);
  }
  return byItem;
}

/**
 * SL-A for one FR: the highest s such that every item of the FR with minimum level <= s counts as met
 * (0 when a level-1 item does not). Answers beyond the zone's target count too: SL-A is what is achieved.
 */
export function achievedLevelForFr(
  catalogue: Catalogue,
  fr: FrId,
  byItem: ReadonlyMap<string, AnswerLike>,
): SecurityLevel {
  const items = itemsOfFr(catalogue, fr);
  let achieved: SecurityLevel = 0;
  for (const level of LEVELS) {
    const atLevel = items.filter((item) => item.minLevel === level);
    if (!atLevel.every((item) => countsAsMet(byItem.get(item.id)))) break;
    achieved = level;
  }
  return achieved;
}

/** SL-A vector from one zone's answers. */
export function achievedVector(catalogue: Catalogue, answers: readonly AnswerLike[]): SlVector {
  const byItem = answersByItem(answers);
  return vectorOf((fr) => achievedLevelForFr(catalogue, fr, byItem));
}

export interface Progress {
  /** Required items with an answer other than "not assessed". */
  answered: number;
  required: number;
}

export interface ZoneProgress {
  zone: Progress;
  perFr: Record<FrId, Progress>;
}

/** Answered out of required, per FR and for the whole zone. */
export function progressFor(
  catalogue: Catalogue,
  target: SlVector,
  answers: readonly AnswerLike[],
): ZoneProgress {
  const byItem = answersByItem(answers);
  const perFr = {} as Record<FrId, Progress>;
  const zone: Progress = { answered: 0, required: 0 };
  for (const { fr, required } of requirementsForTarget(catalogue, target)) {
    const answered = required.filter((item) => {
      const status = byItem.get(item.id)?.status;
      return status !== undefined && status !== 'not-assessed';
    }).length;
    perFr[fr] = { answered, required: required.length };
    zone.answered += answered;
    zone.required += required.length;
  }
  return { zone, perFr };
}

export interface AnswerScope<A> {
  /** Answers to items the zone's SL-T requires. */
  inScope: A[];
  /** Answers to catalogue items above the SL-T (e.g. after lowering it): kept, not counted in progress. */
  outOfScope: A[];
  /** Answers to ids this catalogue does not have (e.g. written against another catalogue version). */
  unknown: A[];
}

/** Sorts a zone's answers by whether its SL-T still calls for their item. Nothing is dropped. */
export function classifyAnswers<A extends AnswerLike>(
  catalogue: Catalogue,
  target: SlVector,
  answers: readonly A[],
): AnswerScope<A> {
  const itemsById = new Map(catalogue.items.map((item) => [item.id, item]));
  const scope: AnswerScope<A> = { inScope: [], outOfScope: [], unknown: [] };
  for (const answer of answers) {
    const item = itemsById.get(answer.itemId);
    if (!item) scope.unknown.push(answer);
    else if (isRequiredAt(item, target[item.fr])) scope.inScope.push(answer);
    else scope.outOfScope.push(answer);
  }
  return scope;
}

export interface FrEvaluation extends FrRequirements {
  progress: Progress;
  short: string;
  name: string;
  achieved: SecurityLevel;
  gap: SecurityLevel;
  /** Required items that do not count as met (not assessed, partially met, not met, or unjustified). */
  unmet: CatalogueItem[];
}

export interface ZoneEvaluation<A> extends AnswerScope<A> {
  catalogueVersion: string;
  target: SlVector;
  achieved: SlVector;
  gap: SlVector;
  progress: ZoneProgress;
  perFr: FrEvaluation[];
}

/**
 * Everything the requirements view and the report need for one zone: SL-T, SL-A, gap, progress, and its
 * answers split by scope. Answers carrying another zone's id are ignored.
 */
export function evaluateZone<A extends AnswerLike>(
  catalogue: Catalogue,
  zone: { id: string; slt: SecurityLevelTarget | null | undefined },
  answers: readonly A[],
): ZoneEvaluation<A> {
  const own = answers.filter((answer) => answer.zoneId === undefined || answer.zoneId === zone.id);
  const target = targetVector(zone.slt);
  const byItem = answersByItem(own);
  const achieved = vectorOf((fr) => achievedLevelForFr(catalogue, fr, byItem));
  const gap = gapVector(target, achieved);
  const progress = progressFor(catalogue, target, own);
  const frById = new Map<FrId, FoundationalRequirement>(catalogue.frs.map((fr) => [fr.id, fr]));
  const perFr = requirementsForTarget(catalogue, target).map((requirements): FrEvaluation => {
    const fr = frById.get(requirements.fr);
    return {
      ...requirements,
      progress: progress.perFr[requirements.fr],
      short: fr?.short ?? requirements.fr,
      name: fr?.name ?? requirements.fr,
      achieved: achieved[requirements.fr],
      gap: gap[requirements.fr],
      unmet: requirements.required.filter((item) => !countsAsMet(byItem.get(item.id))),
    };
  });
  return {
    catalogueVersion: catalogue.version,
    target,
    achieved,
    gap,
    progress,
    perFr,
    ...classifyAnswers(catalogue, target, own),
  };
}

/** Groups answers by zone once, so evaluating many zones stays linear in the number of answers. */
export function answersByZone(answers: readonly Answer[]): Map<string, Answer[]> {
  const byZone = new Map<string, Answer[]>();
  for (const answer of answers) {
    const list = byZone.get(answer.zoneId);
    if (list) list.push(answer);
    else byZone.set(answer.zoneId, [answer]);
  }
  return byZone;
}
