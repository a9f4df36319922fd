/** A capture that cannot be read, with where the problem is (byte offset in the decompressed stream, packet index). */
export class CaptureError extends Error {
  override name = 'CaptureError';
  constructor(
    readonly problem: string,
    readonly offset: number | null = null,
    readonly packetIndex: number | null = null,
  ) {
    super(describe(problem, offset, packetIndex));
  }
}

function describe(problem: string, offset: number | null, packetIndex: number | null): string {
  const where: string[] = [];
  if (packetIndex !== null) where.push(`packet ${packetIndex + 1}`);
  if (offset !== null) where.push(`byte ${offset}`);
  return where.length > 0 ? `${problem} (at ${where.join(', ')})` : problem;
}
