import { describe, expect, it } from 'vitest';
import { withNotice, type NoticeMessage } from '../../../../renderer/ui/notices';

const group = { key: 'captures', title: (n: number) => `${n} captures imported` };

describe('withNotice', () => {
  it('joins a batch into one notice that counts it and lists each member', () => {
    let list: NoticeMessage[] = [];
    list = withNotice(list, { id: 1, kind: 'error', title: 'broken.pcap was not imported' });
    list = withNotice(list, { id: 2, kind: 'success', title: 'Imported a.pcap' }, group);
    expect(list.map((n) => n.title)).toEqual(['broken.pcap was not imported', 'Imported a.pcap']);
    list = withNotice(
      list,
      { id: 3, kind: 'success', title: 'Imported b.pcap', details: ['12 flows'] },
      group,
    );
    list = withNotice(list, { id: 4, kind: 'success', title: 'Imported c.pcap' }, group);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({
      id: 4,
      count: 3,
      title: '3 captures imported',
      details: ['Imported a.pcap', 'Imported b.pcap', '12 flows', 'Imported c.pcap'],
    });
  });

  it('keeps notices without a group, and an error apart from a success batch, as their own', () => {
    let list: NoticeMessage[] = [];
    list = withNotice(list, { id: 1, kind: 'success', title: 'Imported a.pcap' }, group);
    list = withNotice(list, { id: 2, kind: 'error', title: 'b.pcap was not imported' }, group);
    list = withNotice(list, { id: 3, kind: 'info', title: 'Saved' });
    list = withNotice(list, { id: 4, kind: 'info', title: 'Saved' });
    expect(list.map((n) => [n.id, n.count])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });
});
