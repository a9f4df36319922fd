import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zipSync, strToU8 } from 'fflate';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { ImportError, parseInventory, sniffBinary } from '../../../../shared/importers';
import { FIXTURES, fixtureBytes } from './helpers';

const CAPTURES = join(__dirname, '../../../../../shared/traffic/samples');
const capture = (name: string) => new Uint8Array(readFileSync(join(CAPTURES, name)));

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const error = await parseInventory({ name, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as Error).message;
}

describe('sniffBinary', () => {
  it('knows a pcap, a pcapng and a gzipped pcap as captures', () => {
    expect(sniffBinary(capture('mixed_modbus_s7_enip_mb2.pcap'))).toEqual({
      looksLike: 'a pcap capture',
      capture: true,
    });
    expect(sniffBinary(capture('s7commplus_V13_1200_TP1200sim_Timer_sync.pcapng'))).toEqual({
      looksLike: 'a pcapng capture',
      capture: true,
    });
    expect(sniffBinary(gzipSync(capture('iec61850_mms_goose.pcap')))).toEqual({
      looksLike: 'a pcap capture (gzip-compressed)',
      capture: true,
    });
  });

  it('names archives and documents that are not captures', () => {
    expect(sniffBinary(gzipSync(fixtureBytes('generic/pipe.csv')))?.looksLike).toBe('a gzip archive');
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    expect(sniffBinary(xlsx)).toEqual({ looksLike: 'an Excel workbook (xlsx)', capture: false });
    const pdf = new Uint8Array(new jsPDF().text('Inventory', 10, 10).output('arraybuffer'));
    expect(sniffBinary(pdf)?.looksLike).toBe('a PDF document');
  });

  it('leaves a GRASSMARLIN session (a ZIP) to its importer', () => {
    expect(sniffBinary(fixtureBytes('grassmarlin/session.gm3'))).toBeNull();
  });

  it('calls bytes with many control characters binary data', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(sniffBinary(noise)).toEqual({ looksLike: 'binary data', capture: false });
  });

  it('passes every text fixture, UTF-16 and Windows-1252 included', () => {
    for (const dir of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const name of readdirSync(join(FIXTURES, dir.name))) {
        if (name.endsWith('.gm3')) continue;
        expect(sniffBinary(fixtureBytes(`${dir.name}/${name}`)), `${dir.name}/${name}`).toBeNull();
      }
    }
  });
});

describe('a binary file given to the inventory import', () => {
  it('is refused naming what it looks like, with none of its bytes in the message', async () => {
    const gz = gzipSync(capture('mixed_modbus_s7_enip_mb2.pcap'));
    const message = await refusal('plant.pcap.gz', gz);
    expect(message).toBe(
      'plant.pcap.gz: not a text export (looks like a pcap capture (gzip-compressed)); import captures in Connections',
    );
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await refusal('dump.bin', noise)).toBe('dump.bin: not a text export (looks like binary data)');
  });

  it('quotes at most about 200 characters of column names when no column maps', async () => {
    const header = Array.from({ length: 80 }, (_, i) => `column_with_a_long_name_${i}`).join(',');
    const message = await refusal(
      'odd.csv',
      new TextEncoder().encode(`\u0019${header}\n${'x,'.repeat(79)}x\n`),
    );
    expect(message).toMatch(/^odd\.csv: no column could be mapped/);
    expect(message).toMatch(/and \d+ more\); choose a mapping$/);
    expect(message).not.toContain('\u0019');
    expect(message.length).toBeLessThan(330);
  });
});
