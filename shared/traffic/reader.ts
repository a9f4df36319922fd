import { Gunzip } from 'fflate';
import { CaptureError } from './errors';
import { RecordFramer } from './framer';
import type { PacketSink } from './packet';
import { isPcapMagic, PcapFormat } from './pcap';
import { PCAPNG_SHB_MAGIC, PcapngFormat } from './pcapng';

export type CaptureFormat = 'pcap' | 'pcapng';

/** Input bytes handed to the gzip inflater at once: bounds the inflated output of one call (deflate ≤ ~1032:1). */
const GZIP_SLICE = 16 * 1024;

/**
 * Streaming reader for classic pcap and pcapng, optionally gzipped, detected by magic number. Feed it
 * chunks in order with `push`, then call `finish`; packets go to the sink as they complete. Throws
 * CaptureError on anything it cannot read.
 *
 * Hand-written: no maintained npm package reads both formats, streams, and runs in a Web Worker
 * (see shared/traffic/PROTOCOLS.md).
 */
export class CaptureReader {
  private head: Uint8Array = new Uint8Array(0);
  private framer: RecordFramer | null = null;
  private pcap: PcapFormat | PcapngFormat | null = null;
  private gunzip: Gunzip | null = null;
  private consumed = 0;
  private finished = false;
  private detectedFormat: CaptureFormat | null = null;
  private gzipped = false;
  private readonly cutShort: string[] = [];

  constructor(private readonly sink: PacketSink) {}

  /** Bytes of input (compressed, if gzipped) taken so far: the figure for a progress bar. */
  get bytesConsumed(): number {
    return this.consumed;
  }

  get format(): CaptureFormat | null {
    return this.detectedFormat;
  }

  get compressed(): boolean {
    return this.gzipped;
  }

  get packetCount(): number {
    return this.pcap?.packetCount ?? 0;
  }

  /**
   * What was read but not whole: a capture cut short mid-record keeps every packet before the cut (as
   * tshark does) and says here where it was cut.
   */
  get warnings(): readonly string[] {
    return this.cutShort;
  }

  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error('CaptureReader.push after finish');
    this.consumed += chunk.length;
    if (this.gunzip) return this.inflate(chunk, false);
    if (this.framer) return this.framer.push(chunk);
    this.detect(chunk, false);
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.gunzip && !this.framer) this.detect(new Uint8Array(0), true);
    if (this.gunzip) this.inflate(new Uint8Array(0), true);
    if (!this.framer) throw new CaptureError('truncated file: the capture ends inside its first bytes', 0);
    const cut = this.framer.finish();
    if (cut) {
      const packets = this.packetCount;
      this.cutShort.push(
        `the capture is cut short at byte ${cut.offset}: ${cut.problem}; ` +
          `the ${packets} packet${packets === 1 ? '' : 's'} before the cut ${packets === 1 ? 'was' : 'were'} read`,
      );
    }
  }

  private detect(chunk: Uint8Array, atEnd: boolean): void {
    const head = concat(this.head, chunk);
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      this.gzipped = true;
      this.head = new Uint8Array(0);
      this.gunzip = new Gunzip((data) => this.fromInflater(data));
      this.inflate(head, atEnd);
      return;
    }
    if (head.length < 4) {
      if (atEnd) {
        throw new CaptureError(
          head.length === 0
            ? 'empty file: not a capture'
            : `truncated file: only ${head.length} byte${head.length === 1 ? '' : 's'}, not a capture`,
          0,
        );
      }
      this.head = head;
      return;
    }
    this.head = new Uint8Array(0);
    this.framer = this.framerFor(head);
    this.framer.push(head);
  }

  private framerFor(head: Uint8Array): RecordFramer {
    const magic = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
    if (magic === PCAPNG_SHB_MAGIC) {
      this.detectedFormat = 'pcapng';
      this.pcap = new PcapngFormat(this.sink);
    } else if (isPcapMagic(magic)) {
      this.detectedFormat = 'pcap';
      this.pcap = new PcapFormat(this.sink);
    } else {
      const hex = Array.from(head.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new CaptureError(
        `not a capture file: unknown magic number ${hex} (expected pcap, pcapng, or gzip of either)`,
        0,
      );
    }
    return new RecordFramer(this.pcap);
  }

  private fromInflater(data: Uint8Array): void {
    if (data.length === 0) return;
    if (this.framer) this.framer.push(data);
    else if (this.gzipped) this.detectInner(data);
  }

  private detectInner(data: Uint8Array): void {
    const head = concat(this.head, data);
    if (head.length < 4) {
      this.head = head;
      return;
    }
    this.head = new Uint8Array(0);
    this.framer = this.framerFor(head);
    this.framer.push(head);
  }

  private inflate(chunk: Uint8Array, final: boolean): void {
    const gunzip = this.gunzip!;
    try {
      for (let at = 0; at < chunk.length; at += GZIP_SLICE) {
        const end = Math.min(at + GZIP_SLICE, chunk.length);
        gunzip.push(chunk.subarray(at, end), final && end === chunk.length);
      }
      if (final && chunk.length === 0) gunzip.push(chunk, true);
    } catch (error) {
      if (error instanceof CaptureError) throw error;
      throw new CaptureError(
        `gzip data is corrupt or truncated (${(error as Error).message}) within the first ${this.consumed} bytes`,
      );
    }
    if (final && !this.framer) {
      throw new CaptureError(`truncated file: the gzipped capture holds only ${this.head.length} bytes`, 0);
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}
