/*
 * The report as an editable Word document, with the `docx` library (well kept, pure JavaScript
 * over fflate, no eval: it runs in the bundle worker and in the CLI alike). Headings use Word's
 * own Title / Heading 1-3 styles and tables one named table style, so a client's template restyles
 * the whole document when applied.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AssessmentData, EvidenceWithBytes, Severity } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../model/version';
import { fitInto, imageSize, resolveBranding, type ResolvedBranding } from './branding';
import { buildReportContent, type Block, type ReportContent } from './content';
import { buildReportModel } from './model';
import type { ReportImage, ReportSigner } from './options';

export interface DocxOptions {
  signer?: ReportSigner | null;
  generatedAt?: string;
  marking?: string;
  standalone?: boolean;
  /** The diagram as a PNG; without one the document points to diagram/zones.svg in the bundle. */
  diagramPng?: ReportImage | null;
}

export const DOCX_TABLE_STYLE = 'ConduitTable';

const SEVERITY_HEX: Record<Severity, string> = {
  critical: '9B1C31',
  high: 'D64541',
  medium: 'E69138',
  low: '4682B4',
  info: '78828C',
};
const INK = '212529';
const MUTED = '6C757D';
const PRIMARY = '163459';
/** Printable width of an A4 page with 2 cm margins, in pixels at 96 dpi (docx's image unit). */
const CONTENT_PX = 642;

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A table style of our own (docx has no API for table styles): borders, header row in the accent. */
function tableStylesPart(accentHex: string): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="CED4DA"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W_NS}">` +
    `<w:style w:type="table" w:styleId="${DOCX_TABLE_STYLE}">` +
    '<w:name w:val="Conduit Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>' +
    '<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="17"/></w:rPr>' +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${accentHex.slice(1).toUpperCase()}"/></w:tcPr></w:tblStylePr>` +
    '</w:style></w:styles>'
  );
}

function text(value: string, options: { bold?: boolean; color?: string } = {}): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: value, bold: options.bold, color: options.color })],
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.head.map((h) => new TableCell({ children: [text(h, { bold: true })] })),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((cell, i) => {
          const color = i === block.severityColumn ? SEVERITY_HEX[cell.toLowerCase() as Severity] : undefined;
          // A cell's lines are paragraphs of their own: a run's "\n" does not break in Word.
          return new TableCell({
            children: cell.split('\n').map((line) => text(line, color ? { bold: true, color } : {})),
          });
        }),
      }),
  );
  return new Table({
    style: DOCX_TABLE_STYLE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows],
  });
}

const PHOTO_PX = 200;

/** Evidence photos, one per paragraph with its caption (the item id first) below it. */
function evidencePhotos(images: EvidenceWithBytes[]): Paragraph[] {
  return images.flatMap((e) => {
    const size = e.bytes ? imageSize(e.bytes) : null;
    const caption = new Paragraph({
      keepLines: true,
      children: [new TextRun({ text: e.caption || e.name, size: 16, color: MUTED })],
    });
    if (!e.bytes || !size) return [caption];
    const fitted = fitInto(size.width, size.height, PHOTO_PX, PHOTO_PX);
    return [
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: size.format === 'PNG' ? 'png' : 'jpg',
            data: e.bytes,
            transformation: {
              width: Math.max(1, Math.round(fitted.w)),
              height: Math.max(1, Math.round(fitted.h)),
            },
            altText: { name: e.name, description: e.caption || e.name, title: e.caption || e.name },
          }),
        ],
      }),
      caption,
    ];
  });
}

function blockChildren(
  block: Block,
  diagram: DocxOptions['diagramPng'],
  standalone: boolean,
): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({
          text: block.text,
          heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            new TextRun({
              text: block.text,
              color: block.note ? MUTED : undefined,
              size: block.note ? 17 : undefined,
            }),
          ],
        }),
      ];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table':
      return [table(block), new Paragraph({ text: '' })];
    case 'empty':
      return [new Paragraph({ children: [new TextRun({ text: block.text, italics: true, color: MUTED })] })];
    case 'code':
      return block.lines.map(
        (line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas', size: 16 })] }),
      );
    case 'images':
      return evidencePhotos(block.images);
    case 'diagram': {
      if (!diagram) {
        return [
          new Paragraph({
            children: [
              new TextRun({
                text: standalone
                  ? 'The zone and conduit diagram is in the PDF report and, as diagram/zones.svg, in the signed bundle.'
                  : 'The zone and conduit diagram is delivered with this report as diagram/zones.svg.',
                italics: true,
                color: MUTED,
              }),
            ],
          }),
        ];
      }
      const size = fitInto(diagram.width, diagram.height, CONTENT_PX, 860);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: diagram.bytes,
              transformation: { width: Math.round(size.w), height: Math.round(size.h) },
              altText: {
                name: 'Zone and conduit diagram',
                description: 'Zone and conduit diagram',
                title: 'Diagram',
              },
            }),
          ],
        }),
      ];
    }
  }
}

function coverChildren(content: ReportContent, branding: ResolvedBranding): Paragraph[] {
  const children: Paragraph[] = [];
  if (branding.logo) {
    const size = fitInto(branding.logo.width, branding.logo.height, 220, 90);
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new ImageRun({
            type: branding.logo.format === 'PNG' ? 'png' : 'jpg',
            data: branding.logo.bytes,
            transformation: { width: Math.round(size.w), height: Math.round(size.h) },
            altText: { name: 'Client logo', description: `${content.client} logo`, title: 'Logo' },
          }),
        ],
      }),
    );
  }
  children.push(
    new Paragraph({ children: [new TextRun({ text: 'OT SECURITY ASSESSMENT', bold: true, color: MUTED })] }),
    new Paragraph({ text: content.client, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: content.site, size: 32, color: PRIMARY })] }),
    new Paragraph({ text: 'IEC 62443-3-3 zone and conduit review' }),
    new Paragraph({ text: '' }),
    ...content.cover.map(
      ([label, value]) =>
        new Paragraph({
          children: [
            new TextRun({ text: `${label}: `, bold: true, color: MUTED }),
            new TextRun({ text: value }),
          ],
        }),
    ),
    new Paragraph({ text: '' }),
    new Paragraph({
      children: [new TextRun({ text: content.marking.toUpperCase(), bold: true, color: SEVERITY_HEX.high })],
    }),
    new Paragraph({
      text: `Prepared for ${content.client}. It describes weaknesses of an industrial control system: share it only with people who need it.`,
    }),
  );
  return children;
}

/** The report as DOCX bytes: the same content as the PDF, from the same model. */
export async function renderReportDocx(data: AssessmentData, options: DocxOptions = {}): Promise<Uint8Array> {
  const marking = options.marking ?? 'Confidential';
  const branding = resolveBranding(data.assessment);
  const content = buildReportContent(buildReportModel(data), {
    signer: options.signer ?? null,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    marking,
    standalone: options.standalone ?? false,
  });
  const doc = new Document({
    title: content.title,
    subject: 'IEC 62443-3-3 assessment report',
    creator: options.signer?.name ?? (data.assessment.assessors.join(', ') || TOOL_NAME),
    description: `Generated by ${TOOL_NAME} ${TOOL_VERSION}`,
    styles: documentStyles(branding.accentHex),
    // docx has no table-style API; a styles part of our own is merged with its default styles.
    externalStyles: tableStylesPart(branding.accentHex),
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: { default: pageHeader(`${content.client} · ${content.site} · ${marking}`) },
        footers: { default: pageFooter() },
        children: [
          ...coverChildren(content, branding),
          ...contentsPage(),
          ...sectionChildren(content, options),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** Calibri throughout; the section headings in the report's accent colour. */
function documentStyles(accentHex: string) {
  const heading = (size: number, color: string) => ({
    run: { size, bold: true, color, font: 'Calibri' },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  return {
    default: {
      document: { run: { font: 'Calibri', size: 20, color: INK } },
      title: { run: { size: 56, bold: true, color: PRIMARY, font: 'Calibri' } },
      heading1: heading(32, accentHex.slice(1).toUpperCase()),
      heading2: heading(26, PRIMARY),
      heading3: heading(22, PRIMARY),
    },
  };
}

/** Client, site and marking on the right of every page's header. */
function pageHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text, size: 16, color: MUTED })],
      }),
    ],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT], size: 16, color: MUTED })],
      }),
    ],
  });
}

/** The table of contents on a page of its own, between the cover and the first section. */
function contentsPage(): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      children: [new TextRun({ text: 'Contents', bold: true, size: 32, color: PRIMARY })],
    }),
    // A real Word field: entries filled from the headings now, page numbers when Word updates it.
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** Each section on a new page under its numbered heading (appendices unnumbered), then its blocks. */
function sectionChildren(content: ReportContent, options: DocxOptions): (Paragraph | Table)[] {
  const body: (Paragraph | Table)[] = [];
  let number = 0;
  content.sections.forEach((section, i) => {
    if (!section.unnumbered) number += 1;
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: i > 0,
        text: section.unnumbered ? section.title : `${number}. ${section.title}`,
      }),
    );
    for (const block of section.blocks)
      body.push(...blockChildren(block, options.diagramPng, options.standalone ?? false));
  });
  return body;
}
