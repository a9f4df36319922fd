import type { jsPDF } from 'jspdf';
import { FALLBACK_FONT, MAIN_FONT, type FontCoverage, type FontStyle } from './fonts';

export interface TextRun {
  text: string;
  fallback: boolean;
}

/**
 * Splits text into runs per font: characters the main font lacks go to the fallback font when it
 * has them. jsPDF draws one font per text call and does no font fallback itself, so this is done here.
 * Spaces and punctuation stay in a fallback run when the fallback font has them, so a CJK phrase is not cut at every space.
 */
export function splitRuns(text: string, coverage: FontCoverage): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const neutral = cp < 0x80 && !/[A-Za-z0-9]/.test(char);
    let fallback: boolean;
    if (neutral && current?.fallback && coverage.fallback(cp)) fallback = true;
    else fallback = !coverage.main(cp) && coverage.hasFallback && coverage.fallback(cp);
    if (current && current.fallback === fallback) current.text += char;
    else {
      current = { text: char, fallback };
      runs.push(current);
    }
  }
  return runs;
}

export function needsFallback(text: string, coverage: FontCoverage): boolean {
  if (!coverage.hasFallback) return false;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp >= 0x80 && !coverage.main(cp) && coverage.fallback(cp)) return true;
  }
  return false;
}

function setRunFont(doc: jsPDF, run: TextRun, style: FontStyle): void {
  doc.setFont(run.fallback ? FALLBACK_FONT : MAIN_FONT, style);
}

/** Width in document units at the current font size. */
export function textWidth(doc: jsPDF, text: string, coverage: FontCoverage, style: FontStyle): number {
  let width = 0;
  for (const run of splitRuns(text, coverage)) {
    setRunFont(doc, run, style);
    width += doc.getTextWidth(run.text);
  }
  doc.setFont(MAIN_FONT, style);
  return width;
}

/** Draws one line at (x, baseline y), switching fonts per run; returns the width drawn. */
export function drawLine(
  doc: jsPDF,
  text: string,
  x: number,
  y: number,
  coverage: FontCoverage,
  style: FontStyle,
  align: 'left' | 'right' | 'center' = 'left',
): number {
  const runs = splitRuns(text, coverage);
  const total = align === 'left' ? 0 : textWidth(doc, text, coverage, style);
  let cursor = align === 'right' ? x - total : align === 'center' ? x - total / 2 : x;
  for (const run of runs) {
    setRunFont(doc, run, style);
    doc.text(run.text, cursor, y);
    cursor += doc.getTextWidth(run.text);
  }
  doc.setFont(MAIN_FONT, style);
  return cursor - x;
}

const CJK_CLASS = '\\u2E80-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const TOKENS = new RegExp(`\\s+|[${CJK_CLASS}]|[^\\s${CJK_CLASS}]+`, 'gu');

/** Greedy word wrap that measures every run in its own font; CJK may break between any two characters. */
export function wrapText(
  doc: jsPDF,
  text: string,
  maxWidth: number,
  coverage: FontCoverage,
  style: FontStyle,
): string[] {
  const widths = new Map<string, number>();
  const measure = (token: string): number => {
    let width = widths.get(token);
    if (width === undefined) {
      width = textWidth(doc, token, coverage, style);
      widths.set(token, width);
    }
    return width;
  };
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const tokens = paragraph.match(TOKENS) ?? [];
    let line = '';
    let lineWidth = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    };
    for (const token of tokens) {
      const space = /^\s+$/.test(token);
      const width = measure(token);
      if (lineWidth + width <= maxWidth || space) {
        if (!(space && line === '')) {
          line += token;
          lineWidth += width;
        }
        continue;
      }
      if (line.trim() !== '') push();
      if (width <= maxWidth || CJK.test(token)) {
        line = token;
        lineWidth = width;
        continue;
      }
      // One word longer than the line: cut it by characters.
      for (const char of token) {
        const w = measure(char);
        if (lineWidth + w > maxWidth && line) push();
        line += char;
        lineWidth += w;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
