import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, detectNewline, parseDelimited } from '../../../../shared/importers';
import { fixtureBytes } from './helpers';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode('Pumpe-Süd');
    expect(decodeText(plain)).toEqual({ text: 'Pumpe-Süd', encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({
      text: 'Pumpe-Süd',
      encoding: 'utf-8',
      bom: true,
    });
  });
  it('reads UTF-16LE and UTF-16BE with a BOM (Excel "Unicode text")', () => {
    const le = decodeText(fixtureBytes('generic/excel_unicode_text.txt'));
    expect(le.encoding).toBe('utf-16le');
    expect(le.text.startsWith('Hostname\tIP Address')).toBe(true);
    expect(le.text).toContain('Pumpe-Süd');
    const be = decodeText(fixtureBytes('generic/utf16be_bom.csv'));
    expect(be.encoding).toBe('utf-16be');
    expect(be.text).toContain('Kühlung,10.9.0.2');
  });
  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const decoded = decodeText(fixtureBytes('generic/windows1252.csv'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Pumpe-Süd;10.9.0.1');
    expect(decodeText(new Uint8Array([0x80, 0x41])).text).toBe('€A');
  });
});

describe('delimiters and rows', () => {
  it('detects , ; tab and |', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;"2,5";3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3')).toBe('|');
    expect(detectDelimiter('Name,Vendor\n"Acme; Inc",x')).toBe(',');
  });
  it('detects the row separator', () => {
    expect(detectNewline('a,b\r\n"x\ny",2\r\n')).toBe('\r\n');
    expect(detectNewline('a,b\n1,2')).toBe('\n');
    expect(detectNewline('a,b\r1,2')).toBe('\r');
  });

  async function collect(text: string, chunkChars: number) {
    const rows: string[][] = [];
    const info = await parseDelimited(text, ({ rows: r }) => void rows.push(...r), { chunkChars });
    return { rows, info };
  }

  it('keeps LF inside quoted cells of CRLF rows, across chunk boundaries', async () => {
    const text = new TextDecoder().decode(fixtureBytes('generic/excel_quoted_newlines.csv'));
    const whole = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
    for (const size of [1, 3, 7, 16, 64, 1 << 20]) {
      const { rows } = await collect(text, size);
      expect(rows).toEqual(whole.filter((r) => !(r.length === 1 && r[0] === '')));
    }
    const { rows } = await collect(text, 5);
    expect(rows[1]).toEqual(['PLC 1', '10.9.1.1', 'line one\nline two', 'Siemens']);
  });
  it('parses a row far longer than a chunk (a huge field, a million columns)', async () => {
    const wide = 'a,b\n' + ','.repeat(1_000_000) + '\n1,2\n';
    const { rows } = await collect(wide, 1024);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveLength(1_000_001);
    expect(rows[2]).toEqual(['1', '2']);
  });
  it('reports an unterminated quote', async () => {
    const { rows, info } = await collect('a,b\n1,"open\n2,3\n', 4);
    expect(rows[0]).toEqual(['a', 'b']);
    expect(info.errors[0]?.message).toMatch(/unterminated/i);
  });
});
