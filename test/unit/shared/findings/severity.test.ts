import { describe, expect, it } from 'vitest';
import { severityFromRisk, severityFromScore } from '../../../../shared/findings';
import { bandsText } from '../../../../shared/report/wording';

describe('severity bands', () => {
  it.each([
    [25, 'critical'],
    [20, 'critical'],
    [19.9, 'high'],
    [12, 'high'],
    [11.9, 'medium'],
    [6, 'medium'],
    [5.9, 'low'],
    [3, 'low'],
    [2.9, 'info'],
    [0, 'info'],
  ] as const)('a score of %s is %s', (score, severity) => {
    expect(severityFromScore(score)).toBe(severity);
  });

  it('keeps critical for high stakes and high exposure together', () => {
    expect(severityFromRisk(4, 5)).toBe('critical');
    expect(severityFromRisk(5, 4)).toBe('critical');
    expect(severityFromRisk(4, 4)).toBe('high');
    expect(severityFromRisk(5, 3)).toBe('high');
    expect(severityFromRisk(3, 4)).toBe('high');
    expect(severityFromRisk(2, 5)).toBe('medium');
    expect(severityFromRisk(2, 3)).toBe('medium');
    expect(severityFromRisk(1, 5)).toBe('low');
    expect(severityFromRisk(1, 2)).toBe('info');
  });
});

describe('the method text', () => {
  it('states the bands the findings use', () => {
    expect(bandsText()).toBe(
      'A score of 20 or more is critical, 12–19 high, 6–11 medium, 3–5 low, below 3 informational',
    );
  });
});
