import { compareVersions, parseVersion, type Version } from './version';

export type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=';
export interface Constraint {
  op: Operator;
  version: Version;
}

/**
 * A version range: every version, a union of intervals (each an AND of constraints), or text
 * that names no versions Conduit can compare (a serial-number rule, a date).
 */
export type VersionRange =
  { kind: 'all' } | { kind: 'set'; alternatives: Constraint[][] } | { kind: 'unknown'; text: string };

export type RangeAnswer = 'in' | 'out' | 'unknown';

const CONSTRAINT = /(<=|>=|!=|<|>|=)?\s*([^<>=|]+)/g;

/** "<V4.33|>=V2.0" style constraint lists (vers: and the same written by hand). */
function constraintsOf(text: string): Constraint[] | null {
  const found: Constraint[] = [];
  for (const piece of text.split('|')) {
    const trimmed = piece.trim();
    if (trimmed === '') continue;
    CONSTRAINT.lastIndex = 0;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = CONSTRAINT.exec(trimmed))) {
      if (match[0].trim() === '') break;
      const version = parseVersion(match[2]!);
      if (!version) return null;
      found.push({ op: (match[1] as Operator | undefined) ?? '=', version });
      consumed += match[0].length;
    }
    if (consumed < trimmed.replace(/\s+$/, '').length) return null;
  }
  return found.length > 0 ? found : null;
}

/** Groups constraints into intervals as the vers: spec does: a lower bound opens one, an upper bound closes it. */
function intervals(constraints: Constraint[]): Constraint[][] {
  const groups: Constraint[][] = [];
  let open: Constraint[] | null = null;
  for (const constraint of constraints) {
    if (constraint.op === '=' || constraint.op === '!=') {
      if (constraint.op === '=') groups.push([constraint]);
      else groups.forEach((group) => group.push(constraint));
      open = null;
    } else if (constraint.op === '>' || constraint.op === '>=') {
      open = [constraint];
      groups.push(open);
    } else if (open) {
      open.push(constraint);
      open = null;
    } else groups.push([constraint]);
  }
  return groups;
}

const ALL = /^all(?:\s+[a-z]+)?\s+versions?$|^all$|^\*$|^any(?:\s+version)?$/;
const ALL_PREFIX = /^all(?:\s+[a-z]+)?\s+versions?\s*/;
const BEFORE = /^(?:prior\s+to|before|earlier\s+than|older\s+than|lower\s+than|below|less\s+than)\s+(.+)$/;
const UP_TO = /^(?:up\s+to(?:\s+and\s+including)?|through|until|to)\s+(.+)$/;
const AND_EARLIER =
  /^(.+?)\s*(?:,\s*)?(?:and|or|&)\s+(?:all\s+)?(?:prior|earlier|older|before|below|lower|previous)(?:\s+versions?|\s+releases?)?$/;
const AND_LATER =
  /^(.+?)\s*(?:,\s*)?(?:and|or|&)\s+(?:all\s+)?(?:later|newer|above|higher|after)(?:\s+versions?)?$/;
const SPAN = /^(?:from\s+)?(.+?)\s+(?:to|through|thru|until|-|–)\s+(.+)$/;

function one(op: Operator, text: string): VersionRange | null {
  const version = parseVersion(text);
  return version ? { kind: 'set', alternatives: [[{ op, version }]] } : null;
}

/** In prose, an inclusive upper bound names a release line: "up to V2.9" covers V2.9.4. */
function line(version: Version): Version {
  return { ...version, wildcard: true };
}

function upTo(text: string): VersionRange | null {
  const version = parseVersion(text);
  return version ? { kind: 'set', alternatives: [[{ op: '<=', version: line(version) }]] } : null;
}

/** "All versions including V1.5.0 plus205", "* | 1.5.0": the named version is an example of all. */
const INCLUDING = /^(?:,\s*)?(?:including|incl\.?|e\.g\.?)\s/;

function freeText(text: string): VersionRange | null {
  if (ALL.test(text) || text.split('|').some((piece) => piece.trim() === '*')) return { kind: 'all' };
  const rest = text.replace(ALL_PREFIX, '').trim();
  if (rest !== text) return rest === '' || INCLUDING.test(rest) ? { kind: 'all' } : freeText(rest);
  let match = BEFORE.exec(text);
  if (match) return one('<', match[1]!);
  match = UP_TO.exec(text);
  if (match) return upTo(match[1]!);
  match = AND_EARLIER.exec(text);
  if (match) return upTo(match[1]!);
  match = AND_LATER.exec(text);
  if (match) return one('>=', match[1]!);
  match = SPAN.exec(text);
  if (match && /^[^<>=]/.test(match[1]!)) {
    const low = parseVersion(match[1]!);
    const high = parseVersion(match[2]!);
    if (low && high)
      return {
        kind: 'set',
        alternatives: [
          [
            { op: '>=', version: low },
            { op: '<=', version: line(high) },
          ],
        ],
      };
  }
  const constraints = constraintsOf(text);
  return constraints ? { kind: 'set', alternatives: intervals(constraints) } : null;
}

/** Reads a CSAF product_version_range or product_version name: `vers:` strings and free text alike. */
export function parseRange(input: string): VersionRange {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text.startsWith('vers:')) {
    const slash = text.indexOf('/');
    const body = slash < 0 ? '' : text.slice(slash + 1).trim();
    if (body === '*' || body === '') return { kind: 'all' };
    const constraints = constraintsOf(body);
    return constraints
      ? { kind: 'set', alternatives: intervals(constraints) }
      : { kind: 'unknown', text: input };
  }
  return freeText(text) ?? { kind: 'unknown', text: input };
}

function satisfies(version: Version, { op, version: bound }: Constraint): boolean {
  const c = compareVersions(version, bound);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/** Whether a version falls in a range; "unknown" when either side cannot be compared. */
export function rangeContains(range: VersionRange, version: Version | null): RangeAnswer {
  if (range.kind === 'all') return 'in';
  if (range.kind === 'unknown' || !version) return 'unknown';
  return range.alternatives.some((group) => group.every((constraint) => satisfies(version, constraint)))
    ? 'in'
    : 'out';
}
