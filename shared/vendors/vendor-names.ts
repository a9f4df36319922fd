import type { AliasEdit } from './normalise';
import { canonicalVendor, canonicalVendors, vendorKey } from './vendor-aliases';

/**
 * The vendors a vendor text names for matching, with the assessor's vendor aliases over the
 * built-in table: an alias of the whole text or of any vendor it lists counts, on the advisory's
 * side and on the asset's, so a spelling only the assessor knows still meets the advisories.
 */
export function vendorNamer(edits: readonly AliasEdit[] = []): (text: string) => string[] {
  const aliases = new Map<string, string>();
  for (const edit of edits)
    if (edit.kind === 'vendor' && edit.canonical.trim())
      aliases.set(vendorKey(edit.spelling), edit.canonical.trim());
  if (aliases.size === 0) return canonicalVendors;
  const aliased = (name: string) => {
    const canonical = aliases.get(vendorKey(name));
    return canonical === undefined ? name : (canonicalVendor(canonical) ?? canonical);
  };
  return (text) => {
    const whole = aliases.get(vendorKey(text));
    if (whole !== undefined) return canonicalVendors(whole).map(aliased);
    return [...new Set(canonicalVendors(text).map(aliased))];
  };
}
