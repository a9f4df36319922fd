import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../../shared/importers';
import { groupValues, repairGrassmarlinCsv } from '../../../../shared/importers/sources/grassmarlin';
import { byName, fixtureBytes, importFixture, parseText } from './helpers';

describe('Malcolm', () => {
  it('reads the /mapi/agg shape CSET reads: source.ip, role, destination.ip, role', async () => {
    const { parsed, merged } = await importFixture('malcolm/cset_agg.json');
    expect(parsed.format).toBe('malcolm');
    expect(merged.added.map((a) => [a.name, a.type])).toEqual([
      ['10.10.1.20', 'Engineering Workstation'],
      ['10.10.2.5', 'PLC'],
      ['10.10.2.6', null],
      ['10.10.9.9', 'Historian'],
    ]);
    expect(merged.flows.map((f) => [f.a.ip, f.b.ip, f.a.assetId !== null, f.b.assetId !== null])).toEqual([
      ['10.10.1.20', '10.10.2.5', true, true],
      ['10.10.1.20', '10.10.2.6', true, true],
      ['10.10.2.5', '10.10.9.9', true, true],
    ]);
  });
  it('says so when an aggregation names no hosts', async () => {
    const { parsed } = await importFixture('malcolm/mapi_agg_shape_excerpt.json');
    expect(parsed.assets).toEqual([]);
    expect(parsed.records).toBe(4);
    expect(parsed.warnings[0]!.message).toMatch(/no source\.ip or destination\.ip/);
  });
});

describe('GRASSMARLIN', () => {
  it('reads a .gm3 session: nodes by position, frames of the destination block only', async () => {
    const entries = unzipSync(fixtureBytes('grassmarlin/session.gm3'));
    expect(Object.keys(entries)).toContain('1b4e28ba-2fa1-11d2-883f-0016d3cca427_ngraph.xml');
    const { parsed, merged } = await importFixture('grassmarlin/session.gm3');
    expect(parsed).toMatchObject({ format: 'grassmarlin', encoding: 'zip', records: 5 });
    expect(byName(merged.added, '192.168.10.5')).toMatchObject({
      macs: ['00:0e:8c:11:22:33', '00:0e:8c:11:22:34'],
      vendor: 'Siemens',
      type: 'PLC',
    });
    expect(byName(merged.added, '192.168.10.50')).toMatchObject({ vendor: 'Dell Inc.', type: 'HMI' });
    expect(
      merged.flows.map((f) => [
        f.a.ip,
        f.b.ip,
        f.transport,
        f.b.port,
        f.packets,
        f.bytes,
        f.firstSeen,
        f.lastSeen,
      ]),
    ).toEqual([
      [
        '192.168.10.50',
        '192.168.10.5',
        'tcp',
        102,
        2,
        120,
        '2023-11-14T22:13:20.000Z',
        '2023-11-14T22:13:25.000Z',
      ],
      [
        '192.168.10.50',
        '192.168.10.5',
        'udp',
        161,
        1,
        60,
        '2023-11-14T22:13:29.000Z',
        '2023-11-14T22:13:29.000Z',
      ],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'node "eth0 port 3" is not an IP address (physical graph nodes are not imported)',
      'edge refers to node 0 or 7, which does not exist',
    ]);
  });
  it('reads a graph XML on its own', async () => {
    const { parsed } = await importFixture('grassmarlin/logical_ngraph.xml');
    expect(parsed.assets.map((a) => a.ips[0])).toEqual(['192.168.10.5', '192.168.10.50']);
  });
  it('rejects a ZIP that holds no graph, naming the file', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    const { parseInventory } = await import('../../../../shared/importers');
    await expect(parseInventory({ name: 'other.zip', bytes: zip })).rejects.toThrow(
      'other.zip: the ZIP holds no GRASSMARLIN graph',
    );
  });
  it('splits group values and drops their confidence', () => {
    expect(groupValues('PLC (4)\nSlave (1)')).toEqual(['PLC', 'Slave']);
    expect(groupValues('Reserved & private')).toEqual(['Reserved & private']);
  });
  it('rejoins node-report rows broken by unquoted newlines (cp1252, CRLF)', async () => {
    const { parsed, merged } = await importFixture('grassmarlin/node_report_cp1252.csv');
    expect(parsed).toMatchObject({ format: 'grassmarlin', encoding: 'windows-1252', records: 3 });
    expect(byName(merged.added, '192.168.10.5')).toMatchObject({
      macs: ['00:0e:8c:11:22:33', '00:0e:8c:11:22:34'],
      vendor: 'Siemens',
      type: 'PLC',
    });
    expect(byName(merged.added, '192.168.10.50')).toMatchObject({ vendor: 'Dell, Inc.', type: 'HMI' });
    expect(byName(merged.added, '192.168.10.60').vendor).toBe('Müller GmbH');
    expect(repairGrassmarlinCsv('IP,Role\n10.0.0.1,PLC (1)\nSlave (2)\n10.0.0.2,HMI')).toBe(
      'IP,Role\r\n10.0.0.1,PLC (1)\nSlave (2)\r\n10.0.0.2,HMI',
    );
    expect(repairGrassmarlinCsv('IP,Network\n10.0.0.1,10.0.0.0/24 (3)\n10.0.1.0/24 (1)\n10.0.0.2,')).toBe(
      'IP,Network\r\n10.0.0.1,10.0.0.0/24 (3)\n10.0.1.0/24 (1)\r\n10.0.0.2,',
    );
  });
  it('reads the edge report and aggregates connection details into flows', async () => {
    const edges = await importFixture('grassmarlin/edge_report.csv');
    expect(edges.merged.flows.map((f) => [f.a.ip, f.b.ip, f.bytes, f.server])).toEqual([
      ['192.168.10.50', '192.168.10.5', 4600, null],
      ['192.168.10.5', '192.168.10.60', 10, null],
    ]);
    const details = await importFixture('grassmarlin/connection_details.csv');
    expect(details.parsed.records).toBe(3);
    expect(details.merged.flows.map((f) => [f.transport, f.b.port, f.packets, f.bytes, f.firstSeen])).toEqual(
      [
        ['tcp', 102, 2, 124, '2023-11-14T22:13:20.000Z'],
        ['udp', 161, 1, 90, '2023-11-14T22:13:29.000Z'],
      ],
    );
  });
});

describe('parseXml', () => {
  it('reads elements, attributes, entities and CDATA', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><a x="1 &amp; 2"><!-- c --><b>t&lt;&#65;&#x42;</b><c/><![CDATA[<raw>]]></a>',
    );
    const a = doc.children[0]!;
    expect(a.attributes).toEqual({ x: '1 & 2' });
    expect(a.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(a.children[0]!.text).toBe('t<AB');
    expect(a.text).toBe('<raw>');
  });
  it('refuses DTDs and broken nesting with a message', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')).toThrow(
      'a DOCTYPE or DTD is not accepted',
    );
    expect(() => parseXml('<a><b></a>')).toThrow('closing tag </a> at offset 6 does not match <b>');
    expect(() => parseXml('<a>')).toThrow('<a> is never closed');
    expect(() => parseXml('<a'.repeat(1) + ' x=1>')).toThrow(/malformed attributes/);
  });
  it('refuses a graph nested too deep', async () => {
    await expect(
      parseText('deep.xml', '<graph>' + '<n>'.repeat(100) + '</n>'.repeat(100) + '</graph>', {
        format: 'grassmarlin',
      }),
    ).rejects.toThrow('deep.xml: deep.xml is not valid XML (elements nested deeper than 64)');
  });
});
