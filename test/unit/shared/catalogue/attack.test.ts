import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  ATTACK_ICS,
  ATTACK_ICS_SOURCE_SHA256,
  attackForItem,
  attackForItemIds,
  attackTechnique,
  IEC62443_3_3,
} from '../../../../shared/catalogue';
import { VECTOR_TECHNIQUES } from '../../../../shared/risk';
import {
  DEFAULT_ATTACK_MODULE_PATH,
  DEFAULT_STIX_PATH,
  extractAttack,
  generateAttackModule,
} from '../../../../scripts/attack-module';

interface Stix {
  type: string;
  id: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  labels?: string[];
  relationship_type?: string;
  source_ref?: string;
  target_ref?: string;
  external_references?: { source_name: string; external_id?: string }[];
}
const gz = readFileSync(DEFAULT_STIX_PATH);
const objects = (JSON.parse(gunzipSync(gz).toString('utf8')) as { objects: Stix[] }).objects;
const extId = (o: Stix) => o.external_references!.find((r) => r.source_name === 'mitre-attack')!.external_id!;

describe('ATT&CK for ICS module', () => {
  it('is exactly what scripts/build-attack.ts generates from the bundled STIX file', async () => {
    expect(readFileSync(DEFAULT_ATTACK_MODULE_PATH, 'utf8')).toBe(await generateAttackModule());
    expect(ATTACK_ICS_SOURCE_SHA256).toBe(createHash('sha256').update(gz).digest('hex'));
  });

  it('is the copy of the reference STIX file', () => {
    const reference = '../shared/advisories/mitre-ics-attack-v18.json.gz';
    let original: Buffer | null = null;
    try {
      original = readFileSync(new URL(`../../../../${reference}`, import.meta.url));
    } catch {
      // A user's clone has no ../shared: only the copy is checked there.
    }
    if (original) expect(createHash('sha256').update(original).digest('hex')).toBe(ATTACK_ICS_SOURCE_SHA256);
    expect(ATTACK_ICS.version).toBe('18.1');
  });

  it('maps every catalogue item to the mitigations its SR label names and the techniques they mitigate, as the STIX file says', () => {
    const live = (o: Stix) => !o.revoked && !o.x_mitre_deprecated;
    const techniques = new Map(
      objects.filter((o) => o.type === 'attack-pattern' && live(o)).map((o) => [o.id, extId(o)]),
    );
    for (const item of IEC62443_3_3.items) {
      const mitigations = objects.filter(
        (o) =>
          o.type === 'course-of-action' &&
          live(o) &&
          (o.labels ?? []).includes(`IEC 62443-3-3:2013 - ${item.sr}`),
      );
      const refs = new Set(mitigations.map((m) => m.id));
      const mitigated = objects
        .filter(
          (o) =>
            o.type === 'relationship' &&
            o.relationship_type === 'mitigates' &&
            live(o) &&
            refs.has(o.source_ref!),
        )
        .map((o) => techniques.get(o.target_ref!))
        .filter((t): t is string => t !== undefined);
      const got = attackForItem(item);
      expect(got.mitigations.sort(), item.id).toEqual(mitigations.map(extId).sort());
      expect(got.techniques, item.id).toEqual([...new Set(mitigated)].sort());
    }
  });

  it('gives known SRs their mitigations and an SR no label names nothing', () => {
    const sr = (id: string) => IEC62443_3_3.items.find((i) => i.id === id)!;
    expect(attackForItem(sr('SR 1.1')).mitigations).toEqual(['M0804']);
    expect(attackForItem(sr('SR 5.1')).mitigations.sort()).toEqual(['M0930', 'M0935', 'M0937']);
    expect(attackForItem(sr('SR 5.1 RE 1'))).toEqual(attackForItem(sr('SR 5.1')));
    expect(attackForItem(sr('SR 5.1')).techniques).toContain('T0886');
    expect(attackForItem(sr('SR 6.1'))).toEqual({ mitigations: [], techniques: [] });
  });

  it('knows every technique the scenario suggestions use', () => {
    for (const id of new Set(Object.values(VECTOR_TECHNIQUES).flat()))
      expect(attackTechnique(id), id).toBeDefined();
    expect(attackTechnique('T0866')?.name).toBe('Exploitation of Remote Services');
  });

  it('refuses a file that is not a STIX bundle, naming it', () => {
    expect(() => extractAttack('{"type":"x"}', 'bad.json')).toThrow(
      'bad.json: not a STIX bundle (no "objects" list)',
    );
    expect(() => extractAttack('nope', 'bad.json')).toThrow(/^bad\.json: not JSON/);
  });
});

describe('attackForItemIds', () => {
  it('joins the mitigations of several items, an RE counting as its SR, with their names', () => {
    const joined = attackForItemIds(['SR 1.1 RE 2', 'SR 5.1', 'not an item']);
    expect(joined.mitigations).toEqual([
      { id: 'M0804', name: 'Human User Authentication' },
      { id: 'M0930', name: 'Network Segmentation' },
      { id: 'M0935', name: 'Limit Access to Resource Over Network' },
      { id: 'M0937', name: 'Filter Network Traffic' },
    ]);
    expect(joined.techniques).toEqual(
      [
        ...new Set([
          ...attackForItem({ sr: 'SR 1.1' }).techniques,
          ...attackForItem({ sr: 'SR 5.1' }).techniques,
        ]),
      ].sort(),
    );
  });
});
