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
  return SATISFIED.has(outcomeOf(answer));
}

/**
 * What an answer says about its item. A compensating control or N/A without its justification is
 * incomplete, so it counts as not assessed yet (the schema refuses it; older data may still carry it).
 */
export type ItemOutcome =
  'met' | 'compensating' | 'not-applicable' | 'partially-met' | 'not-met' | 'not-assessed';

const SATISFIED: ReadonlySet<ItemOutcome> = new Set(['met', 'compensating', 'not-applicable']);

export function outcomeOf(answer: AnswerLike | undefined): ItemOutcome {
  if (!answer) return 'not-assessed';
  if (answer.status === 'compensating' || answer.status === 'not-applicable') {
    return answer.justification.trim().length > 0 ? answer.status : 'not-assessed';
  }
  return answer.status;
}

/** One item as the zone's answers leave it, including N/A carried from its SR. */
export interface ItemAssessment<A extends AnswerLike = AnswerLike> {
  item: CatalogueItem;
  outcome: ItemOutcome;
  /** The item's own answer, if any. */
  answer: A | undefined;
  /** Set when the RE has no answer of its own and takes "not applicable" from this SR's answer. */
  inheritedFrom: A | undefined;
}

/**
 * The item's outcome. An RE left unanswered under an SR marked not applicable is not applicable too:
 * an enhancement cannot apply where its base requirement does not. An RE's own answer always wins.
 */
export function assessItem<A extends AnswerLike>(
  item: CatalogueItem,
  byItem: ReadonlyMap<string, A>,
): ItemAssessment<A> {
  const answer = byItem.get(item.id);
  const outcome = outcomeOf(answer);
  if (outcome === 'not-assessed' && item.re !== null) {
    const base = byItem.get(item.sr);
    if (outcomeOf(base) === 'not-applicable') {
      return { item, outcome: 'not-applicable', answer, inheritedFrom: base };
    }
  }
  return { item, outcome, answer, inheritedFrom: undefined };
}

/** Whether the item, with N/A carried from its SR, counts towards SL-A. */
function itemCountsAsMet(item: CatalogueItem, byItem: ReadonlyMap<string, AnswerLike>): boolean {
  return SATISFIED.has(assessItem(item, byItem).outcome);
}

/** Required items per outcome, and how many are answered; sums to `required`. */
export interface Coverage {
  required: number;
  answered: number;
  met: number;
  compensating: number;
  notApplicable: number;
  partiallyMet: number;
  notMet: number;
  notAssessed: number;
}

const OUTCOME_FIELD: Record<ItemOutcome, keyof Omit<Coverage, 'required' | 'answered'>> = {
  met: 'met',
  compensating: 'compensating',
  'not-applicable': 'notApplicable',
  'partially-met': 'partiallyMet',
  'not-met': 'notMet',
  'not-assessed': 'notAssessed',
};

export function emptyCoverage(): Coverage {
  return {
    required: 0,
    answered: 0,
    met: 0,
    compensating: 0,
    notApplicable: 0,
    partiallyMet: 0,
    notMet: 0,
    notAssessed: 0,
  };
}

export function coverageOf(items: readonly Pick<ItemAssessment, 'outcome'>[]): Coverage {
  const coverage = emptyCoverage();
  for (const { outcome } of items) coverage[OUTCOME_FIELD[outcome]] += 1;
  coverage.required = items.length;
  coverage.answered = items.length - coverage.notAssessed;
  return coverage;
}

export function addCoverage(into: Coverage, more: Coverage): Coverage {
  for (const key of Object.keys(into) as (keyof Coverage)[]) into[key] += more[key];
  return into;
}

/** Items that count towards SL-A: met, compensating control, or not applicable. */
export function satisfiedCount(coverage: Coverage): number {
  return coverage.met + coverage.compensating + coverage.notApplicable;
}

/** An RE answered "not applicable" while its base SR is not met: the assessor should look again. */
export interface AnswerConflict {
  itemId: string;
  sr: string;
  srOutcome: ItemOutcome;
}

/** REs marked not applicable whose base SR does not count as met (not met, partial or not assessed). */
export function answerConflicts(
  items: readonly CatalogueItem[],
  byItem: ReadonlyMap<string, AnswerLike>,
): AnswerConflict[] {
  return items.flatMap((item) => {
    if (item.re === null || outcomeOf(byItem.get(item.id)) !== 'not-applicable') return [];
    const srOutcome = outcomeOf(byItem.get(item.sr));
    return SATISFIED.has(srOutcome) ? [] : [{ itemId: item.id, sr: item.sr, srOutcome }];
  });
}

/** SL-A as shown: capped at SL-T, with "≥ n" when the zone achieves more than its target. */
export interface AchievedDisplay {
  level: SecurityLevel;
  aboveTarget: boolean;
  label: string;
}

export function achievedDisplay(target: SecurityLevel, achieved: SecurityLevel): AchievedDisplay {
  if (achieved > target) return { level: target, aboveTarget: true, label: `≥ ${target}` };
  return { level: achieved, aboveTarget: false, label: String(achieved) };
}

/** SL-A per FR capped at SL-T, for charts and vectors in the report. */
export function cappedAchievedVector(target: SlVector, achieved: SlVector): SlVector {
  return vectorOf((fr) => Math.min(target[fr], achieved[fr]) as SecurityLevel);
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
 * (0 when a level-1 item does not), an RE taking N/A from its SR when it has no answer of its own.
 * Answers beyond the zone's target count too: SL-A is what is achieved.
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
    if (!atLevel.every((item) => itemCountsAsMet(item, byItem))) break;
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
  /** Required items with a complete answer (N/A carried from the SR counts). */
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
    const answered = required.filter((item) => assessItem(item, byItem).outcome !== 'not-assessed').length;
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

export interface FrEvaluation<A extends AnswerLike = AnswerLike> extends FrRequirements {
  progress: Progress;
  coverage: Coverage;
  short: string;
  name: string;
  achieved: SecurityLevel;
  gap: SecurityLevel;
  /** SL-A may still rise: some required items of the FR are not assessed yet. */
  provisional: boolean;
  /** Each required item with its outcome, in catalogue order. */
  items: ItemAssessment<A>[];
  /** Required items that do not count as met (not assessed, partially met, not met, or unjustified). */
  unmet: CatalogueItem[];
}

export interface ZoneEvaluation<A extends AnswerLike = AnswerLike> extends AnswerScope<A> {
  catalogueVersion: string;
  target: SlVector;
  achieved: SlVector;
  gap: SlVector;
  progress: ZoneProgress;
  coverage: Coverage;
  /** Some required item of the zone is not assessed yet, so its SL-A is provisional. */
  provisional: boolean;
  perFr: FrEvaluation<A>[];
  /** In-scope REs marked N/A while their base SR is not met. */
  conflicts: AnswerConflict[];
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
  const perFr = requirementsForTarget(catalogue, target).map((requirements): FrEvaluation<A> => {
    const fr = frById.get(requirements.fr);
    const items = requirements.required.map((item) => assessItem(item, byItem));
    const coverage = coverageOf(items);
    return {
      ...requirements,
      progress: progress.perFr[requirements.fr],
      coverage,
      short: fr?.short ?? requirements.fr,
      name: fr?.name ?? requirements.fr,
      achieved: achieved[requirements.fr],
      gap: gap[requirements.fr],
      provisional: coverage.notAssessed > 0,
      items,
      unmet: items.filter(({ outcome }) => !SATISFIED.has(outcome)).map(({ item }) => item),
    };
  });
  const coverage = perFr.reduce((sum, fr) => addCoverage(sum, fr.coverage), emptyCoverage());
  return {
    catalogueVersion: catalogue.version,
    target,
    achieved,
    gap,
    progress,
    coverage,
    provisional: coverage.notAssessed > 0,
    perFr,
    conflicts: answerConflicts(
      perFr.flatMap((fr) => fr.required),
      byItem,
    ),
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
