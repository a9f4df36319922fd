import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle } from '../../../shared/bundle';
import { CliUsageError, EXIT, printJson, type CliCommandModule } from '../command';
import { readAssessmentOrExplain } from '../read-assessment';
import { withCurrentFindings } from '../../../shared/findings';
import { readReportPartFiles, renderReportParts } from '../report-parts';
import { keyFilePermissionWarning } from '../../private-file';
import { loadSigner } from '../signing-key';

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export const exportCommand: CliCommandModule = {
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        key: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        'diagram-svg': { type: 'string' },
        'diagram-png': { type: 'string' },
        'signed-at': { type: 'string' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new CliUsageError('export takes exactly one assessment file');
    if (!values.key || !values.out) throw new CliUsageError('--key and --out are required');

    let data = await readAssessmentOrExplain(file, io);
    if (!data) return EXIT.unreadable;
    // The bundle carries the findings as they stand now (the assessor's edits kept), as the app does.
    data = withCurrentFindings(data, values['signed-at'] ? new Date(values['signed-at']) : new Date());
    const signer = await loadSigner(values.key);
    const exposed = await keyFilePermissionWarning(values.key);
    if (exposed) io.stderr(`warning: ${exposed}\n`);
    const given = await readReportPartFiles({
      report: values.report,
      diagramSvg: values['diagram-svg'],
      diagramPng: values['diagram-png'],
    });
    const parts = {
      ...(await renderReportParts(data, signer, values['signed-at'], given.diagramPng)),
      ...given,
    };
    const started = performance.now();
    const bundle = await buildBundle({ data, signer, signedAt: values['signed-at'], ...parts });
    const out = (await isDirectory(values.out)) ? join(values.out, bundle.fileName) : values.out;
    await writeFile(out, bundle.bytes, { flag: values.force ? 'w' : 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST')
          throw new CliUsageError(`${out} exists already (use --force to overwrite)`);
        throw error;
      },
    );
    io.stderr(
      `wrote ${out}: ${bundle.files.length} files, ${bundle.bytes.length} bytes in ${Math.round(performance.now() - started)} ms\n` +
        `signed by ${signer.name} <${signer.email}>, key ${bundle.fingerprint}\n`,
    );
    printJson(io, {
      file: out,
      fileName: bundle.fileName,
      bytes: bundle.bytes.length,
      files: bundle.files.length,
      signer: { name: signer.name, email: signer.email, organization: signer.organization },
      fingerprint: bundle.fingerprint,
      signedAt: bundle.signedAt,
      included: {
        report: Boolean(parts.reportPdf),
        reportDocx: Boolean(parts.reportDocx),
        findingsXlsx: Boolean(parts.findingsXlsx),
        diagramSvg: Boolean(parts.diagramSvg),
        diagramPng: Boolean(parts.diagramPng),
      },
    });
    return EXIT.ok;
  },
};
