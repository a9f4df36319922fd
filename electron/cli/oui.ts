import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { OuiTable } from '../../shared/traffic/oui';

const TABLE = fileURLToPath(new URL('../../assets/oui/oui.txt.gz', import.meta.url));

/**
 * The MAC vendor table shipped in assets/oui/ (built by scripts/build-oui.ts). Node's native gunzip
 * instead of the pure-JS one the browser uses: it is most of `conduit flows`' start-up otherwise.
 */
export function loadOuiTable(): OuiTable {
  return OuiTable.fromText(gunzipSync(readFileSync(TABLE)).toString('utf8'));
}
