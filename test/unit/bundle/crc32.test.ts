import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../shared/bundle/crc32';

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('matches zlib on every length around the 8-byte stride, and when continued chunk by chunk', () => {
    const data = new Uint8Array(randomBytes(100_003));
    for (let length = 0; length < 40; length++) {
      expect(crc32(data.subarray(0, length)), `length ${length}`).toBe(zlibCrc(data.subarray(0, length)));
    }
    expect(crc32(data)).toBe(zlibCrc(data));
    expect(crc32(data.subarray(33_333), crc32(data.subarray(0, 33_333)))).toBe(zlibCrc(data));
  });
});
