import { defineSource, recordReader } from '../source';
import { mappedImporter } from './mapped';

/** Dragos exports assets with its own column and key names: read through a mapping preset. */
const dragosImporter = mappedImporter('dragos', ['content', 'assets', 'data', 'results']);

export const dragosSource = defineSource({
  format: 'dragos',
  label: 'Dragos',
  detection: {
    signature: ['totalElements', 'totalPages', 'pageable', 'numberOfElements', 'assetId', 'dragos'],
  },
  json: {
    reader: recordReader(dragosImporter),
    shape: 'an array of asset objects',
    singleRecord: true,
    mapped: true,
  },
  csv: { reader: recordReader(dragosImporter) },
});
