/** "sr 1.13; SR 5.1 re 1" → ["SR 1.13", "SR 5.1 RE 1"], and the entries that are no SR/RE id. */
export function parseItemIds(text: string): { ids: string[]; unknown: string[] } {
  const ids = text
    .split(/[,;\n]/)
    .map((s) => s.trim().replace(/\s+/g, ' ').toUpperCase())
    .filter(Boolean);
  return {
    ids: [...new Set(ids)],
    unknown: ids.filter((id) => !/^SR \d+\.\d+( RE \d+)?$/.test(id)),
  };
}
