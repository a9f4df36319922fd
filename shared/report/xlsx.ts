/*
 * The plan-of-action workbook (data/findings.xlsx). Written with `write-excel-file` (universal
 * build): small, kept up, pure JavaScript over fflate (which the bundle already uses), no eval and
 * no Node built-ins, so it runs in the bundle worker under our CSP and in the CLI. exceljs was the
 * alternative, but it is several times larger, pulls Node stream polyfills and is barely maintained.
 * The library lacks auto-filters and data validation; its documented `features` hook adds both to
 * the sheet XML (see spreadsheetExtras).
 */
import writeXlsxFile, { type Feature, type Row, type Sheet } from 'write-excel-file/universal';
import { ANSWER_STATUS_LABELS, type Answer, type AssessmentData, type Severity } from '../model';
import { FR_IDS } from '../model/common';
import { resolveBranding } from './branding';
import { buildReportModel, type ReportModel } from './model';
import { planOfAction } from './plan-of-action';
import { achievedLabels } from './sections/coverage';
import { vectorToArray } from '../catalogue';
import { satisfiedCount } from '../catalogue';

/** The statuses a client can give a finding in the Status column (a drop-down list in Excel). */
export const PLAN_STATUSES = ['Open', 'Planned', 'In progress', 'Done', 'Risk accepted'] as const;

const FINDING_COLUMNS = [
  ['ID', 8],
  ['Title', 48],
  ['Severity', 10],
  ['Phase', 30],
  ['Quarter', 14],
  ['Effort', 16],
  ['Zones', 30],
  ['Items', 24],
  ['Assets', 30],
  ['Recommendation', 70],
  ['Owner', 20],
  ['Status', 14],
] as const;

const SEVERITY_FILL: Record<Severity, string> = {
  critical: '#F4CCCC',
  high: '#FADBD8',
  medium: '#FCE5CD',
  low: '#DDEBF7',
  info: '#EEEEEE',
};

/** Always a text cell (a shared string): text that looks like a formula (=, +, -, @) stays text. */
const str = (value: string) => ({ value, type: String, wrap: true, alignVertical: 'top' as const });

function headerRow(labels: readonly string[], fill: string): Row {
  return labels.map((value) => ({
    value,
    type: String,
    fontWeight: 'bold' as const,
    color: '#FFFFFF',
    backgroundColor: fill,
    alignVertical: 'center' as const,
  }));
}

const column = (index: number): string => {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface SheetExtras {
  /** Columns × data rows the auto-filter spans (header row included). */
  columns: number;
  rows: number;
  /** A list validation on one column of the data rows. */
  validation?: { column: number; values: readonly string[] };
}

/**
 * Adds `<autoFilter>` (straight after `<sheetData>`, where the schema puts it) and
 * `<dataValidations>` (before `<pageMargins>`) to the sheets that ask for them.
 */
function spreadsheetExtras(extras: readonly (SheetExtras | null)[]): Feature<Blob> {
  return {
    files: {
      transform: {
        // Excel records each sheet's filter range as the hidden name _xlnm._FilterDatabase.
        'xl/workbook.xml': {
          transform(xml, sheets) {
            const names = extras
              .map((extra, i) => {
                if (!extra) return '';
                const sheet = (sheets[i]?.sheet ?? `Sheet${i + 1}`).replace(/'/g, "''");
                const range = `$A$1:$${column(extra.columns - 1)}$${Math.max(1, extra.rows + 1)}`;
                return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(sheet)}'!${range}</definedName>`;
              })
              .join('');
            if (!names) return xml;
            return xml.includes('<definedNames/>')
              ? xml.replace('<definedNames/>', `<definedNames>${names}</definedNames>`)
              : xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
          },
        },
        'xl/worksheets/sheet{id}.xml': {
          transform(xml, _options, { sheetIndex }) {
            const extra = extras[sheetIndex];
            if (!extra) return xml;
            const lastRow = Math.max(1, extra.rows + 1);
            let out = xml.replace(
              '</sheetData>',
              `</sheetData><autoFilter ref="A1:${column(extra.columns - 1)}${lastRow}"/>`,
            );
            if (extra.validation && extra.rows > 0) {
              const col = column(extra.validation.column);
              const list = extra.validation.values.join(',');
              const rule =
                `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" ` +
                `errorTitle="Status" error="Choose one of: ${list}" sqref="${col}2:${col}${lastRow}">` +
                `<formula1>"${list}"</formula1></dataValidation></dataValidations>`;
              out = /<pageMargins[ />]/.test(out)
                ? out.replace(/<pageMargins(?=[ />])/, `${rule}<pageMargins`)
                : out.replace('</worksheet>', `${rule}</worksheet>`);
            }
            return out;
          },
        },
      },
    },
  };
}

function findingsSheet(model: ReportModel, fill: string): { sheet: Sheet<Blob>; extras: SheetExtras } {
  const rows: Row[] = [
    headerRow(
      FINDING_COLUMNS.map(([label]) => label),
      fill,
    ),
  ];
  for (const r of planOfAction(model)) {
    rows.push([
      str(r.id),
      str(r.title),
      { ...str(r.severity), backgroundColor: SEVERITY_FILL[r.finding.severity] },
      str(r.phase),
      str(r.quarter),
      str(r.effort),
      str(r.zones.join(', ')),
      str(r.items.join(', ')),
      str(r.assets.join(', ')),
      str(r.recommendation),
      null,
      null,
    ]);
  }
  return {
    sheet: {
      sheet: 'Findings',
      data: rows,
      columns: FINDING_COLUMNS.map(([, width]) => ({ width })),
      stickyRowsCount: 1,
    },
    extras: {
      columns: FINDING_COLUMNS.length,
      rows: rows.length - 1,
      validation: { column: FINDING_COLUMNS.length - 1, values: PLAN_STATUSES },
    },
  };
}

function answersSheet(model: ReportModel, fill: string): { sheet: Sheet<Blob>; extras: SheetExtras } {
  const head = ['Zone', 'Item', 'Title', 'Required at SL-T', 'Status', 'Note / justification'];
  const rows: Row[] = [headerRow(head, fill)];
  const answers = new Map<string, Answer>();
  for (const a of model.data.answers) answers.set(`${a.zoneId}\u0000${a.itemId}`, a);
  for (const z of model.zones) {
    const required = new Set(z.evaluation.perFr.flatMap((fr) => fr.items.map((i) => i.item.id)));
    for (const item of model.catalogue.items) {
      const answer = answers.get(`${z.zone.id}\u0000${item.id}`);
      // Every required item, answered or not, and any extra item the assessor answered anyway.
      if (!required.has(item.id) && !answer) continue;
      const note = [answer?.justification.trim(), answer?.notes.trim()].filter(Boolean).join(' — ');
      rows.push([
        str(z.zone.name),
        str(item.id),
        str(item.title),
        str(required.has(item.id) ? 'yes' : 'no'),
        str(answer ? ANSWER_STATUS_LABELS[answer.status] : ANSWER_STATUS_LABELS['not-assessed']),
        str(note),
      ]);
    }
  }
  return {
    sheet: {
      sheet: 'Answers',
      data: rows,
      columns: [{ width: 28 }, { width: 12 }, { width: 50 }, { width: 16 }, { width: 22 }, { width: 70 }],
      stickyRowsCount: 1,
    },
    extras: { columns: head.length, rows: rows.length - 1 },
  };
}

function zonesSheet(model: ReportModel, fill: string): { sheet: Sheet<Blob>; extras: SheetExtras } {
  const head = [
    'Zone',
    'SL-T (FR1–FR7)',
    'SL-A (FR1–FR7)',
    'Gap (FR1–FR7)',
    'Required',
    'Assessed',
    'Met',
    'Partially met',
    'Not met',
    'Not assessed',
    'Assets',
  ];
  const rows: Row[] = [headerRow(head, fill)];
  for (const z of model.zones) {
    const c = z.evaluation.coverage;
    rows.push([
      str(z.zone.name),
      str(vectorToArray(z.evaluation.target).join(' ')),
      str(achievedLabels(z)),
      str(vectorToArray(z.evaluation.gap).join(' ')),
      { value: c.required, type: Number },
      { value: c.answered, type: Number },
      { value: satisfiedCount(c), type: Number },
      { value: c.partiallyMet, type: Number },
      { value: c.notMet, type: Number },
      { value: c.notAssessed, type: Number },
      { value: z.assetCount, type: Number },
    ]);
  }
  return {
    sheet: {
      sheet: 'Zones',
      data: rows,
      columns: [
        { width: 28 },
        ...Array.from({ length: 3 }, () => ({ width: 18 })),
        ...Array.from({ length: 7 }, () => ({ width: 12 })),
      ],
      stickyRowsCount: 1,
    },
    extras: { columns: head.length, rows: rows.length - 1 },
  };
}

/** The plan-of-action workbook as XLSX bytes: sheets Findings, Answers and Zones. */
export async function renderFindingsXlsx(data: AssessmentData): Promise<Uint8Array> {
  const model = buildReportModel(data);
  const fill = resolveBranding(data.assessment).accentHex.toUpperCase();
  const parts = [findingsSheet(model, fill), answersSheet(model, fill), zonesSheet(model, fill)];
  const blob = await writeXlsxFile(
    parts.map((p) => p.sheet),
    { fontFamily: 'Calibri', fontSize: 10, features: [spreadsheetExtras(parts.map((p) => p.extras))] },
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** FR ids in column order, exported for tests that read the Zones sheet. */
export const XLSX_FRS = FR_IDS;
