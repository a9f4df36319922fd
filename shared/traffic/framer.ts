import { CaptureError } from './errors';

/**
 * A record-oriented format: every record starts with a header of `headerLength` bytes from which its
 * total length can be computed. Implementations validate lengths (bounded) before returning them.
 */
export interface RecordFormat {
  readonly headerLength: number;
  /** Total length of the record starting at `pos`; only `headerLength` bytes are guaranteed present. */
  recordLength(view: DataView, pos: number, fileOffset: number): number;
  /** A complete record at data[pos .. pos + length). */
  onRecord(data: Uint8Array, view: DataView, pos: number, length: number, fileOffset: number): void;
  /** What a record cut short at end of input is called in error messages. */
  describeIncomplete(fileOffset: number): string;
}

/**
 * Splits a stream of chunks into whole records without holding the stream: records inside a chunk are
 * handed out in place; only a record that straddles chunks is copied into a carry buffer, whose size is
 * bounded by the largest record length the format accepts.
 */
export class RecordFramer {
  private carry: Uint8Array = new Uint8Array(0);
  private carryView = new DataView(this.carry.buffer);
  private carryLength = 0;
  /** Bytes the carried record needs: its header length until that is complete, then its total length. */
  private carryNeed = 0;
  private carryKnowsLength = false;
  /** Offset (in the stream this framer sees) of the next record to be completed. */
  private offset = 0;

  constructor(private readonly format: RecordFormat) {}

  get bytesFramed(): number {
    return this.offset;
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    if (this.carryLength > 0) {
      pos = this.fillCarry(chunk);
      if (this.carryLength > 0) return;
    }
    const format = this.format;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = chunk.length;
    for (;;) {
      const available = end - pos;
      if (available === 0) return;
      if (available < format.headerLength) {
        this.startCarry(chunk, pos, format.headerLength, false);
        return;
      }
      const length = format.recordLength(view, pos, this.offset);
      if (available < length) {
        this.startCarry(chunk, pos, length, true);
        return;
      }
      format.onRecord(chunk, view, pos, length, this.offset);
      pos += length;
      this.offset += length;
    }
  }

  /**
   * Where the stream ended inside a record, or null when it ended between records. A cut in the file's
   * own header (offset 0) leaves nothing to read, so that one throws.
   */
  finish(): { problem: string; offset: number } | null {
    if (this.carryLength === 0) return null;
    const need = this.carryKnowsLength ? `${this.carryNeed} bytes` : `a ${this.carryNeed}-byte header`;
    const problem = `${this.format.describeIncomplete(this.offset)} needs ${need} but only ${this.carryLength} remain`;
    if (this.offset === 0) throw new CaptureError(`truncated file: ${problem}`, this.offset);
    return { problem, offset: this.offset };
  }

  private startCarry(chunk: Uint8Array, pos: number, need: number, knowsLength: boolean): void {
    this.ensureCarry(need);
    this.carry.set(chunk.subarray(pos), 0);
    this.carryLength = chunk.length - pos;
    this.carryNeed = need;
    this.carryKnowsLength = knowsLength;
  }

  /** Completes the carried record from the chunk; returns how much of the chunk was used. */
  private fillCarry(chunk: Uint8Array): number {
    let pos = 0;
    for (;;) {
      const take = Math.min(this.carryNeed - this.carryLength, chunk.length - pos);
      this.carry.set(chunk.subarray(pos, pos + take), this.carryLength);
      this.carryLength += take;
      pos += take;
      if (this.carryLength < this.carryNeed) return pos;
      if (!this.carryKnowsLength) {
        const length = this.format.recordLength(this.carryView, 0, this.offset);
        this.carryKnowsLength = true;
        this.carryNeed = length;
        this.ensureCarry(length);
        if (this.carryLength < length) continue;
      }
      const length = this.carryNeed;
      this.carryLength = 0;
      this.carryKnowsLength = false;
      this.format.onRecord(this.carry, this.carryView, 0, length, this.offset);
      this.offset += length;
      return pos;
    }
  }

  private ensureCarry(size: number): void {
    if (this.carry.length >= size) return;
    const bigger = new Uint8Array(Math.max(size, Math.min(this.carry.length * 2, 1 << 16)));
    bigger.set(this.carry.subarray(0, this.carryLength));
    this.carry = bigger;
    this.carryView = new DataView(bigger.buffer);
  }
}
