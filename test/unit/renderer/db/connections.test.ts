import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConduitDatabase, useDatabase } from '../../../../renderer/db';
import { writeAssessmentData } from '../../../../renderer/db/assessments';
import { documentWithConduit, listFlows, listTriage, saveTriage } from '../../../../renderer/db/connections';
import { importCapture } from '../../../../renderer/db/captures';
import { undoBatch } from '../../../../renderer/db/import-batches';
import { reconcile } from '../../../../shared/network';
import { analyzeCapture } from '../../../../shared/traffic/analyzer';
import { MIXED_CAPTURE, plantAssessment } from '../../../fixtures/traffic/plant-assessment';

let database: ConduitDatabase;
beforeEach(async () => {
  database = new ConduitDatabase(`test-${crypto.randomUUID()}`);
  useDatabase(database);
  await database.open();
});

describe('connections repository', () => {
  it('imports a capture in one batch (assets merged, flows, layer 2) and undoes it whole', async () => {
    const data = await plantAssessment(false);
    await writeAssessmentData(data);
    const id = data.assessment.id;
    const summary = await analyzeCapture([new Uint8Array(readFileSync(MIXED_CAPTURE))]);
    const batch = await importCapture(id, summary, {
      name: 'mixed.pcap',
      size: 1965376,
      sha256: 'a'.repeat(64),
    });
    expect(batch.kind).toBe('capture');
    expect(batch.counts.records).toBe(13472);
    const flows = await listFlows(id);
    expect(flows).toHaveLength(summary.flows.length + summary.l2.length);
    expect(flows.every((f) => f.batchId === batch.id)).toBe(true);
    const l2 = flows.filter((f) => f.transport === 'l2');
    expect(l2.map((f) => f.ethertype)).toContain(0x8892);
    const assets = await database.assets.where({ assessmentId: id }).toArray();
    expect(assets).toHaveLength(summary.assets.length);
    const master = assets.find((a) => a.ips.includes('141.81.0.10'))!;
    expect(master.protocols).toContain('Modbus/TCP');
    // Flow ends point at the merged assets.
    expect(flows.some((f) => f.a.assetId === master.id || f.b.assetId === master.id)).toBe(true);

    // A second import of the same capture merges into the same assets rather than duplicating them.
    const again = await importCapture(id, summary, {
      name: 'mixed.pcap',
      size: 1965376,
      sha256: 'a'.repeat(64),
    });
    expect(await database.assets.where({ assessmentId: id }).count()).toBe(summary.assets.length);
    expect((await undoBatch(again.id)).batch.id).toBe(again.id);

    expect((await undoBatch(batch.id)).inventory).toEqual([]);
    expect(await listFlows(id)).toEqual([]);
    expect(await database.assets.where({ assessmentId: id }).count()).toBe(0);
    expect(await database.importBatches.count()).toBe(0);
  });

  it('keeps one triage per candidate key, and documents a candidate with its conduit in one write', async () => {
    const data = await plantAssessment(true);
    await writeAssessmentData(data);
    const id = data.assessment.id;
    const first = await saveTriage(id, {
      candidateKey: 'unzoned:10.0.0.1',
      decision: 'dismissed',
      reason: 'spare laptop',
      connectionId: null,
      conduitId: null,
    });
    const second = await saveTriage(id, {
      candidateKey: 'unzoned:10.0.0.1',
      decision: 'dismissed',
      reason: 'spare laptop, removed',
      connectionId: null,
      conduitId: null,
    });
    expect(second.id).toBe(first.id);
    expect(await listTriage(id)).toHaveLength(1);
    await expect(
      saveTriage(id, {
        candidateKey: 'x',
        decision: 'dismissed',
        reason: ' ',
        connectionId: null,
        conduitId: null,
      }),
    ).rejects.toThrow(/a dismissal needs a reason/);

    const conduit = {
      ...data.conduits[0]!,
      services: [
        ...data.conduits[0]!.services,
        { transport: 'tcp' as const, ports: '102', protocol: 'S7comm' },
      ],
    };
    const key = `flow:${data.zones[0]!.id}>${data.zones[1]!.id}:tcp/102:S7comm`;
    await documentWithConduit(key, conduit);
    const stored = await database.conduits.get(conduit.id);
    expect(stored?.services).toHaveLength(2);
    const triage = await listTriage(id);
    expect(triage.find((t) => t.candidateKey === key)).toMatchObject({
      decision: 'documented',
      conduitId: conduit.id,
    });
    const after = reconcile({
      zones: data.zones,
      conduits: [stored!],
      assets: data.assets,
      flows: data.flows,
    });
    expect(after.candidates.some((c) => c.key === key)).toBe(false);
  });
});
