import { DEJAVU_SANS_BOLD_WIDTHS, DEJAVU_SANS_WIDTHS } from './font-widths';

/** The width in px of a line of text drawn at `fontSize` px: measured by the canvas, or from font tables. */
export type MeasureText = (text: string, fontSize: number) => number;

/** A character the tables do not hold: an ideograph is a full em, anything else a typical Latin width. */
function fallbackWidth(codePoint: number): number {
  return codePoint >= 0x2e80 ? 1000 : 600;
}

function tableWidth(table: Readonly<Record<number, number>>, text: string, fontSize: number): number {
  let thousandths = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    thousandths += table[codePoint] ?? fallbackWidth(codePoint);
  }
  return (thousandths * fontSize) / 1000;
}

/**
 * The width of text in DejaVu Sans, the font the exported diagram names first (and the report
 * embeds), from its advance widths. Where a viewer lacks it the SVG falls back to Helvetica or
 * Arial, which are narrower, so a box sized by these widths still holds its text.
 */
export const measureDejaVuSans: MeasureText = (text, fontSize) =>
  tableWidth(DEJAVU_SANS_WIDTHS, text, fontSize);

/** The same for DejaVu Sans Bold (the exported diagram's zone names). */
export const measureDejaVuSansBold: MeasureText = (text, fontSize) =>
  tableWidth(DEJAVU_SANS_BOLD_WIDTHS, text, fontSize);

/**
 * Text broken at spaces into at most `maxLines` lines no wider than `width`; the last line that
 * still does not fit ends in an ellipsis. A word longer than a line is cut, with an ellipsis.
 */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  measure: MeasureText,
  maxLines = 2,
): string[] {
  const fits = (line: string) => measure(line, fontSize) <= width;
  const lines: string[] = [];
  let current = '';
  const words = text.trim().split(/\s+/);
  for (const [index, word] of words.entries()) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate) || !current) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines) {
      current = [lines.pop()!, ...words.slice(index)].join(' ');
      break;
    }
  }
  lines.push(current);
  return lines.map((line) => ellipsize(line, width, fontSize, measure));
}

/** The longest start of the text that fits in `width` with an ellipsis after it. */
export function ellipsize(text: string, width: number, fontSize: number, measure: MeasureText): string {
  if (measure(text, fontSize) <= width) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSize) <= width) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}…`;
}

/** A zone name as the canvas draws it: its font size and its lines. */
export interface ZoneNameFit {
  fontSize: number;
  lines: string[];
}

/**
 * The largest size from `base * scale` down to `base` (in tenths of the scale) at which the name
 * fits whole in two lines of `width` within `maxHeight`; at `base` it is cut with an ellipsis if
 * it still does not fit. So a zoomed-out canvas enlarges names only as far as they stay whole.
 */
export function fitZoneName(
  name: string,
  box: { width: number; maxHeight: number },
  measure: MeasureText,
  { base, scale, lineHeight = 1.25 }: { base: number; scale: number; lineHeight?: number },
): ZoneNameFit {
  const whole = name.trim().split(/\s+/).join(' ');
  for (let tenths = Math.round(scale * 10); tenths > 10; tenths--) {
    const fontSize = (base * tenths) / 10;
    const lines = wrapText(whole, box.width, fontSize, measure, 2);
    const fits = lines.join(' ') === whole && lines.length * fontSize * lineHeight <= box.maxHeight;
    if (fits) return { fontSize, lines };
  }
  return { fontSize: base, lines: wrapText(whole, box.width, base, measure, 2) };
}
