import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { serializeAssessmentFile } from '../../../../shared/model';
import { useDatabase, ConduitDatabase, ASSESSMENT_TABLES } from '../../../../renderer/db';
import {
  createAssessmentRecord,
  deleteAssessment,
  duplicateAssessment,
  importAssessmentData,
  listAssessments,
  loadAssessmentData,
  setArchived,
  updateAssessment,
  writeAssessmentData,
} from '../../../../renderer/db/assessments';
import { richAssessment } from '../../../fixtures/rich-assessment';

let database: ConduitDatabase;
beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
});

async function countOwned(id: string) {
  let total = 0;
  for (const table of ASSESSMENT_TABLES)
    total += await database[table].where('assessmentId').equals(id).count();
  return total;
}

describe('assessment repositories', () => {
  it('lists the most recently edited first', async () => {
    const a = await createAssessmentRecord({ client: 'A', site: 'One' });
    await new Promise((r) => setTimeout(r, 5));
    const b = await createAssessmentRecord({ client: 'B', site: 'Two' });
    expect((await listAssessments()).map((x) => x.id)).toEqual([b.id, a.id]);
    await new Promise((r) => setTimeout(r, 5));
    await updateAssessment(a.id, { scope: 'Line 3' });
    expect((await listAssessments()).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('validates edits and leaves the stored record untouched on bad input', async () => {
    const a = await createAssessmentRecord({ client: 'A', site: 'One', startDate: '2026-01-10' });
    await expect(updateAssessment(a.id, { client: '   ' })).rejects.toThrow(/client is required/);
    await expect(updateAssessment(a.id, { startDate: '10/01/2026' })).rejects.toThrow();
    expect(await database.assessments.get(a.id)).toEqual(a);
  });

  it('archives and restores', async () => {
    const a = await createAssessmentRecord({ client: 'A', site: 'One' });
    expect((await setArchived(a.id, true)).status).toBe('archived');
    expect((await setArchived(a.id, false)).status).toBe('active');
  });

  it('loads exactly what was written', async () => {
    const data = await richAssessment();
    await writeAssessmentData(data);
    const loaded = await loadAssessmentData(data.assessment.id);
    expect(serializeAssessmentFile(loaded, { exportedAt: '2026-01-01T00:00:00.000Z' })).toBe(
      serializeAssessmentFile(data, { exportedAt: '2026-01-01T00:00:00.000Z' }),
    );
  });

  it('duplicates every record under fresh ids', async () => {
    const data = await richAssessment();
    await writeAssessmentData(data);
    const copy = await duplicateAssessment(data.assessment.id);
    expect(copy.title).toBe(`${data.assessment.title} (copy)`);
    const loaded = await loadAssessmentData(copy.id);
    expect(loaded.zones).toHaveLength(data.zones.length);
    const photo = loaded.evidence.find((e) => e.name === data.evidence[0]!.name)!;
    expect(photo.bytes).toEqual(data.evidence[0]!.bytes);
    const enterprise = loaded.zones.find((z) => z.name === 'Enterprise IT')!;
    const dmz = loaded.zones.find((z) => z.name === 'Industrial DMZ')!;
    const itToDmz = loaded.conduits.find((c) => c.name === 'IT ↔ DMZ')!;
    expect([itToDmz.fromZoneId, itToDmz.toZoneId]).toEqual([enterprise.id, dmz.id]);
    expect(data.zones.map((z) => z.id)).not.toContain(enterprise.id);
    expect(await countOwned(copy.id)).toBe(await countOwned(data.assessment.id));
  });

  it('deletes an assessment and all its records in one go, leaving others alone', async () => {
    const data = await richAssessment();
    await writeAssessmentData(data);
    const other = await createAssessmentRecord({ client: 'Other', site: 'Site' });
    const copy = await duplicateAssessment(data.assessment.id);
    expect(await countOwned(data.assessment.id)).toBeGreaterThan(10);
    await deleteAssessment(data.assessment.id);
    expect(await countOwned(data.assessment.id)).toBe(0);
    expect(await database.assessments.get(data.assessment.id)).toBeUndefined();
    expect(await database.assessments.get(other.id)).toBeDefined();
    expect(await countOwned(copy.id)).toBeGreaterThan(10);
  });

  it('writes an imported assessment whole or not at all', async () => {
    const data = await richAssessment();
    const broken = { ...data, assets: [...data.assets, { ...data.assets[0]! }] };
    await expect(writeAssessmentData(broken)).rejects.toThrow();
    expect(await database.assessments.count()).toBe(0);
    expect(await countOwned(data.assessment.id)).toBe(0);
  });

  it('imports a file that is already here as a copy, overwriting nothing', async () => {
    const data = await richAssessment();
    expect((await importAssessmentData(data)).asCopy).toBe(false);
    const second = await importAssessmentData(data);
    expect(second.asCopy).toBe(true);
    expect(second.assessment.id).not.toBe(data.assessment.id);
    expect(await database.assessments.count()).toBe(2);
  });

  it('brings the file’s aliases in, keeping the ones the assessor here already set, and exports them', async () => {
    const at = '2026-03-02T08:15:00.000Z';
    await database.aliases.add({
      id: 'vendor:abb',
      kind: 'vendor',
      spelling: 'ABB',
      canonical: 'ABB (local)',
      updatedAt: at,
    });
    const data = {
      ...(await richAssessment()),
      aliases: [
        { id: 'vendor:abb', kind: 'vendor' as const, spelling: 'ABB', canonical: 'Asea', updatedAt: at },
        {
          id: 'type:ews',
          kind: 'type' as const,
          spelling: 'EWS',
          canonical: 'Engineering PC',
          updatedAt: at,
        },
      ],
    };
    await importAssessmentData(data);
    const stored = await database.aliases.orderBy('id').toArray();
    expect(stored.map((a) => [a.id, a.canonical])).toEqual([
      ['type:ews', 'Engineering PC'],
      ['vendor:abb', 'ABB (local)'],
    ]);
    expect((await loadAssessmentData(data.assessment.id)).aliases).toEqual(stored);
  });
});
