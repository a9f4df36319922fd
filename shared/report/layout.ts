import type { jsPDF } from 'jspdf';
import { autoTable, type RowInput, type UserOptions, type CellHookData } from 'jspdf-autotable';
import { MAIN_FONT, type FontCoverage, type FontStyle } from './fonts';
import { drawLine, needsFallback, wrapText } from './text';
import { fitInto, type ResolvedBranding } from './branding';

export type Rgb = readonly [number, number, number];

export const PAGE = { width: 210, height: 297, left: 18, right: 18, top: 24, bottom: 20 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const COLORS = {
  ink: [33, 37, 41] as Rgb,
  muted: [108, 117, 125] as Rgb,
  primary: [22, 52, 89] as Rgb,
  accent: [0, 122, 133] as Rgb,
  rule: [206, 212, 218] as Rgb,
  light: [241, 244, 247] as Rgb,
  target: [22, 52, 89] as Rgb,
  achieved: [0, 150, 136] as Rgb,
  gap: [214, 69, 65] as Rgb,
};
const PT_TO_MM = 25.4 / 72;

export interface TocEntry {
  title: string;
  page: number;
  level: 1 | 2;
}

/** The document being written: the jsPDF instance, the fonts, the cursor and the table of contents. */
export class ReportWriter {
  y: number = PAGE.top;
  readonly toc: TocEntry[] = [];
  private sectionNumber = 0;

  /** The client's accent (or the report's own): heading rules, bullets and the cover band. */
  readonly accent: Rgb;

  constructor(
    readonly doc: jsPDF,
    readonly coverage: FontCoverage,
    readonly branding: ResolvedBranding | null = null,
  ) {
    this.accent = branding?.accent ?? COLORS.accent;
  }

  /** Draws the client's logo, if any, fitted into the box at (x, y), right-aligned in it. */
  logo(x: number, y: number, maxW: number, maxH: number): boolean {
    const logo = this.branding?.logo;
    if (!logo) return false;
    const { w, h } = fitInto(logo.width, logo.height, maxW, maxH);
    this.doc.addImage(logo.bytes, logo.format, x + maxW - w, y, w, h, 'client-logo', 'FAST');
    return true;
  }

  get page(): number {
    return this.doc.getCurrentPageInfo().pageNumber;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
  }

  /** Starts a new page when fewer than `height` mm are left. */
  ensureSpace(height: number): void {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage();
  }

  style(size: number, style: FontStyle = 'normal', color: Rgb = COLORS.ink): void {
    this.doc.setFont(MAIN_FONT, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...color);
  }

  lineHeight(size: number, factor = 1.35): number {
    return size * PT_TO_MM * factor;
  }

  /** One line of text at an absolute position (baseline), with font fallback. */
  textAt(
    text: string,
    x: number,
    y: number,
    size: number,
    style: FontStyle = 'normal',
    color: Rgb = COLORS.ink,
    align: 'left' | 'right' | 'center' = 'left',
  ): number {
    this.style(size, style, color);
    return drawLine(this.doc, text, x, y, this.coverage, style, align);
  }

  wrap(text: string, width: number, size: number, style: FontStyle = 'normal'): string[] {
    this.style(size, style);
    return wrapText(this.doc, text, width, this.coverage, style);
  }

  /** A numbered section on a new page, listed in the table of contents and the PDF outline. */
  section(title: string): void {
    this.newPage();
    this.sectionNumber += 1;
    const numbered = `${this.sectionNumber}. ${title}`;
    this.toc.push({ title: numbered, page: this.page, level: 1 });
    this.doc.outline.add(null, numbered, { pageNumber: this.page });
    this.textAt(numbered, PAGE.left, this.y + 6, 18, 'bold', COLORS.primary);
    this.y += 9;
    this.doc.setDrawColor(...this.accent);
    this.doc.setLineWidth(0.8);
    this.doc.line(PAGE.left, this.y, PAGE.left + 24, this.y);
    this.y += 7;
  }

  subheading(title: string, toc = false): void {
    this.ensureSpace(22);
    if (toc) this.toc.push({ title, page: this.page, level: 2 });
    this.y += 2;
    const lines = this.wrap(title, CONTENT_WIDTH, 12.5, 'bold');
    for (const line of lines) {
      this.textAt(line, PAGE.left, this.y + 4.5, 12.5, 'bold', COLORS.primary);
      this.y += this.lineHeight(12.5);
    }
    this.y += 1.5;
  }

  paragraph(
    text: string,
    options: { size?: number; style?: FontStyle; color?: Rgb; indent?: number; after?: number } = {},
  ): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const style = options.style ?? 'normal';
    const lh = this.lineHeight(size);
    for (const line of this.wrap(text, CONTENT_WIDTH - indent, size, style)) {
      this.ensureSpace(lh);
      this.textAt(line, PAGE.left + indent, this.y + size * PT_TO_MM, size, style, options.color);
      this.y += lh;
    }
    this.y += options.after ?? 2.5;
  }

  bullets(items: string[], size = 10): void {
    const lh = this.lineHeight(size);
    for (const item of items) {
      const lines = this.wrap(item, CONTENT_WIDTH - 6, size);
      lines.forEach((line, i) => {
        this.ensureSpace(lh);
        if (i === 0) this.textAt('•', PAGE.left + 1.5, this.y + size * PT_TO_MM, size, 'normal', this.accent);
        this.textAt(line, PAGE.left + 6, this.y + size * PT_TO_MM, size);
        this.y += lh;
      });
      this.y += 0.8;
    }
    this.y += 1.5;
  }

  /** Wraps text to a width at the largest size (from `size` down to 5 pt) whose lines fit the height. */
  fitText(
    text: string,
    width: number,
    height: number,
    size: number,
    style: FontStyle,
  ): { lines: string[]; size: number } {
    let current = size;
    let lines = this.wrap(text, width, current, style);
    while (current > 5 && lines.length * current * PT_TO_MM * this.doc.getLineHeightFactor() > height + 0.3) {
      current -= 0.5;
      lines = this.wrap(text, width, current, style);
    }
    return { lines, size: current };
  }

  /** "Nothing recorded" in a muted box, so an empty section says so plainly. */
  empty(message: string): void {
    this.ensureSpace(14);
    this.doc.setFillColor(...COLORS.light);
    this.doc.roundedRect(PAGE.left, this.y, CONTENT_WIDTH, 10, 1.5, 1.5, 'F');
    this.textAt(message, PAGE.left + 4, this.y + 6.3, 9.5, 'normal', COLORS.muted);
    this.y += 14;
  }

  /** An autoTable in the report's style, with font fallback in cells, continuing the cursor. */
  table(options: { head: RowInput[]; body: RowInput[] } & Partial<UserOptions>): void {
    const coverage = this.coverage;
    const stashed = new WeakMap<object, string[]>();
    const { didParseCell, styles, headStyles, ...rest } = options;
    autoTable(this.doc, {
      startY: this.y,
      margin: { left: PAGE.left, right: PAGE.right, top: PAGE.top, bottom: PAGE.bottom },
      theme: 'grid',
      styles: {
        font: MAIN_FONT,
        fontSize: 8.5,
        cellPadding: { top: 1.6, bottom: 1.6, left: 2, right: 2 },
        lineColor: COLORS.rule as unknown as [number, number, number],
        lineWidth: 0.2,
        textColor: COLORS.ink as unknown as [number, number, number],
        valign: 'top',
        overflow: 'linebreak',
        ...styles,
      },
      headStyles: {
        fillColor: COLORS.primary as unknown as [number, number, number],
        textColor: 255,
        fontStyle: 'bold',
        ...headStyles,
      },
      alternateRowStyles: { fillColor: [248, 250, 251] },
      rowPageBreak: 'avoid',
      didParseCell,
      ...rest,
      willDrawCell: (data: CellHookData) => {
        options.willDrawCell?.(data);
        const text = data.cell.text.join('\n');
        if (needsFallback(text, coverage)) {
          stashed.set(data.cell, data.cell.text);
          data.cell.text = [];
        }
      },
      didDrawCell: (data: CellHookData) => {
        options.didDrawCell?.(data);
        const lines = stashed.get(data.cell);
        if (!lines) return;
        // autoTable draws a cell in one font and measured CJK with the main font's widths: a cell
        // with CJK is re-wrapped with the real widths and drawn here run by run, smaller if need be.
        const style: FontStyle = data.cell.styles.fontStyle === 'bold' ? 'bold' : 'normal';
        const original = typeof data.cell.raw === 'string' ? data.cell.raw : lines.join('\n');
        const fitted = this.fitText(
          original,
          data.cell.width - data.cell.padding('horizontal'),
          data.cell.height - data.cell.padding('vertical'),
          data.cell.styles.fontSize,
          style,
        );
        const color = data.cell.styles.textColor;
        this.style(fitted.size, style, Array.isArray(color) ? (color as unknown as Rgb) : COLORS.ink);
        if (typeof color === 'number') this.doc.setTextColor(color);
        const pos = data.cell.getTextPos();
        let y = pos.y + fitted.size * PT_TO_MM * 0.85;
        for (const line of fitted.lines) {
          drawLine(this.doc, line, pos.x, y, coverage, style);
          y += fitted.size * PT_TO_MM * this.doc.getLineHeightFactor();
        }
        data.cell.text = lines;
      },
    });
    this.y = (this.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 6;
  }
}
