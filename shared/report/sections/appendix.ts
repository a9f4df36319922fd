import { SIGNATURE_NAMESPACE } from '../../bundle/sshsig';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportWriter } from '../layout';
import type { ReportSigner } from '../options';

function code(w: ReportWriter, lines: string[]): void {
  const size = 8;
  const wrapped = lines.flatMap((line) => w.wrap(line, CONTENT_WIDTH - 8, size));
  const height = wrapped.length * w.lineHeight(size) + 4;
  w.ensureSpace(height + 2);
  w.doc.setFillColor(...COLORS.light);
  w.doc.setDrawColor(...COLORS.rule);
  w.doc.roundedRect(PAGE.left, w.y, CONTENT_WIDTH, height, 1.2, 1.2, 'FD');
  let y = w.y + 2 + size * 0.3528;
  for (const line of wrapped) {
    w.textAt(line, PAGE.left + 4, y + 0.6, size, 'normal', COLORS.primary);
    y += w.lineHeight(size);
  }
  w.y += height + 4;
}

export function writeVerifyAppendix(w: ReportWriter, signer: ReportSigner | null, standalone = false): void {
  w.section('Appendix: How to verify this report');
  if (standalone) {
    w.paragraph(
      'This PDF was produced on its own, outside a signed bundle, and carries no signature. Only the signed bundle of the assessment can be verified as below; ask the assessor for it.',
      { size: 9.5 },
    );
  }
  w.paragraph(
    'This report is delivered inside a signed bundle: a zip holding the report, the data, the diagram and the evidence, a list of ' +
      "SHA-256 checksums of every file (SHA256SUMS), and the assessor's signature over that list (SHA256SUMS.sig). The checks below " +
      'need only tools that come with the operating system.',
  );
  w.subheading('1. Check the fingerprint');
  w.paragraph(
    signer
      ? `The bundle was signed with the Ed25519 key ${signer.fingerprint} of ${signer.name} <${signer.email}>. Compare this fingerprint with the one the assessor gave you by another route (a letter, an e-mail or a phone call). The file allowed_signers inside the bundle is only a convenience: whoever changed the files could change it too.`
      : 'This copy of the report was generated without a signing key; only a signed bundle can be verified.',
  );
  w.subheading('2. Check the signature');
  const verify = `ssh-keygen -Y verify -f allowed_signers -I ${signer?.email ?? '<signer e-mail>'} -n ${SIGNATURE_NAMESPACE} -s SHA256SUMS.sig < SHA256SUMS`;
  w.paragraph(
    'Extract the zip, open a terminal in the extracted folder and run the command below. "-Y verify" needs OpenSSH 8.1 or later ("ssh -V" shows the version): Linux and macOS have it, as does Windows 11; the OpenSSH 7.7 built into older Windows 10 builds does not, so install the current OpenSSH client or use the ssh-keygen of Git for Windows.',
    { size: 9.5 },
  );
  code(w, [
    `Linux, macOS:  ${verify}`,
    `Windows (Command Prompt or PowerShell, "<" through cmd):  cmd /c "${verify}"`,
  ]);
  w.paragraph(
    'It must answer "Good "ot-assessment@conduit" signature for …" and name the key fingerprint above.',
    { size: 9.5 },
  );
  w.subheading('3. Check every file');
  code(w, [
    'Linux:    sha256sum -c SHA256SUMS',
    'macOS:    shasum -a 256 -c SHA256SUMS',
    'Windows (PowerShell):',
    '  Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object { $h, $f = $_ -split \'  \', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash.ToLower() -eq $h) { "OK      $f" } else { "FAILED  $f" } }',
    'Windows (Command Prompt), one file at a time:  certutil -hashfile data\\assessment.json SHA256',
  ]);
  w.paragraph(
    'Every line must end in OK. If the signature is good and every file matches, the bundle is exactly as the assessor signed it. ' +
      'A file that fails means it was changed, damaged or replaced after signing: ask the assessor for a new copy.',
    { size: 9.5 },
  );
}
