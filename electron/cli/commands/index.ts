import type { CliCommand } from '../command';

/**
 * Every subcommand, in the order `--help` lists them. Add a command as one module exporting
 * `{ run }` plus one entry here; keep this file's imports light (they load on every start).
 */
export const COMMANDS: CliCommand[] = [
  {
    name: 'new',
    summary: 'write a new, empty assessment file',
    usage:
      'new --client <client> --site <site> --out <file.conduit.json> [--assessor <name>]... [--start <yyyy-mm-dd>] [--end <yyyy-mm-dd>] [--scope <text>] [--force]',
    load: async () => (await import('./new')).newCommand,
  },
  {
    name: 'demo',
    summary:
      'write the demo plant: a complete sample assessment, the same as the app\'s "Open the demo plant"',
    usage: 'demo --out <file.conduit.json> [--force]',
    load: async () => (await import('./demo')).demoCommand,
  },
  {
    name: 'validate',
    summary: 'check an assessment file; exit 0 when valid, 2 with where and why when not',
    usage: 'validate <file.conduit.json>',
    load: async () => (await import('./validate')).validateCommand,
  },
  {
    name: 'import',
    summary: 'parse a sensor inventory export as the app does; print assets, flows and warnings as JSON',
    usage:
      'import <file> [--format <format>] [--mapping <mapping.json>] [--aliases <aliases.json>] [--into <assessment.conduit.json>]   (an unknown --format lists the known ones)',
    load: async () => (await import('./import')).importCommand,
  },
  {
    name: 'flows',
    summary:
      'read a pcap/pcapng capture (or .gz of either) and print its conversations, assets and layer-2 frames',
    usage: 'flows <capture>',
    load: async () => (await import('./flows')).flowsCommand,
  },
  {
    name: 'reconcile',
    summary: 'check observed flows against the zones and conduits; print the candidates as JSON',
    usage: 'reconcile <file.conduit.json>',
    load: async () => (await import('./reconcile')).reconcileCommand,
  },
  {
    name: 'catalogue',
    summary:
      'print the IEC 62443-3-3 catalogue (FRs, SRs, REs, their minimum SL and ATT&CK for ICS mitigations) as JSON',
    usage: 'catalogue [--with-guidance]',
    load: async () => (await import('./catalogue')).catalogueCommand,
  },
  {
    name: 'findings',
    summary: "generate an assessment's findings, merged with the ones stored in it, and print them as JSON",
    usage: 'findings <assessment.conduit.json> [--now <ISO date>]',
    load: async () => (await import('./findings')).findingsCommand,
  },
  {
    name: 'advisories',
    summary:
      'match assets against CISA ICS advisories (the bundled index or a pack) and KEV; print the matches as JSON',
    usage:
      'advisories <assessment.conduit.json | inventory export> [--pack <dir|zip|tar.gz>] [--kev <kev.json>] [--aliases <aliases.json>]',
    load: async () => (await import('./advisories')).advisoriesCommand,
  },
  {
    name: 'risk',
    summary:
      'the IEC 62443-3-2 risk assessment: SL-T per zone (derived or by hand, with the rationale), scenarios, countermeasures',
    usage: 'risk <file.conduit.json>',
    load: async () => (await import('./risk')).riskCommand,
  },
  {
    name: 'attack-layer',
    summary:
      'write an ATT&CK Navigator layer of the techniques unmet requirements leave open (site or one zone)',
    usage: 'attack-layer <file.conduit.json> [--zone <name>] --out <layer.json> [--force]',
    load: async () => (await import('./attack-layer')).attackLayerCommand,
  },
  {
    name: 'keygen',
    summary: 'create an Ed25519 signing key: <keyfile> (private, mode 0600) and <keyfile>.pub (OpenSSH)',
    usage: 'keygen --name <name> --email <email> [--org <organization>] --out <keyfile> [--force]',
    load: async () => (await import('./keygen')).keygenCommand,
  },
  {
    name: 'key',
    summary:
      'back up a key file as a passphrase-encrypted file, or restore one; the passphrase comes from $CONDUIT_KEY_PASSPHRASE or stdin',
    usage:
      'key backup --key <keyfile> --out <backup.json> [--force] | key restore --in <backup.json> --out <keyfile> [--force]',
    load: async () => (await import('./key')).keyCommand,
  },
  {
    name: 'export',
    summary: 'build the signed report bundle (zip) of an assessment file',
    usage:
      'export <file.conduit.json> --key <keyfile> --out <bundle.zip | folder> [--report <report.pdf>] ' +
      '[--diagram-svg <zones.svg>] [--diagram-png <zones.png>] [--signed-at <iso date-time>] [--force]',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'report',
    summary:
      'write the report of an assessment file: PDF (default), editable DOCX, or the findings workbook (XLSX)',
    usage: 'report <file.conduit.json> --out <file> [--format pdf|docx|xlsx] [--key <keyfile>] [--force]',
    load: async () => (await import('./report')).reportCommand,
  },
  {
    name: 'verify',
    summary:
      'check a report bundle: signature, then every file; with --fingerprint, also the signer; exit 0 valid, 1 not valid, 2 unreadable',
    usage: 'verify <bundle.zip> [--fingerprint SHA256:<the signer fingerprint you received separately>]',
    load: async () => (await import('./verify')).verifyCommand,
  },
];
