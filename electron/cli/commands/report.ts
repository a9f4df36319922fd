import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AssessmentData } from '../../../shared/model';
import {
  finalReportWarnings,
  renderFindingsXlsx,
  renderReportPdf,
  type ReportSigner,
} from '../../../shared/report';
import { renderReportDocx } from '../../../shared/report/docx';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { readAssessmentOrExplain } from '../read-assessment';
import { withCurrentFindings } from '../../../shared/findings';
import { loadReportFonts } from '../report-fonts';
import { keyFilePermissionWarning } from '../../private-file';
import { loadSigner } from '../signing-key';

/** Each output format: one entry. A document on its own never claims a signature (`standalone`). */
const FORMATS: Record<string, (data: AssessmentData, signer: ReportSigner | null) => Promise<Uint8Array>> = {
  pdf: async (data, signer) =>
    renderReportPdf(data, { fonts: await loadReportFonts(), signer, standalone: true }),
  docx: (data, signer) => renderReportDocx(data, { signer, standalone: true }),
  xlsx: (data) => renderFindingsXlsx(data),
};

export const reportCommand: CliCommandModule = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        key: { type: 'string' },
        format: { type: 'string', default: 'pdf' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new CliUsageError('report takes exactly one assessment file');
    if (!values.out) throw new CliUsageError('--out is required');
    const format = values.format.toLowerCase();
    const render = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
    if (!render) {
      io.stderr(
        `conduit report: unknown format "${values.format}": use --format ${Object.keys(FORMATS).join(', ')}\n`,
      );
      return EXIT.unreadable;
    }

    const data = await readAssessmentOrExplain(file, io);
    if (!data) return EXIT.unreadable;
    // With a key, the cover names the signer and fingerprint; a document on its own never claims a signature.
    const signer = values.key ? await loadSigner(values.key) : null;
    const exposed = values.key ? await keyFilePermissionWarning(values.key) : null;
    if (exposed) io.stderr(`warning: ${exposed}\n`);
    const current = withCurrentFindings(data);
    // A report marked final with work left undone is still written, but the assessor is told.
    for (const warning of finalReportWarnings(current)) io.stderr(`warning: marked final, but ${warning}\n`);
    const started = performance.now();
    const bytes = await render(current, signer);
    const ms = Math.round(performance.now() - started);
    await writeFile(values.out, bytes, { flag: values.force ? 'w' : 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST')
          throw new CliUsageError(`${values.out} exists already (use --force to overwrite)`);
        throw error;
      },
    );
    io.stderr(`wrote ${values.out}: ${bytes.length} bytes in ${ms} ms\n`);
    printJson(io, { file: values.out, format, bytes: bytes.length, ms, signed: Boolean(signer) });
    return EXIT.ok;
  },
};
