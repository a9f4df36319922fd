import { bundleCsv, type BundleCsvFile } from './table';

export const ANSWERS_CSV: BundleCsvFile = {
  name: 'answers.csv',
  render: (data, { zoneOf, evidenceList }) =>
    bundleCsv(data.answers, [
      ['zone', (a) => zoneOf(a.zoneId)],
      ['item', (a) => a.itemId],
      ['status', (a) => a.status],
      ['notes', (a) => a.notes],
      ['justification', (a) => a.justification],
      ['evidence', (a) => evidenceList(a.evidenceIds)],
      ['answered_by', (a) => a.answeredBy],
      ['answered_at', (a) => a.answeredAt],
    ]),
};
