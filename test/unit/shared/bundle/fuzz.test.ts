import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BundleUnreadableError,
  buildBundle,
  verifyBundle,
  type BuiltBundle,
} from '../../../../shared/bundle';
import { generateAssessment } from '../../../fixtures/bundle/generated-assessment';
import { extractAll, haveExtractors, signedTree, type ExtractedTree } from './extractors';
import { tempDir } from './helpers';
import { fixedSigner, FUZZ_CASES, FUZZ_SEED, MUTATIONS, prng } from './mutations';
import { unzipSync } from 'fflate';

/*
 * A seeded mutation fuzzer over a real signed bundle. Every mutant must be refused, unreadable,
 * or, when accepted, extract with unzip and a streaming bsdtar to exactly the signed files.
 */
describe('the bundle verifier under mutation', () => {
  const dir = tempDir();
  let bundle: BuiltBundle;
  let signed: ExtractedTree;
  afterAll(() => dir.remove());
  beforeAll(async () => {
    const signer = fixedSigner({ name: 'Zoë Müller', organization: '', email: 'zoe@example.com' });
    const data = await generateAssessment({ zones: 2, assets: 4, photos: 1, photoBytes: 3000 });
    bundle = await buildBundle({ data, signer, signedAt: '2026-03-06T17:00:00Z' });
    const all = unzipSync(bundle.bytes);
    signed = signedTree(
      bundle.folder,
      bundle.files,
      Object.fromEntries(
        ['SHA256SUMS', 'SHA256SUMS.sig', 'allowed_signers'].map((p) => [p, all[`${bundle.folder}/${p}`]!]),
      ),
    );
  });

  it(`${FUZZ_CASES} seeded mutants: none accepted with other content, none crashes`, async () => {
    const random = prng(FUZZ_SEED);
    const names = Object.keys(MUTATIONS);
    const outcomes: Record<string, { refused: number; unreadable: number; accepted: number }> = {};
    const accepted: { name: string; zip: Uint8Array }[] = [];
    for (let i = 0; i < FUZZ_CASES; i++) {
      const name = names[i % names.length]!;
      const zip = MUTATIONS[name]!(bundle.bytes, random, bundle.folder);
      const tally = (outcomes[name] ??= { refused: 0, unreadable: 0, accepted: 0 });
      try {
        const result = await verifyBundle(zip);
        if (result.valid) {
          tally.accepted++;
          accepted.push({ name, zip });
        } else {
          tally.refused++;
          expect(result.problems.length, name).toBeGreaterThan(0);
        }
      } catch (error) {
        if (!(error instanceof BundleUnreadableError))
          throw new Error(`${name} (case ${i}): ${String(error)}`);
        tally.unreadable++;
      }
    }
    // Each kind of mutation was refused at least once; the structural ones always.
    for (const name of names)
      expect(outcomes[name]!.refused + outcomes[name]!.unreadable, name).toBeGreaterThan(0);
    for (const name of [
      'copy a local header before the directory',
      'Unicode path field',
      'added entry',
      'gap or prefix',
    ])
      expect(outcomes[name]!.accepted, name).toBe(0);
    // An accepted mutant changed only what no extractor acts on (a version field, an attribute bit):
    // every extractor still writes exactly the signed files.
    if (haveExtractors) {
      for (const [index, { name, zip }] of accepted.slice(0, 40).entries()) {
        const trees = extractAll(zip, dir.path, `accepted-${index}`);
        expect(trees.unzip, name).toEqual(signed);
        expect(trees['bsdtar (stream)'], name).toEqual(signed);
      }
    }
  }, 60_000);
});
