import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeIntoInventory, parseInventory } from '../../../../shared/importers';
import { assetOrigin, countOrigins, createManualAsset } from '../../../../shared/model';
import { analyzeCapture } from '../../../../shared/traffic/analyzer';
import { CAPTURE_FORMAT, captureToImport } from '../../../../shared/traffic/to-inventory';

const A = '00000000-0000-4000-8000-0000000000a1';
const CAPTURE = path.resolve('test/fixtures/traffic/mixed_modbus_s7_enip_mb2.pcap');
const context = (id: string) => ({
  id,
  assessmentId: A,
  format: CAPTURE_FORMAT,
  fileName: 'mixed.pcap',
  at: '2026-03-02T08:15:00.000Z',
});
const file = { sha256: '0'.repeat(64), size: 1 };

async function summary() {
  return analyzeCapture([new Uint8Array(readFileSync(CAPTURE))]);
}

describe('endpoints seen in traffic', () => {
  it('are their own class, kept apart from sensor and hand-made assets', async () => {
    const imported = captureToImport(
      await summary(),
      [],
      context('00000000-0000-4000-8000-00000000d001'),
      file,
    );
    expect(imported.merge.added.length).toBeGreaterThan(1);
    expect(imported.merge.added.every((a) => assetOrigin(a) === 'traffic')).toBe(true);
    expect(assetOrigin(createManualAsset(A, { name: 'Modem' }))).toBe('manual');

    // A sensor export that names one of them makes it a sensor asset.
    const [first] = imported.merge.added;
    const csv = `name,ip\nPLC-A,${first!.ips[0]}\n`;
    const parsed = await parseInventory({ name: 'sensor.csv', bytes: new TextEncoder().encode(csv) });
    const merged = mergeIntoInventory(imported.merge.added, parsed, {
      ...context('00000000-0000-4000-8000-00000000d002'),
      format: 'csv',
      fileName: 'sensor.csv',
    });
    const confirmed = merged.updated.find((u) => u.asset.id === first!.id)!.asset;
    expect(assetOrigin(confirmed)).toBe('sensor');
    const all = imported.merge.added.map((a) => (a.id === confirmed.id ? confirmed : a));
    expect(countOrigins(all)).toEqual({ sensor: 1, traffic: all.length - 1, manual: 0 });
  });

  it('are not added when the assessor says so; their flows keep the addresses', async () => {
    const read = await summary();
    const known = {
      ...createManualAsset(A, { name: 'Master', ips: [read.assets.find((a) => a.role === 'both')!.ip] }),
    };
    const imported = captureToImport(read, [known], context('00000000-0000-4000-8000-00000000d003'), file, {
      addEndpoints: false,
    });
    expect(imported.merge.added).toEqual([]);
    expect(imported.batch.undo).toMatchObject({ addedAssetIds: [] });
    expect(imported.batch.counts.assets).toBe(1);
    expect(imported.flows.length).toBeGreaterThan(0);
    const ends = imported.flows.flatMap((f) => [f.a, f.b]).filter((e) => e.ip !== null);
    expect(ends.some((e) => e.assetId === known.id)).toBe(true);
    expect(ends.some((e) => e.assetId === null)).toBe(true);
    expect(new Set(ends.map((e) => e.assetId).filter(Boolean))).toEqual(new Set([known.id]));
  });
});
