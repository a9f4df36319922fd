import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync, zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import {
  CsafError,
  KevError,
  PackError,
  readCsaf,
  readKev,
  readPack,
  unpackArchive,
} from '../../../../shared/advisories';
import { KEV_PATH, snapshotFile } from './helpers';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A later revision of a real advisory: same tracking id, higher version, one more history entry. */
function revised(bytes: Uint8Array, version: string, title: string): Uint8Array {
  const doc = JSON.parse(decoder.decode(bytes));
  doc.document.tracking.version = version;
  doc.document.tracking.current_release_date = '2024-02-01T00:00:00Z';
  doc.document.tracking.revision_history.push({
    number: version,
    date: '2024-02-01T00:00:00Z',
    summary: 'Update A',
  });
  doc.document.title = title;
  return encoder.encode(JSON.stringify(doc));
}

describe('readCsaf', () => {
  it('reads the product tree, statuses, CVSS, remediations and revision history of a real advisory', () => {
    const { json } = snapshotFile('icsa-23-222-07.json');
    const advisory = readCsaf(JSON.parse(decoder.decode(json.bytes)));
    expect(advisory.id).toBe('ICSA-23-222-07');
    expect(advisory.revisions[0]).toMatchObject({ number: '1', date: '2023-08-08T00:00:00Z' });
    expect(advisory.cves.map((c) => c.id)).toContain('CVE-2023-0286');
    expect(advisory.cves[0]!.cvss).toBe(7.4);
    const cpu = advisory.products.find(
      (p) => p.name === 'SIMATIC S7-1500 CPU 1516-3 PN/DP (6ES7516-3AN01-0AB0)',
    );
    expect(cpu).toMatchObject({ vendor: 'Siemens', versions: 'vers:all/<V2.9.7', versionKind: 'range' });
    expect(cpu!.affected.length).toBeGreaterThan(0);
    expect(cpu!.remediations.some((r) => r.kind === 'vendor_fix' && /V2\.9\.7/.test(r.text))).toBe(true);
  });

  it('honours fixed and known_not_affected statuses and relationships', () => {
    const doc = {
      document: {
        category: 'csaf_security_advisory',
        csaf_version: '2.0',
        title: 'Example',
        tracking: {
          id: 'EX-1',
          version: '1',
          initial_release_date: '2024-01-01',
          current_release_date: '2024-01-01',
        },
      },
      product_tree: {
        branches: [
          {
            category: 'vendor',
            name: 'Acme',
            branches: [
              {
                category: 'product_name',
                name: 'Gateway GW-100',
                branches: [
                  {
                    category: 'product_version_range',
                    name: '<2.0',
                    product: { name: 'GW-100 <2.0', product_id: 'A' },
                  },
                  {
                    category: 'product_version',
                    name: '2.0',
                    product: { name: 'GW-100 2.0', product_id: 'F' },
                  },
                ],
              },
              { category: 'product_name', name: 'Panel HP-7', product: { name: 'HP-7', product_id: 'N' } },
            ],
          },
        ],
        relationships: [
          {
            category: 'installed_on',
            product_reference: 'A',
            relates_to_product_reference: 'N',
            full_product_name: { name: 'GW-100 <2.0 on HP-7', product_id: 'AN' },
          },
        ],
      },
      vulnerabilities: [
        {
          cve: 'CVE-2024-0001',
          product_status: { known_affected: ['A', 'AN'], fixed: ['F'], known_not_affected: ['N'] },
        },
      ],
    };
    const advisory = readCsaf(doc);
    const byName = Object.fromEntries(advisory.products.map((p) => [p.name, p]));
    expect(byName['GW-100 <2.0']!.affected).toEqual([0]);
    expect(byName['GW-100 2.0']!.fixed).toEqual([0]);
    expect(byName['HP-7']!.notAffected).toEqual([0]);
    expect(byName['GW-100 <2.0 on HP-7']).toMatchObject({
      platform: 'HP-7',
      versions: '<2.0',
      affected: [0],
    });
  });

  it('says what is missing from a document that is not CSAF 2.0', () => {
    expect(() => readCsaf({ document: { csaf_version: '1.2' } })).toThrow(CsafError);
    expect(() => readCsaf({ document: { csaf_version: '1.2' } })).toThrow(
      /not a CSAF 2.0 advisory \(document\./,
    );
  });
});

describe('readPack', () => {
  const a = snapshotFile('icsa-23-222-07.json');
  const b = snapshotFile('icsa-19-183-01.json');

  it('reads a folder laid out as CISA publishes it, checking every sidecar', () => {
    const pack = readPack([
      { path: '2023/icsa-23-222-07.json', bytes: a.json.bytes },
      { path: '2023/icsa-23-222-07.json.sha512', bytes: a.sidecar.bytes },
      { path: '2019/icsa-19-183-01.json', bytes: b.json.bytes },
      { path: '2019/icsa-19-183-01.json.sha512', bytes: b.sidecar.bytes },
    ]);
    expect(pack.advisories.map((x) => x.id)).toEqual(['ICSA-19-183-01', 'ICSA-23-222-07']);
    expect(pack.verified).toBe(2);
    expect(pack.problems).toEqual([]);
    expect(pack.from).toBe('2019-07-02');
    expect(pack.to).toBe('2023-08-08');
  });

  it('refuses the pack when a file does not match its sidecar, naming the file', () => {
    const tampered = a.json.bytes.slice();
    tampered[100] = tampered[100] === 0x20 ? 0x21 : 0x20;
    expect(() =>
      readPack([
        { path: '2023/icsa-23-222-07.json', bytes: tampered },
        { path: '2023/icsa-23-222-07.json.sha512', bytes: a.sidecar.bytes },
      ]),
    ).toThrow(
      new PackError(
        '2023/icsa-23-222-07.json',
        'does not match its checksum in 2023/icsa-23-222-07.json.sha512: the pack is refused',
      ),
    );
  });

  it('reports malformed files by name and loads the rest', () => {
    const pack = readPack([
      { path: 'icsa-19-183-01.json', bytes: b.json.bytes },
      { path: 'broken.json', bytes: encoder.encode('{"document": ') },
      { path: 'not-csaf.json', bytes: encoder.encode('{"hello": "world"}') },
    ]);
    expect(pack.advisories.map((x) => x.id)).toEqual(['ICSA-19-183-01']);
    expect(pack.problems.map((p) => p.file)).toEqual(['broken.json', 'not-csaf.json']);
    expect(pack.problems[0]!.message).toMatch(/^not valid JSON/);
    expect(pack.problems[1]!.message).toMatch(/^not a CSAF 2.0 advisory \(document:/);
  });

  it('keeps the later revision of one tracking id, whichever file comes first', () => {
    const later = revised(b.json.bytes, '2', 'Schneider Electric Modicon (Update A)');
    for (const files of [
      [
        { path: 'a/icsa-19-183-01.json', bytes: b.json.bytes },
        { path: 'b/icsa-19-183-01a.json', bytes: later },
      ],
      [
        { path: 'a/icsa-19-183-01a.json', bytes: later },
        { path: 'b/icsa-19-183-01.json', bytes: b.json.bytes },
      ],
    ]) {
      const pack = readPack(files);
      expect(pack.advisories).toHaveLength(1);
      expect(pack.advisories[0]).toMatchObject({
        title: 'Schneider Electric Modicon (Update A)',
        revision: '2',
      });
      expect(pack.superseded).toHaveLength(1);
      expect(pack.superseded[0]).toMatchObject({ id: 'ICSA-19-183-01', revision: '1' });
      expect(pack.superseded[0]!.file).toMatch(/icsa-19-183-01\.json$/);
    }
  });

  it('reads the same pack from a .zip, a .tar.gz and a flat .tar', () => {
    const entries = {
      'csaf/2023/icsa-23-222-07.json': a.json.bytes,
      'csaf/2023/icsa-23-222-07.json.sha512': a.sidecar.bytes,
      'csaf/2019/icsa-19-183-01.json': b.json.bytes,
    };
    const zip = zipSync(entries);
    const tar = createTar(Object.entries(entries).map(([name, data]) => ({ name, data })));
    for (const [name, bytes] of [
      ['pack.zip', zip],
      ['pack.tar.gz', gzipSync(tar)],
      ['pack.tar', tar],
    ] as const) {
      const pack = readPack(unpackArchive(name, bytes));
      expect(
        pack.advisories.map((x) => x.id),
        name,
      ).toEqual(['ICSA-19-183-01', 'ICSA-23-222-07']);
      expect(pack.verified, name).toBe(1);
    }
  });

  it('names an archive it cannot read', () => {
    expect(() => unpackArchive('advisories.zip', encoder.encode('not an archive at all'))).toThrow(
      /^advisories\.zip: cannot be read as an advisory pack/,
    );
  });
});

describe('readKev', () => {
  it('reads the shipped catalog', () => {
    const kev = readKev(decoder.decode(gunzipSync(readFileSync(KEV_PATH))), 'kev.json');
    expect(kev.version).toBe('2025.08.25');
    expect(kev.entries.size).toBe(1404);
    expect(kev.entries.get('CVE-2025-48384')).toMatchObject({
      dateAdded: '2025-08-25',
      dueDate: '2025-09-15',
    });
  });

  it('names the file and the entry that is wrong', () => {
    expect(() =>
      readKev('{"catalogVersion": "1", "vulnerabilities": [{"cveID": "nope"}]}', 'kev.json'),
    ).toThrow(
      new KevError(
        'kev.json: not a CISA KEV catalog (entry 1: invalid string: must match pattern /^cve-\\d{4}-\\d+$/)',
      ),
    );
    expect(() => readKev('[', 'kev.json')).toThrow(/^kev\.json: not valid JSON/);
  });
});
