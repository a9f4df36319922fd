import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OuiTable } from '../../shared/traffic/oui';

const TABLE = fileURLToPath(new URL('../../assets/oui/oui.txt.gz', import.meta.url));

/** The MAC vendor table shipped in assets/oui/ (built by scripts/build-oui.ts). */
export function loadOuiTable(): OuiTable {
  return OuiTable.fromGzip(readFileSync(TABLE));
}
