import { describe, expect, it } from 'vitest';
import { homeListing, matchesSearch } from '../../../../../renderer/features/assessments/search';
import { anAssessment } from '../../../../fixtures/builders';

const acme = anAssessment({ id: 'a1', client: 'Acme Foods', site: 'North plant', assessors: ['Ana Ortiz'] });
const dairy = anAssessment({
  id: 'a2',
  title: 'Dairy',
  client: 'Lactis',
  site: 'Süd',
  scope: 'Packaging line',
});
const old = anAssessment({
  id: 'a3',
  title: 'Old audit',
  client: 'Acme Foods',
  site: 'East',
  status: 'archived',
});
const all = [acme, dairy, old];

describe('the home listing', () => {
  it('matches every word of the query in client, site, assessors or scope, ignoring case and accents', () => {
    expect(matchesSearch(acme, 'ana north')).toBe(true);
    expect(matchesSearch(dairy, 'sud packaging')).toBe(true);
    expect(matchesSearch(dairy, 'sud acme')).toBe(false);
  });

  it('hides archived assessments unless asked, and counts them either way', () => {
    expect(homeListing(all, '', false)).toEqual({ visible: [acme, dairy], archivedCount: 1 });
    expect(homeListing(all, '', true)).toEqual({ visible: all, archivedCount: 1 });
  });

  it('lists only those the query matches, keeping their order', () => {
    expect(homeListing(all, 'acme', false).visible).toEqual([acme]);
    expect(homeListing(all, 'acme', true).visible).toEqual([acme, old]);
    expect(homeListing(all, 'nowhere', true)).toEqual({ visible: [], archivedCount: 1 });
    expect(homeListing([], '', false)).toEqual({ visible: [], archivedCount: 0 });
  });
});
