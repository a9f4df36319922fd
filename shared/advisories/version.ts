/**
 * Firmware and software version text as ICS vendors write it: "V2.9.4", "2.9.4", "v02.09.04",
 * "R21", "14.2s0", "V4.33 SP1", "V14 SP1 Update 3", "V2.2 HF1", "1.2.3 Build 456", "2.9.",
 * "9.4 FP2 Hotfix 5", GE's "07A05" (release 07, revision A05) and wildcards such as "V2.x". No library reads these vendor styles (semver and the vers: schemes
 * assume clean dotted numbers), hence this small grammar.
 */
export interface Version {
  /** Dotted numbers, leading zeros dropped ("v02.09.04" is [2, 9, 4]). */
  parts: number[];
  /** Service pack, update, hotfix/patch/build, compared in that order after the dotted numbers. */
  qualifiers: [number, number, number];
  /** The dotted numbers end in "x" or "*": any value from there on. */
  wildcard: boolean;
  text: string;
}

const LEADING_WORDS = /^(?:firmware|fw|software|sw|versions?|ver|rev(?:ision)?|release|build)\b\s*[:.]?\s*/;
const PREFIX = /^(?:sv|v|r|fw)(?=\d)/;
const MAIN = /^(\d+(?:\s*\.\s*\d+)*)(\.\s*(?:x|\*))?/;
const QUALIFIERS: Array<[RegExp, 0 | 1 | 2]> = [
  [/(?:service\s*pack|feature\s*pack|sp|fp|s)\s*(\d+)/, 0],
  [/(?:update|upd|u)\s*(\d+)/, 1],
  [/(?:hot\s*fix|hf|patch|p|build|b)\s*(\d+)/, 2],
];

/** Reads one version; null when the text holds no version (a date, a serial-number rule...). */
export function parseVersion(input: string): Version | null {
  let text = input.trim().toLowerCase();
  for (let i = 0; i < 3; i++) {
    const next = text.replace(LEADING_WORDS, '').replace(PREFIX, '');
    if (next === text) break;
    text = next;
  }
  const main = MAIN.exec(text);
  if (!main) return null;
  const parts = main[1]!.split('.').map((part) => Number.parseInt(part.trim(), 10));
  let rest = text.slice(main[0].length);
  // "07A05": a letter that is no qualifier's (s, u, p, b), between numbers, is the next part (a = 1, b = 2 …).
  // Alone ("07B01") any letter is; after a dotted release only one no qualifier uses.
  const lettered =
    main[2] !== undefined
      ? null
      : (/^([a-z])(\d+)$/.exec(rest) && !main[1]!.includes('.')
          ? /^([a-z])(\d+)$/
          : /^([ac-oqrtv-z])(\d+)/
        ).exec(rest);
  if (lettered) {
    parts.push(lettered[1]!.charCodeAt(0) - 96, Number.parseInt(lettered[2]!, 10));
    rest = rest.slice(lettered[0].length);
  }
  const qualifiers: [number, number, number] = [0, 0, 0];
  let remaining = rest;
  for (const [pattern, slot] of QUALIFIERS) {
    const found = pattern.exec(remaining);
    if (found) {
      qualifiers[slot] = Number.parseInt(found[1]!, 10);
      remaining = remaining.replace(found[0], ' ');
    }
  }
  return { parts, qualifiers, wildcard: main[2] !== undefined, text: input.trim() };
}

function key(version: Version, length: number): number[] {
  const parts = [...version.parts];
  while (parts.length < length) parts.push(0);
  return [...parts, ...version.qualifiers];
}

/** -1, 0 or 1; a wildcard bound compares only on its fixed numbers ("2.9.4" equals "2.x"). */
export function compareVersions(a: Version, b: Version): number {
  if (a.wildcard || b.wildcard) {
    const fixed = Math.min(a.wildcard ? a.parts.length : Infinity, b.wildcard ? b.parts.length : Infinity);
    for (let i = 0; i < fixed; i++) {
      const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
      if (d !== 0) return Math.sign(d);
    }
    return 0;
  }
  const length = Math.max(a.parts.length, b.parts.length);
  const ka = key(a, length);
  const kb = key(b, length);
  for (let i = 0; i < ka.length; i++) {
    const d = ka[i]! - kb[i]!;
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
