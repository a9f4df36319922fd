import clarotyUrl from '../../../assets/demo/claroty-ctd-assets.json?url';
import captureUrl from '../../../assets/demo/control-room-span.pcap?url';
import nozomiUrl from '../../../assets/demo/nozomi-guardian-assets.json?url';
import photoUrl from '../../../assets/demo/utilities-panel-u3.png?url';
import ouiUrl from '../../../assets/oui/oui.txt.gz?url';
import advisoryIndexUrl from '../../../assets/advisories/index.json.gz?url';
import kevUrl from '../../../assets/advisories/cisa-kev-2025-08-25.json.gz?url';
import { gunzipSync } from 'fflate';
import { readKev } from '../../../shared/advisories';
import { buildDemoPlant, type DemoAdvisorySource, type DemoSourceName } from '../../../shared/demo';
import { assessmentFileName, serializeAssessmentFile, type Assessment } from '../../../shared/model';
import { OuiTable } from '../../../shared/traffic/oui';
import { importAssessmentFile } from '../../db/file-transfer';

export const DEMO_CREATED_MARK = 'conduit:demo-plant-created';

const SOURCE_URLS: Record<DemoSourceName, string> = {
  nozomi: nozomiUrl,
  claroty: clarotyUrl,
  capture: captureUrl,
  photo: photoUrl,
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(new URL(url, document.baseURI));
  if (!response.ok) throw new Error(`the demo file ${url} could not be read (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The OUI table; a server may have undone the gzip already (Content-Encoding). */
async function loadOui(): Promise<OuiTable | null> {
  const bytes = await fetchBytes(ouiUrl).catch(() => null);
  if (!bytes) return null;
  return bytes[0] === 0x1f && bytes[1] === 0x8b
    ? OuiTable.fromGzip(bytes)
    : OuiTable.fromText(new TextDecoder().decode(bytes));
}

/** The bundled advisory index and KEV ids, as the Vulnerabilities workspace matches with them. */
async function loadAdvisories(): Promise<DemoAdvisorySource> {
  const [index, kevBytes] = await Promise.all([fetchBytes(advisoryIndexUrl), fetchBytes(kevUrl)]);
  const kevJson = kevBytes[0] === 0x1f && kevBytes[1] === 0x8b ? gunzipSync(kevBytes) : kevBytes;
  const kev = readKev(new TextDecoder().decode(kevJson), 'cisa-kev-2025-08-25.json');
  return { index, kev: [...kev.entries.keys()] };
}

/**
 * Builds the demo plant from the files shipped with the app and imports it exactly as an
 * assessment file is imported (the same parse, validation and transaction).
 */
export async function openDemoPlant(): Promise<{ assessment: Assessment; asCopy: boolean }> {
  const start = performance.now();
  const [oui, advisories, ...bytes] = await Promise.all([
    loadOui(),
    loadAdvisories(),
    ...Object.values(SOURCE_URLS).map(fetchBytes),
  ]);
  const files = Object.fromEntries(Object.keys(SOURCE_URLS).map((name, i) => [name, bytes[i]!])) as Record<
    DemoSourceName,
    Uint8Array
  >;
  const data = await buildDemoPlant({ files, oui, advisories });
  const text = serializeAssessmentFile(data, { exportedAt: data.assessment.updatedAt });
  const result = await importAssessmentFile(
    assessmentFileName(data.assessment),
    new TextEncoder().encode(text),
  );
  performance.measure(DEMO_CREATED_MARK, { start, end: performance.now() });
  return result;
}
