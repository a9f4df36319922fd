import type { Assessment } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../model/version';
import { SIGNATURE_NAMESPACE } from './sshsig';

export interface ReadmeInput {
  assessment: Assessment;
  signer: { name: string; organization: string; email: string; fingerprint: string };
  signedAt: string;
  folder: string;
  /** Relative paths of the optional parts that are present. */
  hasReport: boolean;
  hasDiagram: boolean;
}

/** README.txt: what the bundle holds and how to check it with tools the client already has. */
export function buildReadme(input: ReadmeInput): string {
  const { assessment, signer, signedAt, folder } = input;
  const by = signer.organization ? `${signer.name}, ${signer.organization}` : signer.name;
  const verify = `ssh-keygen -Y verify -f allowed_signers -I ${signer.email} -n ${SIGNATURE_NAMESPACE} -s SHA256SUMS.sig < SHA256SUMS`;
  const contents = [
    input.hasReport ? '  report/report.pdf     the assessment report' : null,
    '  data/assessment.json  the whole assessment (Conduit file format; evidence referenced by SHA-256)',
    '  data/*.csv            assets, zones, conduits, answers, connections and findings, for spreadsheets',
    '  data/risk.csv         the threat scenarios, inherent and residual risk against the tolerable line',
    '  data/crs.csv          the cybersecurity requirements specification (IEC 62443-3-2 ZCR 6)',
    '  data/attack-layer.json  ATT&CK Navigator layer: techniques unmet requirements leave open (MITRE ATT&CK for ICS)',
    input.hasDiagram ? '  diagram/              the zone and conduit diagram (SVG and PNG)' : null,
    '  evidence/             photos and files collected on site, named by their id',
    '  manifest.json         what was signed, by whom and when (an in-toto statement)',
    '  SHA256SUMS            the SHA-256 checksum of every file above',
    "  SHA256SUMS.sig        the assessor's signature over SHA256SUMS (OpenSSH format)",
    "  allowed_signers       the assessor's public key, in the form ssh-keygen expects",
  ].filter((line) => line !== null);

  return `OT SECURITY ASSESSMENT: ${assessment.client}, ${assessment.site}
${assessment.title}

Signed by ${by} <${signer.email}>
Signed at ${signedAt}
Signing key fingerprint: ${signer.fingerprint}

IMPORTANT: a fingerprint printed inside this folder proves nothing on its own, since whoever
changed the files could change this text too. Compare it with the fingerprint you received from
the assessor by another route (on the report cover, in a letter or e-mail, or read out over the
phone). Only when the two match do the checks below show that the assessor signed these files.


WHAT IS IN THIS FOLDER

${contents.join('\n')}


HOW TO VERIFY

Extract the zip and open a terminal in the folder that holds this file:
  ${folder}
Then run the two checks below. Both must succeed.

Check 1: the signature. It proves that SHA256SUMS was signed with the key whose fingerprint is
shown above and has not changed since.

  Linux and macOS (Terminal):
    ${verify}

  Windows (Command Prompt or PowerShell; in PowerShell the "<" must go through cmd as shown).
  ssh-keygen comes with the OpenSSH client built into Windows; "-Y verify" needs version 8.1 or
  later ("ssh -V" shows it: Windows 11 has it; on older Windows 10 builds install the current
  OpenSSH client, or use the ssh-keygen that comes with Git for Windows):
    cmd /c "${verify}"

  Success looks like:
    Good "${SIGNATURE_NAMESPACE}" signature for ${signer.email} with ED25519 key ${signer.fingerprint}
  Check that the key fingerprint in that line is the one you received separately.

Check 2: the files. It proves that every file is exactly as listed in SHA256SUMS.

  Linux:
    sha256sum -c SHA256SUMS

  macOS:
    shasum -a 256 -c SHA256SUMS

  Every line must end in "OK".

  Windows (PowerShell):
    Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object {
      $expected, $file = $_ -split '  ', 2
      $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash.ToLower()
      if ($actual -eq $expected) { "OK      $file" } else { "FAILED  $file" }
    }

  Windows (Command Prompt), one file at a time, comparing with its line in SHA256SUMS:
    certutil -hashfile data\\assessment.json SHA256

A file that was added to the folder is not in SHA256SUMS, so these commands do not notice it:
only the files listed there are covered by the signature. ${TOOL_NAME} checks that too: drop the
zip on the Verify page of the app, or run "conduit verify <bundle.zip>".


Produced by ${TOOL_NAME} ${TOOL_VERSION}.
`;
}
