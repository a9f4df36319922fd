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
  /** report/report.docx and data/findings.xlsx: optional so callers written before them still build. */
  hasReportDocx?: boolean;
  hasFindingsXlsx?: boolean;
}

/**
 * Lists every file in the folder that SHA256SUMS does not cover (`sha256sum -c` checks only the
 * files it lists, so an added file passes it). POSIX find, sed and awk: Linux and macOS alike.
 */
export const LIST_UNLISTED_FILES_COMMAND =
  "find . ! -type d | sed 's|^\\./||' | awk 'NR == FNR { listed[substr($0, 67)] = 1; next } " +
  '!($0 in listed) && $0 != "SHA256SUMS" && $0 != "SHA256SUMS.sig" && $0 != "allowed_signers" ' +
  '{ print "NOT LISTED: " $0; n++ } END { if (!n) print "no other files" }\' SHA256SUMS -';

const LIST_UNLISTED_FILES_POWERSHELL = [
  "$listed = @(Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object { $_.Substring(66) }) + 'SHA256SUMS', 'SHA256SUMS.sig', 'allowed_signers'",
  "Get-ChildItem -Recurse -Force -Attributes !Directory | ForEach-Object { $_.FullName.Substring($PWD.Path.Length + 1).Replace('\\', '/') } |",
  '  Where-Object { $listed -notcontains $_ } | ForEach-Object { "NOT LISTED: $_" }',
];

type ReadmeSigner = ReadmeInput['signer'];

/** README.txt: what the bundle holds and how to check it with tools the client already has. */
export function buildReadme(input: ReadmeInput): string {
  return [
    readmeHeading(input),
    `WHAT IS IN THIS FOLDER\n\n${contentsLines(input).join('\n')}`,
    `HOW TO VERIFY\n\n${verifyInstructions(input.signer, input.folder)}`,
    `Produced by ${TOOL_NAME} ${TOOL_VERSION}.\n`,
  ].join('\n\n\n');
}

/** Who signed, when, with which key, and why that fingerprint must come by another route. */
function readmeHeading({ assessment, signer, signedAt }: ReadmeInput): string {
  const by = signer.organization ? `${signer.name}, ${signer.organization}` : signer.name;
  return `OT SECURITY ASSESSMENT: ${assessment.client}, ${assessment.site}
${assessment.title}

Signed by ${by} <${signer.email}>
Signed at ${signedAt}
Signing key fingerprint: ${signer.fingerprint}

IMPORTANT: a fingerprint printed inside this folder proves nothing on its own, since whoever
changed the files could change this text too. Compare it with the fingerprint you received from
the assessor by another route (on the report cover, in a letter or e-mail, or read out over the
phone). Only when the two match do the checks below show that the assessor signed these files.`;
}

/** One line per file or folder of the bundle, the optional parts only when present. */
function contentsLines(input: ReadmeInput): string[] {
  return [
    input.hasReport ? '  report/report.pdf     the assessment report' : null,
    input.hasReportDocx
      ? '  report/report.docx    the same report, editable (Word styles: apply your own template)'
      : null,
    '  data/assessment.json  the whole assessment (Conduit file format; evidence referenced by SHA-256)',
    '  data/*.csv            assets, zones, conduits, answers, connections and findings, for spreadsheets',
    input.hasFindingsXlsx
      ? '  data/findings.xlsx    plan of action: findings with owner and status to fill in, answers per zone, zones'
      : null,
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
}

/** The three checks, with the commands for Linux, macOS and Windows, then the app's own. */
function verifyInstructions(signer: ReadmeSigner, folder: string): string {
  return [
    `Extract the zip and open a terminal in the folder that holds this file:
  ${folder}
Then run the three checks below. All three must succeed.`,
    signatureCheck(signer),
    FILES_CHECK,
    UNLISTED_FILES_CHECK,
    `${TOOL_NAME} runs all three checks at once, on the zip itself: drop it on the Verify page of the
app, or run
  conduit verify <bundle.zip> --fingerprint <the fingerprint you received separately>
which fails unless this exact key signed the bundle.`,
  ].join('\n\n');
}

function signatureCheck(signer: ReadmeSigner): string {
  const verify = `ssh-keygen -Y verify -f allowed_signers -I ${signer.email} -n ${SIGNATURE_NAMESPACE} -s SHA256SUMS.sig < SHA256SUMS`;
  return `Check 1: the signature. It proves that SHA256SUMS was signed with the key whose fingerprint is
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
  Check that the key fingerprint in that line is the one you received separately.`;
}

const FILES_CHECK = `Check 2: the files. It proves that every file is exactly as listed in SHA256SUMS.

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
    certutil -hashfile data\\assessment.json SHA256`;

const UNLISTED_FILES_CHECK = `Check 3: nothing else. A file added to the folder is not in SHA256SUMS, so check 2 does not
notice it, and it is not covered by the signature. This lists every file that SHA256SUMS does not
cover; it must print "no other files".

  Linux and macOS:
    ${LIST_UNLISTED_FILES_COMMAND}

  Windows (PowerShell):
    ${LIST_UNLISTED_FILES_POWERSHELL.join('\n    ')}`;
