import { describe, expect, it } from 'vitest';
import { IEC62443_3_3 } from '../../../../shared/catalogue';
import { assessorTodo, generateFindings } from '../../../../shared/findings';
import { PlantBuilder } from '../../../fixtures/builders';

describe("the assessor's to-do list", () => {
  it('lists per zone the required items not assessed and the contradicting answers, never as findings', () => {
    const builder = new PlantBuilder()
      .zone('done', 'Done', { sl: 1 })
      .zone('cell', 'Cell', { sl: 1 })
      .answer('cell', 'not-met', 'SR 1.1')
      .answer('cell', 'met', 'SR 1.3');
    for (const item of IEC62443_3_3.items.filter((i) => i.minLevel === 1))
      builder.answer('done', 'met', item.id);
    const data = builder.build();
    const todo = assessorTodo(IEC62443_3_3, data.zones, data.answers);
    expect(todo.map((t) => [t.zone.name, t.answered, t.required])).toEqual([['Cell', 2, 37]]);
    expect(todo[0]!.notAssessed).toHaveLength(35);
    expect(todo[0]!.notAssessed.map((i) => i.id)).not.toContain('SR 1.1');
    expect(todo[0]!.notAssessed[0]!.id).toBe('SR 1.4');
    // Only the failed SR 1.1 is a finding; the 35 open items are not.
    const requirementKeys = generateFindings(data)
      .filter((f) => f.autoKey.startsWith('requirements:'))
      .map((f) => f.autoKey);
    expect(requirementKeys).toEqual(['requirements:SR 1.1:p3']);
  });

  it('shows an RE marked N/A under an unmet SR even when nothing is left to assess', () => {
    const builder = new PlantBuilder().zone('cell', 'Cell', { sl: 2 });
    for (const item of IEC62443_3_3.items.filter((i) => i.minLevel <= 2))
      builder.answer('cell', 'met', item.id);
    const data = builder.build();
    data.answers.find((a) => a.itemId === 'SR 1.6')!.status = 'not-met';
    Object.assign(
      data.answers.find((a) => a.itemId === 'SR 1.6 RE 1')!,
      {
        status: 'not-applicable',
        justification: 'No wireless.',
      },
    );
    const [todo] = assessorTodo(IEC62443_3_3, data.zones, data.answers);
    expect(todo!.notAssessed).toEqual([]);
    expect(todo!.conflicts).toEqual([{ itemId: 'SR 1.6 RE 1', sr: 'SR 1.6', srOutcome: 'not-met' }]);
  });
});
