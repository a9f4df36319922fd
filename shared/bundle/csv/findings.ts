import { planRoadmap, resolveFindingSettings } from '../../findings';
import { bundleCsv, cellList, type BundleCsvFile } from './table';

export const FINDINGS_CSV: BundleCsvFile = {
  name: 'findings.csv',
  render(data, { zoneOf }) {
    const roadmap = planRoadmap(data.findings, {
      quarterCapacity: resolveFindingSettings(data.assessment.findingSettings).quarterCapacity,
    });
    return bundleCsv(
      [...data.findings].sort((a, b) => a.order - b.order),
      [
        ['order', (f) => f.order],
        ['id', (f) => f.id],
        ['title', (f) => f.title],
        ['severity', (f) => f.severity],
        ['phase', (f) => f.phase],
        ['status', (f) => f.status],
        ['roadmap_slot', (f) => roadmap.get(f.id)?.slot ?? ''],
        ['effort', (f) => f.effort ?? ''],
        ['roadmap_slot_set_by_assessor', (f) => (f.roadmapSlot ? 'yes' : 'no')],
        ['origin', (f) => f.origin],
        ['description', (f) => f.description],
        ['recommendation', (f) => f.recommendation],
        ['items', (f) => cellList(f.refs.itemIds)],
        ['zones', (f) => cellList(f.refs.zoneIds.map(zoneOf))],
        ['dismiss_reason', (f) => f.dismissReason],
      ],
    );
  },
};
