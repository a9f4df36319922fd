/*
 * Zip extra fields. Extractors act on some of them: Info-ZIP's unzip and libarchive take the
 * Unicode-path field (0x7075) over the name itself, so a field can rename a file after the name
 * was checked. Only fields that carry timestamps or owners are accepted, and those are read just
 * far enough to know they are well formed.
 */

/** Extra fields that change no path: what zip tools write for times and owners. */
const HARMLESS_EXTRA_FIELDS = new Map<number, string>([
  [0x000a, 'NTFS times'],
  [0x5455, 'extended timestamp'],
  [0x5855, 'Info-ZIP Unix (old)'],
  [0x7855, 'Info-ZIP Unix'],
  [0x7875, 'Info-ZIP Unix owner'],
]);

const PATH_EXTRA_FIELDS = new Map<number, string>([
  [0x7075, 'a Unicode path field (0x7075), which extractors use instead of the name'],
  [0x6375, 'a Unicode comment field (0x6375)'],
  [0x0001, 'a ZIP64 field (a Conduit bundle is never ZIP64)'],
]);

const hex4 = (id: number): string => `0x${id.toString(16).padStart(4, '0')}`;

/** Why the extra field block is refused, or null when every field in it is harmless. */
export function extraFieldProblem(extra: Uint8Array): string | null {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  let at = 0;
  while (at < extra.length) {
    if (at + 4 > extra.length) return 'a damaged extra field (a truncated header)';
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > extra.length) return `a damaged extra field (${hex4(id)} runs past its block)`;
    const known = PATH_EXTRA_FIELDS.get(id);
    if (known) return known;
    if (!HARMLESS_EXTRA_FIELDS.has(id)) return `an unknown extra field ${hex4(id)}`;
    at += 4 + size;
  }
  return null;
}
