import { describe, expect, it } from 'vitest';
import {
  createManualFinding,
  dismissFinding,
  findingMatches,
  groupFindings,
  steppedId,
  toggled,
  type FindingFilter,
} from '../../../../shared/findings';
import type { Finding, ProgramPhase, Severity } from '../../../../shared/model';
import { ASSESSMENT_ID } from '../../../fixtures/builders';

const made: Finding[] = [];
function aFinding(title: string, severity: Severity, phase: ProgramPhase, description = ''): Finding {
  const finding = createManualFinding(ASSESSMENT_ID, { title, severity, phase, description }, made);
  made.push(finding);
  return finding;
}

const modem = aFinding(
  'Undocumented cellular modem',
  'critical',
  2,
  'A 4G router bridges the cell to the internet.',
);
const shared = aFinding('Shared operator account', 'high', 3, 'One login on every HMI.');
const unzoned = aFinding('1 asset is not placed in any zone', 'low', 1);
const dismissed = dismissFinding(
  aFinding('Telnet on the historian', 'high', 2),
  'Disabled during the visit.',
);
const all = [modem, shared, unzoned, dismissed];

const everything: FindingFilter = { severity: 'all', phase: 'all', status: 'all', text: '' };
const titlesOf = (findings: Finding[]) => findings.map((f) => f.title);
const shown = (filter: Partial<FindingFilter>) =>
  titlesOf(all.filter((f) => findingMatches(f, { ...everything, ...filter })));

describe('findings list filter', () => {
  it('filters by severity, phase and status, each alone and together', () => {
    expect(shown({ severity: 'high' })).toEqual(['Shared operator account', 'Telnet on the historian']);
    expect(shown({ phase: 2 })).toEqual(['Undocumented cellular modem', 'Telnet on the historian']);
    expect(shown({ status: 'open' })).toEqual([
      'Undocumented cellular modem',
      'Shared operator account',
      '1 asset is not placed in any zone',
    ]);
    expect(shown({ status: 'dismissed', severity: 'high', phase: 2 })).toEqual(['Telnet on the historian']);
    expect(shown({ status: 'dismissed', phase: 3 })).toEqual([]);
  });

  it('matches every word of the search in the title or the description, in any case', () => {
    expect(shown({ text: 'HMI login' })).toEqual(['Shared operator account']);
    expect(shown({ text: '4g INTERNET' })).toEqual(['Undocumented cellular modem']);
    expect(shown({ text: 'modem historian' })).toEqual([]);
  });
});

describe('findings list groups', () => {
  it('keeps one unlabelled section in report order when not grouped', () => {
    expect(groupFindings(all, 'none')).toEqual([{ key: 'all', label: null, findings: all }]);
  });

  it('makes a section per phase or severity that has findings, in the standard order', () => {
    const byPhase = groupFindings(all, 'phase');
    expect(byPhase.map((g) => [g.key, g.label, titlesOf(g.findings)])).toEqual([
      ['1', 'Phase 1 · Asset inventory and network mapping', ['1 asset is not placed in any zone']],
      ['2', 'Phase 2 · Segmentation', ['Undocumented cellular modem', 'Telnet on the historian']],
      ['3', 'Phase 3 · Identity and access', ['Shared operator account']],
    ]);
    const bySeverity = groupFindings(all, 'severity');
    expect(bySeverity.map((g) => [g.label, g.findings.length])).toEqual([
      ['Critical', 1],
      ['High', 2],
      ['Low', 1],
    ]);
  });

  it('gives an empty list one section, so the list can say that nothing matches', () => {
    expect(groupFindings([], 'severity')).toEqual([{ key: 'all', label: null, findings: [] }]);
  });
});

describe('list focus steps', () => {
  const ids = ['a', 'b', 'c'];
  it('steps to the neighbours and the ends, and stops at the ends', () => {
    expect(steppedId(ids, 'b', 'next')).toBe('c');
    expect(steppedId(ids, 'b', 'previous')).toBe('a');
    expect(steppedId(ids, 'c', 'next')).toBe('c');
    expect(steppedId(ids, 'a', 'previous')).toBe('a');
    expect(steppedId(ids, 'b', 'first')).toBe('a');
    expect(steppedId(ids, 'a', 'last')).toBe('c');
  });

  it('starts at the top when the focused one is no longer shown, and has nowhere to go in an empty list', () => {
    expect(steppedId(ids, 'gone', 'next')).toBe('a');
    expect(steppedId([], 'a', 'next')).toBeUndefined();
  });
});

describe('toggled', () => {
  it('adds and removes an id without changing the set it was given', () => {
    const before: ReadonlySet<string> = new Set(['a']);
    expect([...toggled(before, 'b')]).toEqual(['a', 'b']);
    expect([...toggled(before, 'a')]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });
});
