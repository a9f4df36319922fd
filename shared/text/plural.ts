/** The noun alone, in the form a count takes: nounFor(2, 'zone') is "zones". */
export function nounFor(n: number, noun: string, pluralForm?: string): string {
  if (n === 1) return noun;
  if (pluralForm) return pluralForm;
  // The regular English plural: "es" after s, x, z, ch, sh; "ies" for a consonant and y.
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** A count with its noun, as files and reports write it: plural(1, 'asset') is "1 asset". */
export function plural(n: number, noun: string, pluralForm?: string): string {
  return `${n} ${nounFor(n, noun, pluralForm)}`;
}
