/*
 * The sentences the PDF and the editable outputs (DOCX) both print, written once: method statements,
 * the severity rule, the coverage explanation, the SL-A note, the verification steps and the
 * empty-state sentences. Section writers lay them out; they do not word them.
 */
import { addCoverage, emptyCoverage, satisfiedCount } from '../catalogue';
import { SIGNATURE_NAMESPACE } from '../bundle/sshsig';
import { DEFAULT_FR_WEIGHTS, resolveFindingSettings, SEVERITY_BANDS } from '../findings';
import { plural } from '../findings/types';
import { FR_IDS } from '../model/common';
import type { ReportModel } from './model';
import type { ReportSigner } from './options';

/** A table as the report prints it: a header row and text cells ("\n" separates lines in a cell). */
export interface TextTable {
  head: string[];
  rows: string[][];
}

export const EMPTY = {
  scope: 'No scope statement was recorded for this assessment.',
  zonesSl: 'No zones have been defined, so no security levels can be shown.',
  openFindings: 'No open findings are recorded in this assessment.',
  zones: 'No zones are defined in this assessment.',
  conduits: 'No conduits are defined in this assessment.',
  requirements: 'No zones are defined, so no requirements have been assessed.',
  zoneWithoutSlt: 'No SL-T is set for this zone, so no requirements apply yet.',
  targets: 'No zone has a target security level, so no requirement was in scope.',
  assets: 'No assets have been imported or recorded.',
  connections: 'No undocumented connections were recorded.',
  traffic: 'No traffic was imported, so no flows could be compared with the documented conduits.',
  crossings: 'No flow crossed a zone boundary.',
  candidates: 'The observed traffic raised no reconciliation candidates.',
  schedule: 'With no open findings there is nothing to schedule.',
  distribution: 'No distribution list is recorded for this report.',
} as const;

export const ALL_ITEMS_JUSTIFIED = 'Every required item is met, compensated or justified as not applicable.';

export const METHOD_TEXT: readonly string[] = [
  'The assessment follows IEC 62443-3-3, the part of the IEC 62443 series that sets out technical security ' +
    'requirements for an industrial automation and control system. The system is divided into zones (groups of ' +
    'assets that share security needs) joined by conduits (the permitted communication paths between zones). ' +
    'Each zone receives a target security level, and the system requirements (SRs) and requirement enhancements ' +
    '(REs) that this level calls for are checked one by one, on site, with notes and photographic evidence.',
  "Asset inventories exported by the plant's passive monitoring sensors and packet captures were used to place " +
    'assets in zones and to compare the traffic actually seen with the conduits on paper. Connections found during ' +
    'the walk-down, in interviews or in the traffic that the documentation does not show are reported separately.',
];

export const SECURITY_LEVEL_MEANINGS: readonly string[] = [
  'SL 1: protects against casual or accidental misuse, such as an operator changing a setting by mistake.',
  'SL 2: protects against deliberate attacks with simple means, general skills and little motivation.',
  'SL 3: protects against deliberate, sophisticated attacks by people with control-system specific skills and moderate resources.',
  'SL 4: protects against sophisticated attacks with extensive resources, such as a well-funded, determined group.',
];

export const SL_VECTOR_TEXT =
  'A level is set per foundational requirement (FR1 to FR7), so a zone has a vector of seven levels. The target ' +
  '(SL-T) is what the zone should reach. The achieved level (SL-A) for an FR is the highest level at which every ' +
  'requirement of that FR is met, covered by a compensating control, or justified as not applicable. The gap is ' +
  'the target minus the achieved level, and zero where the target is reached.';

export function catalogueNote(model: ReportModel): string {
  return (
    `Requirement catalogue: ${model.catalogue.version} (${model.catalogue.items.length} SRs and REs).` +
    (model.catalogueMatches
      ? ''
      : ` The assessment names catalogue "${model.data.assessment.catalogueVersion}", which this tool does not ship; the shipped catalogue was used.`)
  );
}

/** How SL-A is printed: capped at SL-T, with * while an FR is not fully assessed. */
export const SL_A_CAP_NOTE =
  'SL-A is shown capped at the zone’s SL-T: "≥2" means the zone achieves at least its target of 2; * marks an FR with items not assessed yet, whose SL-A is provisional.';

export const SL_VECTOR_NOTE =
  'Security-level vectors list FR1 to FR7 in order. 0 means no level (target not set, or nothing achieved). ' +
  SL_A_CAP_NOTE;

/** The coverage paragraph: answered of required, by outcome, and whether the picture is complete. */
export function coverageText(model: ReportModel): string | null {
  const total = model.zones.reduce((sum, z) => addCoverage(sum, z.evaluation.coverage), emptyCoverage());
  if (total.required === 0) return null;
  const incomplete = model.zones.filter((z) => z.evaluation.provisional).length;
  return (
    `${total.answered} of ${plural(total.required, 'required item')} were assessed across ${plural(model.zones.length, 'zone')}: ` +
    `${satisfiedCount(total)} met (${total.compensating} by a compensating control, ${total.notApplicable} not applicable), ` +
    `${total.partiallyMet} partially met, ${total.notMet} not met, and ${total.notAssessed} not assessed.` +
    (incomplete > 0
      ? ` In ${plural(incomplete, 'zone')} some required items were not assessed; their achieved security level (SL-A) is provisional, marked *, and may rise once they are. Items not assessed are not findings: they are listed in the appendix as open assessment work.`
      : ' Every required item of every zone was assessed.')
  );
}

export function notAssessedNote(count: number): string {
  return `${count} required ${count === 1 ? 'item is' : 'items are'} not assessed yet (see the appendix "Items not assessed").`;
}

export const NOT_ASSESSED_INTRO =
  'Required items for which no answer was recorded. They are not findings: until they are assessed, the zone’s achieved security level is provisional. The second table gives the title of each item listed.';

/** "A score of 20 or more is critical, 12–19 high, …", from the bands the findings use. */
export function bandsText(): string {
  const parts = SEVERITY_BANDS.map((band, i) => {
    const upper = i === 0 ? null : SEVERITY_BANDS[i - 1]!.from - 1;
    return i === 0
      ? `A score of ${band.from} or more is ${band.severity}`
      : `${band.from}–${upper} ${band.severity}`;
  });
  return `${parts.join(', ')}, below ${SEVERITY_BANDS[SEVERITY_BANDS.length - 1]!.from} informational`;
}

/** The severity rule as the method section states it, with this assessment's FR weights. */
export function severityRuleText(model: ReportModel): string {
  const weights = resolveFindingSettings(model.data.assessment.findingSettings).frWeights;
  const custom = FR_IDS.some((fr) => weights[fr] !== DEFAULT_FR_WEIGHTS[fr]);
  return (
    'A requirement finding is rated by what is at stake and how reachable it is: severity = consequence × exposure × FR weight, ' +
    'and × 0.6 where the requirement is partially met. Consequence (1–5) is the zone’s consequence from the risk assessment, ' +
    'else its criticality (low 2, medium 3, high 4, critical 5; a safety zone at least 4). Exposure is 1 plus one step for each of: ' +
    'a conduit to a less trusted zone, an undocumented connection, observed traffic from other zones that no conduit allows, ' +
    'traffic with public addresses, and remote access (at most 5); one path counts once, as its most telling factor. ' +
    `FR weights (${FR_IDS.map((fr) => `${fr} ${weights[fr]}`).join(', ')}${custom ? ', set for this assessment' : ''}) ` +
    'put availability, integrity and restricted data flow ahead of confidentiality. ' +
    `${bandsText()}; a finding spanning zones takes its worst zone’s score, never a sum. ` +
    'Critical is kept for what is both high at stake and highly exposed (a consequence and an exposure of 4 or 5 together), so criticals are few. ' +
    'Undocumented connections are rated by their own likelihood × impact, and observed flows by the receiving zone’s consequence × 4 from a less trusted zone (× 2 otherwise), in the same bands. ' +
    'Advisory matches take their CVSS band, raised for a known exploited vulnerability and, in a highly exposed zone (4 or more), for a catastrophic consequence; in a zone hardly reachable (exposure 2 or less) they are at most high.'
  );
}

export const CONNECTIONS_INTRO =
  'Paths into or between zones that the documented conduits do not show. Risk is likelihood × impact, each rated 1 to 5.';

export function handlingNote(client: string): string {
  return `Prepared for ${client}. It describes weaknesses of an industrial control system: share it only with people who need it.`;
}

/** One step of "How to verify this report": a heading, then paragraphs and command lines in order. */
export type VerifyPart =
  { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'code'; lines: string[] };

/**
 * The verification steps, for a document inside a signed bundle or on its own (`noun` names it:
 * "This PDF", "This document"). A standalone document never claims a signature.
 */
export function verifySteps(signer: ReportSigner | null, standalone: boolean, noun: string): VerifyPart[] {
  const verify = `ssh-keygen -Y verify -f allowed_signers -I ${signer?.email ?? '<signer e-mail>'} -n ${SIGNATURE_NAMESPACE} -s SHA256SUMS.sig < SHA256SUMS`;
  const parts: VerifyPart[] = [];
  if (standalone) {
    parts.push({
      kind: 'paragraph',
      text: `${noun} was produced on its own, outside a signed bundle, and carries no signature. Only the signed bundle of the assessment can be verified as below; ask the assessor for it.`,
    });
  }
  parts.push(
    {
      kind: 'paragraph',
      text:
        'This report is delivered inside a signed bundle: a zip holding the report, the data, the diagram and the evidence, a list of ' +
        "SHA-256 checksums of every file (SHA256SUMS), and the assessor's signature over that list (SHA256SUMS.sig). The checks below " +
        'need only tools that come with the operating system.',
    },
    { kind: 'heading', text: '1. Check the fingerprint' },
    {
      kind: 'paragraph',
      text: signer
        ? `The bundle was signed with the Ed25519 key ${signer.fingerprint} of ${signer.name} <${signer.email}>. Compare this fingerprint with the one the assessor gave you by another route (a letter, an e-mail or a phone call). The file allowed_signers inside the bundle is only a convenience: whoever changed the files could change it too.`
        : 'This copy of the report was generated without a signing key; only a signed bundle can be verified.',
    },
    { kind: 'heading', text: '2. Check the signature' },
    {
      kind: 'paragraph',
      text: 'Extract the zip, open a terminal in the extracted folder and run the command below. "-Y verify" needs OpenSSH 8.1 or later ("ssh -V" shows the version): Linux and macOS have it, as does Windows 11; the OpenSSH 7.7 built into older Windows 10 builds does not, so install the current OpenSSH client or use the ssh-keygen of Git for Windows.',
    },
    {
      kind: 'code',
      lines: [
        `Linux, macOS:  ${verify}`,
        `Windows (Command Prompt or PowerShell, "<" through cmd):  cmd /c "${verify}"`,
      ],
    },
    {
      kind: 'paragraph',
      text: `It must answer "Good "${SIGNATURE_NAMESPACE}" signature for …" and name the key fingerprint above.`,
    },
    { kind: 'heading', text: '3. Check every file' },
    {
      kind: 'code',
      lines: [
        'Linux:    sha256sum -c SHA256SUMS',
        'macOS:    shasum -a 256 -c SHA256SUMS',
        'Windows (PowerShell):',
        '  Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object { $h, $f = $_ -split \'  \', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash.ToLower() -eq $h) { "OK      $f" } else { "FAILED  $f" } }',
        'Windows (Command Prompt), one file at a time:  certutil -hashfile data\\assessment.json SHA256',
      ],
    },
    {
      kind: 'paragraph',
      text:
        'Every line must end in OK. If the signature is good and every file matches, the bundle is exactly as the assessor signed it. ' +
        'A file that fails means it was changed, damaged or replaced after signing: ask the assessor for a new copy.',
    },
  );
  return parts;
}
