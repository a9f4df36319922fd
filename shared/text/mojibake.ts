/** UTF-8 read as Latin-1 leaves "Ã" or "Â" before a continuation byte: "GeutebrÃ¼ck". */
const MOJIBAKE = /[ÂÃ][\u0080-\u00bf]/;

/**
 * Text whose UTF-8 bytes were once decoded as Latin-1, decoded again ("GeutebrÃ¼ck" is
 * "Geutebrück"); other text as it is. Some CISA advisories carry vendor names this way.
 */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    bytes[i] = code;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text;
  }
}
