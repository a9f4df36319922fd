/**
 * Text as search compares it: accents and case ignored, so "muller" finds "Müller" and "MÜLLER",
 * "sao" finds "São". Decomposes (NFKD: "ﬁ" becomes "fi", a full-width "Ａ" an "A"), drops the
 * combining marks, folds case; "ß" folds to "ss" as German readers expect.
 */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/** The words of a query, normalised; an empty query has none (and so matches everything). */
export function searchWords(query: string): string[] {
  return normaliseForSearch(query).split(/\s+/).filter(Boolean);
}

/** Whether every word of the query appears somewhere in the texts (accents and case ignored). */
export function matchesWords(
  words: readonly string[],
  texts: readonly (string | null | undefined)[],
): boolean {
  if (words.length === 0) return true;
  const haystack = normaliseForSearch(texts.filter((t): t is string => Boolean(t)).join('\n'));
  return words.every((word) => haystack.includes(word));
}
