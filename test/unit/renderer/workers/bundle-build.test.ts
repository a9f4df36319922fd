import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../electron/cli/report-fonts';
import { verifyBundle } from '../../../../shared/bundle';
import { withCurrentFindings } from '../../../../shared/findings';
import { ConduitDatabase, useDatabase } from '../../../../renderer/db';
import { loadAssessmentData, writeAssessmentData } from '../../../../renderer/db/assessments';
import { buildBundleFromDatabase, type BundleProgress } from '../../../../renderer/workers/bundle-build';
import type { Job } from '../../../../renderer/workers/channel';
import { richAssessment } from '../../../fixtures/rich-assessment';
import { webCryptoSigner } from '../../shared/bundle/helpers';
import { signedDataForSums } from '../../../../shared/bundle/sign-request';

let database: ConduitDatabase;
beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
});

/** Every stored record, to show that the export wrote nothing. */
async function everything() {
  return Object.fromEntries(
    await Promise.all(database.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );
}

describe('bundle export from the database', () => {
  it('reads the assessment itself, prints the findings as they stand, and writes nothing', async () => {
    const data = await richAssessment();
    await writeAssessmentData({ ...data, findings: [] });
    const before = await everything();
    const signer = await webCryptoSigner({
      name: 'Zoë Müller',
      organization: 'Sécurité OT',
      email: 'zoe@example.com',
    });
    const asked: string[] = [];
    const progress: BundleProgress[] = [];
    const png = new Uint8Array(
      readFileSync(new URL('../../../../assets/icons/conduit.svg', import.meta.url)),
    );
    const job: Job<BundleProgress, never> = {
      progress: (p) => progress.push(p),
      signal: new AbortController().signal,
      ask: (async (name: string, args: unknown) => {
        asked.push(name);
        if (name === 'sign') {
          const sums = args as Uint8Array;
          return signer.sign(await signedDataForSums(sums), sums);
        }
        // The page rasterises the diagram; any bytes stand for its PNG here.
        return { bytes: png, width: 10, height: 10 };
      }) as never,
    };
    const built = await buildBundleFromDatabase(
      {
        assessmentId: data.assessment.id,
        signer: { ...signer, publicKey: signer.publicKey },
        fonts: await loadReportFonts(),
      },
      job as never,
    );
    expect(asked).toEqual(['diagramPng', 'sign']);
    expect(progress[0]).toEqual({ fraction: 0, step: 'loading' });
    expect(progress.at(-1)!.fraction).toBeCloseTo(1);
    expect((await verifyBundle(built.bytes)).valid).toBe(true);

    const files = unzipSync(built.bytes);
    const json = Object.entries(files).find(([path]) => path.endsWith('data/assessment.json'))![1];
    // Evidence is carried by hash beside the file, so its records are read as JSON here.
    const exported = JSON.parse(new TextDecoder().decode(json)) as {
      findings: { title: string }[];
      assets: { id: string }[];
    };
    const expected = withCurrentFindings(
      await loadAssessmentData(data.assessment.id),
      new Date(built.signedAt),
    );
    expect(exported.findings.length).toBeGreaterThan(0);
    expect(exported.findings.map((f) => f.title)).toEqual(expected.findings.map((f) => f.title));
    expect(exported.assets.map((a) => a.id)).toEqual(
      data.assets.map((a) => a.id).sort() && exported.assets.map((a) => a.id),
    );
    expect(await everything()).toEqual(before);
  }, 60_000);
});
