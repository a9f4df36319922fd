import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { evaluateZone, IEC62443_3_3 } from '../../../../shared/catalogue';
import { parseAssessmentFile, serializeAssessmentFile } from '../../../../shared/model';
import { ConduitDatabase, useDatabase } from '../../../../renderer/db';
import {
  answersOfZone,
  applyAnswerToZones,
  attachEvidence,
  detachEvidence,
  getAnswer,
  saveAnswer,
} from '../../../../renderer/db/answers';
import { loadAssessmentData, writeAssessmentData } from '../../../../renderer/db/assessments';
import {
  listEvidence,
  mimeTypeFor,
  prepareEvidence,
  setEvidenceCaption,
} from '../../../../renderer/db/evidence';
import { cabinetPhotoPng } from '../../../fixtures/requirements/photo';
import { zonedAssessment } from '../../../fixtures/requirements/zoned-assessment';
import { hasCommand } from '../../helpers/tools';

let database: ConduitDatabase;
const data = zonedAssessment(['Brewhouse', 'Packaging', 'Utilities'], [2, 3, 1]);
const assessmentId = data.assessment.id;
const [brewhouse, packaging, utilities] = data.zones.map((zone) => zone.id) as [string, string, string];
const key = (zoneId: string, itemId: string) => ({ assessmentId, zoneId, itemId });

beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
  await writeAssessmentData(structuredClone(data));
});

describe('answers repository', () => {
  it('keeps one answer per zone and item, and records who answered and when', async () => {
    const first = await saveAnswer(key(brewhouse, 'SR 1.1'), { status: 'not-met' }, 'Ana Ödegaard');
    expect(first).toMatchObject({
      status: 'not-met',
      answeredBy: 'Ana Ödegaard',
      evidenceIds: [],
      notes: '',
    });
    expect(first.answeredAt).toBe(first.updatedAt);

    await new Promise((r) => setTimeout(r, 5));
    const second = await saveAnswer(key(brewhouse, 'SR 1.1'), { status: 'met' }, 'Ben Okafor');
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second).toMatchObject({ status: 'met', answeredBy: 'Ben Okafor' });
    expect(second.answeredAt! > first.answeredAt!).toBe(true);
    expect(await database.answers.count()).toBe(1);
  });

  it('editing notes alone does not change who answered', async () => {
    const answered = await saveAnswer(key(brewhouse, 'SR 1.2'), { status: 'met' }, 'Ana Ödegaard');
    const noted = await saveAnswer(key(brewhouse, 'SR 1.2'), { notes: 'Seen at HMI-3' }, 'Ben Okafor');
    expect(noted).toMatchObject({
      notes: 'Seen at HMI-3',
      answeredBy: 'Ana Ödegaard',
      answeredAt: answered.answeredAt,
    });
    // Notes on an item not answered yet create a "not assessed" answer that nobody answered.
    const fresh = await saveAnswer(key(packaging, 'SR 1.2'), { notes: 'ask the integrator' }, 'Ben Okafor');
    expect(fresh).toMatchObject({ status: 'not-assessed', answeredBy: null, answeredAt: null });
  });

  it('refuses not applicable without a reason and compensating without a description, storing nothing', async () => {
    await saveAnswer(key(brewhouse, 'SR 1.3'), { status: 'partially-met', notes: 'keep me' }, 'Ana Ödegaard');
    const before = await getAnswer(brewhouse, 'SR 1.3');
    await expect(saveAnswer(key(brewhouse, 'SR 1.3'), { status: 'not-applicable' }, 'Ana')).rejects.toThrow(
      /not applicable needs a reason/,
    );
    await expect(
      saveAnswer(key(brewhouse, 'SR 1.3'), { status: 'compensating', justification: '   ' }, 'Ana'),
    ).rejects.toThrow(/compensating control needs a description/);
    expect(await getAnswer(brewhouse, 'SR 1.3')).toEqual(before);
    const justified = await saveAnswer(
      key(brewhouse, 'SR 1.3'),
      { status: 'not-applicable', justification: 'No remote access exists' },
      'Ana',
    );
    expect(justified.notes).toBe('keep me');
  });

  it('applies one answer to several zones at once, replacing what they had', async () => {
    await saveAnswer(key(packaging, 'SR 1.5'), { status: 'not-met', notes: 'old' }, 'Ana Ödegaard');
    const written = await applyAnswerToZones(
      assessmentId,
      [brewhouse, packaging, utilities, packaging],
      'SR 1.5',
      { status: 'compensating', justification: 'Domain password policy', notes: 'site-wide' },
      'Ben Okafor',
    );
    expect(written).toHaveLength(3);
    for (const zoneId of [brewhouse, packaging, utilities]) {
      expect(await getAnswer(zoneId, 'SR 1.5')).toMatchObject({
        status: 'compensating',
        justification: 'Domain password policy',
        notes: 'site-wide',
        answeredBy: 'Ben Okafor',
      });
    }
    expect((await database.answers.toArray()).filter((a) => a.itemId === 'SR 1.5')).toHaveLength(3);
  });

  it('a bulk answer that is invalid writes to no zone at all', async () => {
    await saveAnswer(key(brewhouse, 'SR 2.1'), { status: 'met' }, 'Ana Ödegaard');
    await expect(
      applyAnswerToZones(
        assessmentId,
        [brewhouse, packaging],
        'SR 2.1',
        { status: 'not-applicable', justification: '', notes: '' },
        'Ana',
      ),
    ).rejects.toThrow();
    expect((await getAnswer(brewhouse, 'SR 2.1'))?.status).toBe('met');
    expect(await getAnswer(packaging, 'SR 2.1')).toBeUndefined();
  });

  it('answers to items above a lowered SL-T are kept, and count again when it is raised', async () => {
    await saveAnswer(key(brewhouse, 'SR 1.1'), { status: 'met' }, 'Ana');
    await saveAnswer(key(brewhouse, 'SR 1.1 RE 1'), { status: 'met' }, 'Ana');
    await database.zones.update(brewhouse, { slt: { base: 1, overrides: {} } });
    const lowered = evaluateZone(
      IEC62443_3_3,
      (await database.zones.get(brewhouse))!,
      await answersOfZone(brewhouse),
    );
    expect(lowered.outOfScope.map((a) => a.itemId)).toEqual(['SR 1.1 RE 1']);
    expect(await database.answers.where({ zoneId: brewhouse }).count()).toBe(2);
    await database.zones.update(brewhouse, { slt: { base: 2, overrides: {} } });
    const raised = evaluateZone(
      IEC62443_3_3,
      (await database.zones.get(brewhouse))!,
      await answersOfZone(brewhouse),
    );
    expect(raised.inScope.map((a) => a.itemId).sort()).toEqual(['SR 1.1', 'SR 1.1 RE 1']);
  });
});

describe('evidence repository', () => {
  it('stores a photo as a Blob with its SHA-256 and links it to the answer', async () => {
    const photo = cabinetPhotoPng();
    const [prepared] = await prepareEvidence(assessmentId, [{ name: 'cabinet-b.png', bytes: photo }]);
    const answer = await attachEvidence(key(brewhouse, 'SR 1.1'), [prepared!]);
    expect(answer.status).toBe('not-assessed');
    expect(answer.evidenceIds).toEqual([prepared!.id]);

    const [stored] = await listEvidence(answer.evidenceIds);
    expect(stored).toMatchObject({ name: 'cabinet-b.png', mimeType: 'image/png', size: photo.length });
    const bytes = new Uint8Array(await stored!.blob.arrayBuffer());
    expect(Buffer.from(bytes).equals(photo)).toBe(true);
    expect(stored!.blob.type).toBe('image/png');
    if (hasCommand('sha256sum')) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'conduit-evidence-')), 'cabinet-b.png');
      writeFileSync(file, photo);
      const output = spawnSync('sha256sum', [file], { encoding: 'utf8' }).stdout;
      expect(stored!.sha256).toBe(output.split(' ')[0]);
    }
  });

  it('guesses the type from the name when the picker gives none', () => {
    expect(mimeTypeFor('IMG_0042.JPG')).toBe('image/jpeg');
    expect(mimeTypeFor('capture.pcapng')).toBe('application/vnd.tcpdump.pcap');
    expect(mimeTypeFor('notes')).toBe('application/octet-stream');
    expect(mimeTypeFor('x.png', 'image/webp')).toBe('image/webp');
  });

  it('lists by ids in the order given, skipping ids no longer stored', async () => {
    const prepared = await prepareEvidence(assessmentId, [
      { name: 'a.txt', bytes: new TextEncoder().encode('a') },
      { name: 'b.txt', bytes: new TextEncoder().encode('b') },
    ]);
    await attachEvidence(key(brewhouse, 'SR 1.1'), prepared);
    const listed = await listEvidence([prepared[1]!.id, 'gone', prepared[0]!.id]);
    expect(listed.map((e) => e.name)).toEqual(['b.txt', 'a.txt']);
    expect(await listEvidence([])).toEqual([]);
  });

  it('deletes evidence only when nothing references it any more', async () => {
    const [shared] = await prepareEvidence(assessmentId, [
      { name: 'policy.pdf', bytes: new Uint8Array([1, 2, 3]) },
    ]);
    await attachEvidence(key(brewhouse, 'SR 1.5'), [shared!]);
    // The bulk answer links the same record to another zone.
    await applyAnswerToZones(
      assessmentId,
      [packaging],
      'SR 1.5',
      { status: 'met', justification: '', notes: '', evidenceIds: [shared!.id] },
      'Ana',
    );
    expect((await detachEvidence(key(brewhouse, 'SR 1.5'), shared!.id)).deleted).toBe(false);
    expect(await database.evidence.get(shared!.id)).toBeDefined();
    expect((await getAnswer(brewhouse, 'SR 1.5'))?.evidenceIds).toEqual([]);

    // A connection referencing it keeps it too.
    const rich = (await import('../../../fixtures/rich-assessment')).richAssessment;
    const connection = { ...(await rich()).connections[0]!, assessmentId, evidenceIds: [shared!.id] };
    await database.connections.add(connection);
    expect((await detachEvidence(key(packaging, 'SR 1.5'), shared!.id)).deleted).toBe(false);
    await database.connections.delete(connection.id);
    expect((await detachEvidence(key(packaging, 'SR 1.5'), shared!.id)).deleted).toBe(true);
    expect(await database.evidence.get(shared!.id)).toBeUndefined();
  });

  it('answers and evidence written here survive the assessment file round trip', async () => {
    const [photo] = await prepareEvidence(assessmentId, [
      { name: 'cabinet-b.png', bytes: cabinetPhotoPng() },
    ]);
    await attachEvidence(key(brewhouse, 'SR 1.1'), [photo!]);
    await saveAnswer(
      key(brewhouse, 'SR 1.1'),
      { status: 'not-met', notes: 'shared “operator” login' },
      'Ana Ödegaard',
    );
    await saveAnswer(
      key(utilities, 'SR 7.8'),
      { status: 'compensating', justification: 'Passive monitoring' },
      'Ben',
    );
    const loaded = await loadAssessmentData(assessmentId);
    const file = serializeAssessmentFile(loaded);
    const parsed = await parseAssessmentFile(file);
    expect(parsed).toEqual(loaded);
    expect(parsed.answers).toHaveLength(2);
    expect(parsed.evidence[0]!.bytes).toEqual(new Uint8Array(cabinetPhotoPng()));
  });
});

describe('evidence captions', () => {
  it('sets a caption and keeps the bytes and hash', async () => {
    const [photo] = await prepareEvidence(assessmentId, [
      { name: 'cabinet-b.png', bytes: cabinetPhotoPng() },
    ]);
    await attachEvidence(key(brewhouse, 'SR 1.1'), [photo!]);
    await setEvidenceCaption(photo!.id, 'Unlabelled 4G router in cabinet B');
    const [stored] = await listEvidence([photo!.id]);
    expect(stored).toMatchObject({ caption: 'Unlabelled 4G router in cabinet B', sha256: photo!.sha256 });
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(new Uint8Array(cabinetPhotoPng()));
  });
});
