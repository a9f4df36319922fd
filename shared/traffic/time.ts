/** ISO 8601 for a capture timestamp in milliseconds, or null when it has none or is out of Date's range. */
export function isoFromMs(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString();
}
