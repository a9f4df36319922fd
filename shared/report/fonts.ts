import type { jsPDF } from 'jspdf';

/** TTF bytes for the report; passed in so this module stays pure (the host reads the files). */
export interface ReportFonts {
  /** A Unicode font with Latin, Greek and Cyrillic (DejaVu Sans). */
  regular: Uint8Array;
  bold: Uint8Array;
  /** A font for what the main one lacks (CJK: Droid Sans Fallback); optional. */
  fallback?: Uint8Array | null;
}

export const MAIN_FONT = 'ReportSans';
export const FALLBACK_FONT = 'ReportFallback';

export type FontStyle = 'normal' | 'bold';

/** Which code points each embedded font can draw, read from the cmap jsPDF parsed. */
export interface FontCoverage {
  main(codePoint: number): boolean;
  fallback(codePoint: number): boolean;
  hasFallback: boolean;
}

/** jsPDF takes a TTF as a "binary string" (one char per byte) when it starts with the TrueType tag. */
function binaryString(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]);
  }
  return out;
}

interface ParsedFont {
  metadata?: { cmap?: { unicode?: { codeMap?: Record<number, number> } } };
}

function codeMapOf(doc: jsPDF, name: string, style: FontStyle): Record<number, number> {
  const font = (doc.internal as unknown as { getFont(n: string, s: string): ParsedFont }).getFont(
    name,
    style,
  );
  return font.metadata?.cmap?.unicode?.codeMap ?? {};
}

/**
 * Embeds the fonts (jsPDF subsets them on output) and returns what each covers. The fallback is
 * parsed only when `useFallback` says the text needs it: it is large and most reports are Latin.
 */
export function registerFonts(
  doc: jsPDF,
  fonts: ReportFonts,
  useFallback: (main: (cp: number) => boolean) => boolean,
): FontCoverage {
  doc.addFileToVFS('report-regular.ttf', binaryString(fonts.regular));
  doc.addFont('report-regular.ttf', MAIN_FONT, 'normal');
  doc.addFileToVFS('report-bold.ttf', binaryString(fonts.bold));
  doc.addFont('report-bold.ttf', MAIN_FONT, 'bold');
  const main = codeMapOf(doc, MAIN_FONT, 'normal');
  let fallback: Record<number, number> = {};
  const hasMain = (cp: number) => (main[cp] ?? 0) > 0;
  const withFallback = Boolean(fonts.fallback) && useFallback(hasMain);
  if (fonts.fallback && withFallback) {
    doc.addFileToVFS('report-fallback.ttf', binaryString(fonts.fallback));
    doc.addFont('report-fallback.ttf', FALLBACK_FONT, 'normal');
    // The fallback has no bold face: bold CJK text is drawn in its regular weight.
    doc.addFont('report-fallback.ttf', FALLBACK_FONT, 'bold');
    fallback = codeMapOf(doc, FALLBACK_FONT, 'normal');
  }
  return {
    main: hasMain,
    fallback: (cp) => (fallback[cp] ?? 0) > 0,
    hasFallback: withFallback,
  };
}

/** Whether any character of the text is missing from the main font (beyond ASCII, which it has). */
export function textNeedsMoreThan(main: (cp: number) => boolean, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0x7f && !main(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}
