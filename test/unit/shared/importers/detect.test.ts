import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  ImportCancelledError,
  ImportError,
  parseInventory,
} from '../../../../shared/importers';
import { fixtureBytes, parseText } from './helpers';

const EXPECTED: [string, string][] = [
  ['nozomi/ibm-car_query_assets.json', 'nozomi'],
  ['nozomi/ibm-car_query_nodes.json', 'nozomi'],
  ['nozomi/elastic_sessions_sample.ndjson', 'nozomi'],
  ['nozomi/links.json', 'nozomi'],
  ['nozomi/assets_export_semicolon.csv', 'nozomi'],
  ['claroty_ctd/xsoar_ranger_assets_response.json', 'claroty-ctd'],
  ['claroty_ctd/elastic_ranger_assets_plc_sample.json', 'claroty-ctd'],
  ['claroty_ctd/elastic_ranger_baselines_sample.ndjson', 'claroty-ctd'],
  ['claroty_xdome/devices_page1.json', 'claroty-xdome'],
  ['armis/elastic_devices_sample.ndjson', 'armis'],
  ['armis/search_response.json', 'armis'],
  ['defender_iot/mslearn_onprem_cm_external_v1_devices_example.json', 'defender-iot'],
  ['defender_iot/mslearn_sensor_api_v1_devices_connections_example.json', 'defender-iot'],
  ['tenable_ot/graphql_assets.json', 'tenable-ot'],
  ['tenable_ot/export_details.json', 'tenable-ot'],
  ['forescout_eyeinspect/xsoar_hosts.json', 'forescout'],
  ['forescout_eyeinspect/xsoar_links.json', 'forescout'],
  ['dragos/assets_content.json', 'dragos'],
  ['malcolm/mapi_agg_shape_excerpt.json', 'malcolm'],
  ['malcolm/cset_agg.json', 'malcolm'],
  ['grassmarlin/session.gm3', 'grassmarlin'],
  ['grassmarlin/logical_ngraph.xml', 'grassmarlin'],
  ['grassmarlin/node_report_cp1252.csv', 'grassmarlin'],
  ['grassmarlin/edge_report.csv', 'grassmarlin'],
  ['grassmarlin/connection_details.csv', 'grassmarlin'],
  ['generic/excel_unicode_text.txt', 'csv'],
  ['generic/windows1252.csv', 'csv'],
  ['generic/objects.json', 'json'],
];

describe('detectFormat', () => {
  it.each(EXPECTED)('%s is %s', (file, format) => {
    const detected = detectFormat(fixtureBytes(file));
    expect(detected.format).toBe(format);
    expect(detected.confidence).toBeGreaterThan(0.5);
    expect(detected.reason).not.toBe('');
  });
  it('takes text as well as bytes', () => {
    const text = new TextDecoder().decode(fixtureBytes('forescout_eyeinspect/xsoar_links.json'));
    expect(detectFormat(text)).toMatchObject({ format: 'forescout', container: 'json' });
    expect(detectFormat('Name,IP\nplc,10.0.0.1\n')).toMatchObject({ format: 'csv', container: 'csv' });
  });
  it('looks at the content, not the name', async () => {
    const bytes = fixtureBytes('armis/search_response.json');
    const parsed = await parseInventory({ name: 'nozomi-export.csv', bytes });
    expect(parsed.format).toBe('armis');
  });
  it('lets the caller override the detected format', async () => {
    const parsed = await parseInventory(
      { name: 'a.csv', bytes: fixtureBytes('dragos/assets.csv') },
      { format: 'dragos' },
    );
    expect(parsed.format).toBe('dragos');
    expect(parsed.detected.format).toBe('csv');
  });
});

describe('parseInventory', () => {
  it('refuses files it cannot read, naming the file and the problem', async () => {
    await expect(parseText('empty.csv', '')).rejects.toThrow('empty.csv: the file is empty');
    await expect(parseText('broken.json', '{"result": [ {"id": 1,')).rejects.toThrow(
      /^broken\.json: not valid JSON/,
    );
    await expect(parseText('shape.json', '{"objects": 5}', { format: 'claroty-ctd' })).rejects.toThrow(
      'shape.json: the JSON does not have the shape of a claroty-ctd export',
    );
    await expect(parseText('x.json', '[1,2]', { format: 'csv' })).rejects.toThrow(
      'x.json: the file is JSON, not CSV',
    );
    await expect(
      parseInventory({ name: 'a.gm3', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]) }),
    ).rejects.toBeInstanceOf(ImportError);
  });
  it('skips broken NDJSON lines with their line number', async () => {
    const text =
      '{"ipAddress":"10.0.0.1","macAddress":"aa:bb:cc:dd:ee:01","operatingSystem":"x","id":1}\n{"ipAddress": oops}\n{"ipAddress":"10.0.0.3","id":3}\n';
    const parsed = await parseText('armis.ndjson', text);
    expect(parsed.format).toBe('armis');
    expect(parsed.assets.map((a) => a.record)).toEqual(['line 1', 'line 3']);
    expect(parsed.skipped).toBe(1);
    expect(parsed.warnings[0]!.record).toBe('line 2');
    expect(parsed.warnings[0]!.message).toMatch(/^not valid JSON/);
  });
  it('reports progress in bytes and records, ending at the file size', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `host-${i},10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    );
    const bytes = new TextEncoder().encode(`Name,IP\n${rows.join('\n')}\n`);
    const seen: { bytes: number; records: number }[] = [];
    const parsed = await parseInventory({ name: 'p.csv', bytes }, { onProgress: (p) => seen.push(p) });
    expect(parsed.records).toBe(5000);
    const last = seen[seen.length - 1]!;
    expect(last).toEqual({ bytes: bytes.length, totalBytes: bytes.length, records: 5000 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
    expect(parsed.preview.rows).toHaveLength(20);
    expect(parsed.preview.rows[0]).toEqual({ Name: 'host-0', IP: '10.0.0.0' });
  });
  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(parseText('x.csv', 'Name\nA\n', { signal: controller.signal })).rejects.toBeInstanceOf(
      ImportCancelledError,
    );
    const rows = Array.from({ length: 200_000 }, (_, i) => `h${i},10.0.${(i >> 8) & 255}.${i & 255}`).join(
      '\n',
    );
    const second = new AbortController();
    const started = parseText('big.csv', `Name,IP\n${rows}\n`, {
      signal: second.signal,
      onProgress: (p) => {
        if (p.records > 0) second.abort();
      },
    });
    await expect(started).rejects.toThrow('big.csv: import cancelled');
  });
});
