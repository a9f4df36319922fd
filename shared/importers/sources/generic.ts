import { defineSource, recordReader } from '../source';
import { csvImporter, jsonImporter } from './mapped';

/** Any CSV/TSV no source claims, read through a column mapping. */
export const csvSource = defineSource({
  format: 'csv',
  label: 'Generic CSV',
  detection: { fallbackFor: 'csv' },
  json: null,
  csv: { reader: recordReader(csvImporter) },
});

/** Any JSON array of objects no source claims, read through a column mapping. */
export const jsonSource = defineSource({
  format: 'json',
  label: 'Generic JSON',
  detection: { fallbackFor: 'json' },
  json: {
    reader: recordReader(jsonImporter),
    shape: 'an array of objects',
    singleRecord: false,
    mapped: true,
  },
  csv: null,
});
