import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IEC62443_3_3 } from '../../../../../shared/catalogue';
import { GapBadge } from '../../../../../renderer/features/requirements/GapBadge';
import { levelsOfZones } from '../../../../../shared/catalogue';
import { zonedAssessment } from '../../../../fixtures/requirements/zoned-assessment';

describe('gap badge', () => {
  const data = zonedAssessment(['Cell', 'Unset', 'Met'], [2, 0, 1]);
  data.zones[1]!.slt = { base: null, overrides: {} };
  const answers = IEC62443_3_3.items
    .filter((item) => item.minLevel === 1)
    .map((item, n) => ({
      id: `a${n}`,
      assessmentId: data.assessment.id,
      zoneId: data.zones[2]!.id,
      itemId: item.id,
      createdAt: '2026-03-02T08:15:00.000Z',
      updatedAt: '2026-03-02T08:15:00.000Z',
      status: 'met' as const,
      notes: '',
      justification: '',
      evidenceIds: [],
      answeredBy: null,
      answeredAt: null,
    }));
  const levels = levelsOfZones(IEC62443_3_3, data.zones, answers);
  const render = (zoneIndex: number) =>
    renderToStaticMarkup(<GapBadge levels={levels.get(data.zones[zoneIndex]!.id)} />);

  it('shows the gap vector and the FRs short of target', () => {
    const html = render(0);
    expect(html).toContain('Gap {2,2,2,2,2,2,2}');
    expect(html).toContain('Short of SL-T in FR1, FR2, FR3, FR4, FR5, FR6, FR7');
    expect(html).toContain('0/60 answered');
  });

  it('says when no SL-T is set, and when the target is met', () => {
    expect(render(1)).toContain('>No SL-T<');
    expect(render(2)).toContain('>SL-T met<');
    expect(render(2)).toContain('SL-A {1,1,1,1,1,1,1}');
    expect(renderToStaticMarkup(<GapBadge levels={undefined} />)).toBe('');
  });
});
