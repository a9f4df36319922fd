import { EFFORTS, EFFORT_LABELS, type Effort, type ProgramPhase } from '../model/findings';

export { EFFORTS, EFFORT_LABELS, type Effort };

/** What to do when one SR or RE is not met, where it sits in the program, and how big the work is. */
export interface ItemRecommendation {
  /** The remediation, in this project's words, scaled to what the item itself asks for. */
  recommendation: string;
  /** The seed's program phase the work belongs to (1 inventory … 6 incident response). */
  phase: ProgramPhase;
  effort: Effort;
  /** Cheap, high-value work that belongs in the first quarter whatever its phase (e.g. backups). */
  quickWin?: true;
}

/** A recommendation for every SR and RE of IEC 62443-3-3, keyed by catalogue item id. */
export const RECOMMENDATIONS: Readonly<Record<string, ItemRecommendation>> = {
  // FR1 Identification and authentication control
  'SR 1.1': {
    recommendation:
      'Require a login on every HMI, engineering workstation and server in the zone. Where an operator screen must stay available without a login for safety, limit that session to viewing and acknowledging alarms and record the decision.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.1 RE 1': {
    recommendation:
      'Replace shift, "operator" and generic vendor logins with one named account per person, starting with engineering workstations and servers, so that every change can be traced to an individual.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.1 RE 2': {
    recommendation:
      'Add a second factor to logins that reach the zone over untrusted networks (vendor remote access, the office LAN), enforced at the jump host or remote-access gateway rather than on each control host.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.1 RE 3': {
    recommendation:
      'Extend the second factor to every human login in the zone, including consoles on the plant network, with a tested break-glass procedure so that operators are never locked out during an upset.',
    phase: 3,
    effort: 'L',
  },
  'SR 1.2': {
    recommendation:
      'Make software processes and devices that talk to the zone prove who they are: enable the authentication the controllers and OPC, historian or SCADA services offer, and stop accepting anonymous connections.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.2 RE 1': {
    recommendation:
      'Give each device and service its own identity (certificate or key) instead of one shared secret for the whole zone, so that a compromised device can be revoked on its own.',
    phase: 3,
    effort: 'L',
  },
  'SR 1.3': {
    recommendation:
      'Put account creation, change and removal under a written procedure with an owner, and review the accounts of the zone against the staff and contractor list at least twice a year.',
    phase: 3,
    effort: 'S',
  },
  'SR 1.3 RE 1': {
    recommendation:
      "Manage the zone's accounts from one place (an OT directory separate from the corporate domain) so that a leaver is disabled everywhere at once.",
    phase: 3,
    effort: 'L',
  },
  'SR 1.4': {
    recommendation:
      "Define how user and device identifiers are issued and retired: no reuse of a departed person's identifier, and a named owner for every service account.",
    phase: 3,
    effort: 'S',
  },
  'SR 1.5': {
    recommendation:
      'Change every default and vendor-supplied password in the zone, keep the remaining shared secrets in a password vault, and rotate them when staff or contractors leave.',
    phase: 3,
    effort: 'S',
  },
  'SR 1.5 RE 1': {
    recommendation:
      'Store the keys and credentials that services and devices use in hardware (TPM, HSM or secure element) where the platform supports it, rather than in files or project archives.',
    phase: 3,
    effort: 'L',
  },
  'SR 1.6': {
    recommendation:
      'Require authentication on every wireless network that reaches the zone (WPA2/WPA3-Enterprise or equivalent) and remove open or shared-key access points.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.6 RE 1': {
    recommendation:
      'Authenticate each wireless user and device individually (802.1X with per-device certificates or accounts) instead of a shared passphrase.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.7': {
    recommendation:
      'Set a minimum password length and complexity on every system of the zone that supports it, and record the systems that cannot enforce one together with the control that covers them.',
    phase: 3,
    effort: 'S',
  },
  'SR 1.7 RE 1': {
    recommendation:
      'Add lifetime and reuse limits for human passwords, aligned with shift patterns so that a password does not expire in the middle of a night shift.',
    phase: 3,
    effort: 'S',
  },
  'SR 1.7 RE 2': {
    recommendation:
      'Apply password lifetime limits to service and device accounts too, with a planned rotation done in a maintenance window and tested beforehand.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.8': {
    recommendation:
      'Where the zone uses certificates, issue them from a PKI the plant controls, with known expiry and a way to revoke them; stop relying on self-signed certificates accepted by default.',
    phase: 3,
    effort: 'L',
  },
  'SR 1.9': {
    recommendation:
      'Make the systems that accept public keys check them properly: certificate chain, validity dates and revocation, and ownership of the private key.',
    phase: 3,
    effort: 'M',
  },
  'SR 1.9 RE 1': {
    recommendation:
      'Keep the private keys used for public key authentication in hardware (smart card, token or TPM) so that they cannot be copied off a workstation.',
    phase: 3,
    effort: 'L',
  },
  'SR 1.10': {
    recommendation:
      'Configure login screens in the zone to hide passwords as they are typed and to give no hint of whether the user name or the password was wrong.',
    phase: 3,
    effort: 'S',
  },
  'SR 1.11': {
    recommendation:
      'Limit failed login attempts on engineering workstations, servers and remote access. On operator HMIs prefer an alert or a delay over a lockout, so that an operator is never locked out of the process.',
    phase: 3,
    effort: 'S',
  },
  'SR 1.12': {
    recommendation:
      "Show a short system use notice at login on the zone's hosts and remote-access entry points, worded with the plant's legal or HR function.",
    phase: 3,
    effort: 'S',
  },
  'SR 1.13': {
    recommendation:
      'Route every access from untrusted networks through one controlled entry point (a jump host in the industrial DMZ) and remove direct VPNs, remote-desktop tools and modems that bypass it.',
    phase: 2,
    effort: 'M',
  },
  'SR 1.13 RE 1': {
    recommendation:
      'Require an explicit approval by the plant for each remote session (enable-on-request vendor access with an expiry), and log who approved it.',
    phase: 3,
    effort: 'S',
  },

  // FR2 Use control
  'SR 2.1': {
    recommendation:
      "Enforce authorisation on the zone's hosts and applications: remove local administrator rights from day-to-day accounts and make sure only engineering roles can change logic, set points limits or configuration.",
    phase: 3,
    effort: 'M',
  },
  'SR 2.1 RE 1': {
    recommendation:
      'Apply the same authorisation checks to every user, including service, vendor and maintenance accounts, so that no account bypasses them.',
    phase: 3,
    effort: 'M',
  },
  'SR 2.1 RE 2': {
    recommendation:
      'Define roles for the zone (operator, engineer, administrator, vendor) and give permissions to roles rather than to individual accounts, with a yearly review by the system owner.',
    phase: 3,
    effort: 'M',
  },
  'SR 2.1 RE 3': {
    recommendation:
      'Provide a controlled, logged supervisor override for emergencies, with a written procedure for who may use it and how it is reviewed afterwards.',
    phase: 3,
    effort: 'M',
  },
  'SR 2.1 RE 4': {
    recommendation:
      'Require a second person to approve the actions that could cause serious harm (safety bypasses, logic downloads to critical controllers), enforced by the system where it can be.',
    phase: 3,
    effort: 'L',
  },
  'SR 2.2': {
    recommendation:
      'Limit what wireless users and devices may do in the zone: put wireless clients in their own segment behind the zone firewall and allow only the services they need.',
    phase: 3,
    effort: 'M',
  },
  'SR 2.2 RE 1': {
    recommendation:
      'Detect and report unauthorised wireless devices and access points near the zone, with periodic surveys or a wireless intrusion detection feature of the monitoring system.',
    phase: 4,
    effort: 'M',
  },
  'SR 2.3': {
    recommendation:
      'Control the use of USB media and visiting laptops in the zone: block USB storage where it is not needed, and require media to pass a scanning station before use.',
    phase: 3,
    effort: 'M',
  },
  'SR 2.3 RE 1': {
    recommendation:
      'Check the security state of laptops and mobile devices before they connect (patch level, malware protection, ownership), for example with a dedicated plant-owned maintenance laptop.',
    phase: 3,
    effort: 'M',
  },
  'SR 2.4': {
    recommendation:
      "Restrict scripts, macros and other mobile code on the zone's hosts (allow-listing, macro policies, browser restrictions) to what the control software needs.",
    phase: 5,
    effort: 'M',
  },
  'SR 2.4 RE 1': {
    recommendation:
      'Allow only signed or otherwise integrity-checked mobile code to run, and alert when unsigned code is blocked.',
    phase: 5,
    effort: 'M',
  },
  'SR 2.5': {
    recommendation:
      'Lock idle sessions on engineering workstations and servers after a set time. On operator HMIs keep the process view visible and lock only the controls, so that alarms are never hidden.',
    phase: 3,
    effort: 'S',
  },
  'SR 2.6': {
    recommendation:
      'End remote sessions automatically after inactivity and when the approved work window closes, and give the plant a way to cut a remote session at once.',
    phase: 3,
    effort: 'S',
  },
  'SR 2.7': {
    recommendation:
      "Limit the number of concurrent sessions per user and per interface on the zone's hosts and remote-access gateway.",
    phase: 3,
    effort: 'S',
  },
  'SR 2.8': {
    recommendation:
      'Turn on security event logging (logins, account and permission changes, configuration and logic changes) on the hosts, firewalls and controllers of the zone that support it.',
    phase: 4,
    effort: 'M',
  },
  'SR 2.8 RE 1': {
    recommendation:
      "Forward the zone's audit records to a central collector outside the zone, where they can be correlated and cannot be altered from inside it.",
    phase: 4,
    effort: 'L',
  },
  'SR 2.9': {
    recommendation:
      "Size log storage on the zone's hosts for the retention the plant needs, and set what happens when it is full (roll over, never stop the process).",
    phase: 4,
    effort: 'S',
  },
  'SR 2.9 RE 1': {
    recommendation:
      'Raise a warning to the people who look after the zone when audit storage reaches a threshold, before records are lost.',
    phase: 4,
    effort: 'S',
  },
  'SR 2.10': {
    recommendation:
      'Define and configure how each system responds when audit logging fails: alert the responsible person and keep the control function running.',
    phase: 4,
    effort: 'S',
  },
  'SR 2.11': {
    recommendation:
      'Make audit records carry reliable timestamps, with the time zone stated, so that events from different systems can be put in order.',
    phase: 4,
    effort: 'S',
  },
  'SR 2.11 RE 1': {
    recommendation:
      "Synchronise the clocks of the zone's hosts, firewalls and controllers to a plant time source (NTP or PTP served from inside OT), and monitor for drift.",
    phase: 4,
    effort: 'M',
  },
  'SR 2.11 RE 2': {
    recommendation:
      'Protect the time source against tampering: authenticated NTP or PTP, a GPS-disciplined clock inside OT, and alerts on unexpected time changes.',
    phase: 4,
    effort: 'M',
  },
  'SR 2.12': {
    recommendation:
      "Make actions on the zone's critical functions attributable to a named person, with individual accounts and audit records that cannot be edited by that person.",
    phase: 4,
    effort: 'M',
  },
  'SR 2.12 RE 1': {
    recommendation:
      'Extend non-repudiation to every user of the zone, including vendors and administrators, with tamper-evident records of their actions.',
    phase: 4,
    effort: 'L',
  },

  // FR3 System integrity
  'SR 3.1': {
    recommendation:
      'Protect the integrity of control traffic across the zone: keep it inside the segmented network, enable the integrity checks the protocols offer, and watch for unexpected writes with the monitoring system.',
    phase: 2,
    effort: 'M',
  },
  'SR 3.1 RE 1': {
    recommendation:
      'Use cryptographic integrity protection (authenticated protocols such as OPC UA with signing, IPsec or TLS tunnels between sites) on the communication the zone depends on.',
    phase: 2,
    effort: 'L',
  },
  'SR 3.2': {
    recommendation:
      "Protect the zone's Windows and Linux hosts against malware with the control-system vendor's approved anti-malware or application allow-listing, with signature updates brought in through a controlled path.",
    phase: 5,
    effort: 'M',
  },
  'SR 3.2 RE 1': {
    recommendation:
      'Scan everything that enters or leaves the zone: removable media at a scanning station, and file transfers through the industrial DMZ.',
    phase: 5,
    effort: 'M',
  },
  'SR 3.2 RE 2': {
    recommendation:
      'Manage malware protection centrally for the zone, with one console that shows update state and detections and reports them to the people who respond.',
    phase: 5,
    effort: 'M',
  },
  'SR 3.3': {
    recommendation:
      "Test that the zone's security functions work (firewall rules, account lockout, logging, backups) after commissioning and after each change, and keep the test record.",
    phase: 4,
    effort: 'S',
  },
  'SR 3.3 RE 1': {
    recommendation:
      'Automate the verification of security functions where tools allow it, for example scheduled configuration compliance checks against the approved baseline.',
    phase: 4,
    effort: 'M',
  },
  'SR 3.3 RE 2': {
    recommendation:
      'Verify security functions during normal operation without disturbing the process, using passive checks and the monitoring system rather than active scans of controllers.',
    phase: 4,
    effort: 'L',
  },
  'SR 3.4': {
    recommendation:
      'Detect unauthorised changes to software, firmware and controller logic: keep known-good hashes or project versions, and compare against them regularly and before each download.',
    phase: 4,
    effort: 'M',
  },
  'SR 3.4 RE 1': {
    recommendation:
      'Alert the responsible people automatically when an integrity check fails (changed logic, firmware or files), through the monitoring system.',
    phase: 4,
    effort: 'M',
  },
  'SR 3.5': {
    recommendation:
      "Confirm with the vendors that the zone's applications and controllers validate their inputs, and where they do not, limit who can reach those inputs through the conduit rules.",
    phase: 5,
    effort: 'M',
  },
  'SR 3.6': {
    recommendation:
      'Define and test the safe state each output goes to when communication or control is lost, and record the result in the commissioning or maintenance documents.',
    phase: 6,
    effort: 'M',
  },
  'SR 3.7': {
    recommendation:
      "Make sure error messages on the zone's interfaces give operators what they need without disclosing internal details useful to an attacker; raise product weaknesses with the vendor.",
    phase: 5,
    effort: 'S',
  },
  'SR 3.8': {
    recommendation:
      "Protect sessions to the zone's web and engineering interfaces against hijacking: use protocols with session protection and turn off legacy interfaces that have none.",
    phase: 3,
    effort: 'M',
  },
  'SR 3.8 RE 1': {
    recommendation:
      "Check that session identifiers are invalidated at logout and timeout on the zone's applications, and ask the vendor for a fix where they are not.",
    phase: 3,
    effort: 'S',
  },
  'SR 3.8 RE 2': {
    recommendation:
      'Confirm that each session gets a unique identifier and that identifiers are never reused; replace or isolate interfaces that fail the check.',
    phase: 3,
    effort: 'S',
  },
  'SR 3.8 RE 3': {
    recommendation:
      'Require session identifiers generated from a strong random source, verified with the vendor or by testing on a spare system.',
    phase: 3,
    effort: 'M',
  },
  'SR 3.9': {
    recommendation:
      "Protect audit records from change and deletion: restrict who can read and clear logs on the zone's hosts, and keep a copy on the central collector.",
    phase: 4,
    effort: 'S',
  },
  'SR 3.9 RE 1': {
    recommendation:
      "Write the zone's audit records to write-once or append-only storage so that even an administrator cannot alter them.",
    phase: 4,
    effort: 'M',
  },

  // FR4 Data confidentiality
  'SR 4.1': {
    recommendation:
      'Identify the sensitive information the zone holds (credentials, recipes, project files, network plans) and protect it with access controls where it is stored and used.',
    phase: 3,
    effort: 'S',
  },
  'SR 4.1 RE 1': {
    recommendation:
      'Encrypt sensitive data that is stored at rest or travels over untrusted networks (remote access, links to the IT network or the cloud) with current protocols.',
    phase: 2,
    effort: 'M',
  },
  'SR 4.1 RE 2': {
    recommendation:
      'Encrypt sensitive data whenever it crosses a zone boundary, including inside the plant, and choose protocols the controllers support without losing determinism.',
    phase: 2,
    effort: 'L',
  },
  'SR 4.2': {
    recommendation:
      'Wipe or destroy the storage of devices leaving the zone (decommissioned PCs, controllers sent for repair, spare drives), and record it in the asset lifecycle.',
    phase: 1,
    effort: 'S',
  },
  'SR 4.2 RE 1': {
    recommendation:
      'Confirm with the vendors that shared memory and buffers are cleared before reuse, and prefer products that do so when equipment is renewed.',
    phase: 5,
    effort: 'M',
  },
  'SR 4.3': {
    recommendation:
      'Use current, vendor-supported cryptographic algorithms and key lengths where the zone uses cryptography; list the legacy ones (old TLS versions, weak ciphers) and plan their replacement with upgrades.',
    phase: 5,
    effort: 'M',
  },

  // FR5 Restricted data flow
  'SR 5.1': {
    recommendation:
      'Separate the zone from other networks at a defined boundary, so that it no longer shares a flat network with the office or with other zones.',
    phase: 2,
    effort: 'L',
  },
  'SR 5.1 RE 1': {
    recommendation:
      'Segment the zone physically (its own switches or a dedicated, locked-down switch fabric) rather than only by VLAN on shared equipment.',
    phase: 2,
    effort: 'L',
  },
  'SR 5.1 RE 2': {
    recommendation:
      'Make the zone independent of non-control networks: it must keep running when the office network, its directory or its internet link is down.',
    phase: 2,
    effort: 'L',
  },
  'SR 5.1 RE 3': {
    recommendation:
      "Isolate the zone's critical networks logically and physically from everything else, with one-way transfer (data diode) where data must leave.",
    phase: 2,
    effort: 'L',
  },
  'SR 5.2': {
    recommendation:
      'Put a managed boundary device (firewall) on every conduit of the zone, and document what each conduit is allowed to carry.',
    phase: 2,
    effort: 'M',
  },
  'SR 5.2 RE 1': {
    recommendation:
      "Rewrite the zone's boundary rules to deny by default and allow only the documented flows, by source, destination and service; change them under change control with the production owner.",
    phase: 2,
    effort: 'M',
  },
  'SR 5.2 RE 2': {
    recommendation:
      'Provide a tested way to disconnect the zone from all other networks (island mode) while the process keeps running, with a procedure for when to use it.',
    phase: 2,
    effort: 'M',
  },
  'SR 5.2 RE 3': {
    recommendation:
      "Make the zone's boundary devices fail closed, so that a failed firewall blocks traffic instead of passing it, where the process can tolerate that.",
    phase: 2,
    effort: 'M',
  },
  'SR 5.3': {
    recommendation:
      'Keep email, web browsing, chat and file sharing out of the zone: block them at the boundary and remove clients from control hosts.',
    phase: 2,
    effort: 'S',
  },
  'SR 5.3 RE 1': {
    recommendation:
      'Prohibit every general-purpose person-to-person communication service in the zone, enforced by the boundary rules and by host hardening.',
    phase: 2,
    effort: 'M',
  },
  'SR 5.4': {
    recommendation:
      "Separate the zone's applications by function (control, historian, engineering, safety) on distinct hosts or networks, so that one compromised service does not expose the others.",
    phase: 2,
    effort: 'L',
  },

  // FR6 Timely response to events
  'SR 6.1': {
    recommendation:
      "Give the people who investigate incidents read access to the zone's audit logs, and review them on a schedule agreed with operations.",
    phase: 4,
    effort: 'S',
  },
  'SR 6.1 RE 1': {
    recommendation:
      'Make the audit logs available to tools through an interface (syslog forwarding or an API) so that the SOC or monitoring system can read them.',
    phase: 4,
    effort: 'M',
  },
  'SR 6.2': {
    recommendation:
      'Monitor the zone continuously with passive network monitoring on a SPAN or TAP port, connect its alerts to whoever triages security events, and agree OT-specific playbooks with operations.',
    phase: 4,
    effort: 'L',
  },

  // FR7 Resource availability
  'SR 7.1': {
    recommendation:
      "Protect the zone's controllers from traffic floods and scans: segment them behind the zone boundary and keep active scanning out of the zone.",
    phase: 2,
    effort: 'M',
  },
  'SR 7.1 RE 1': {
    recommendation:
      "Limit communication loads on the zone's conduits (rate limits, storm control on switches, QoS for control traffic).",
    phase: 2,
    effort: 'M',
  },
  'SR 7.1 RE 2': {
    recommendation:
      'Make sure a failure or flood inside the zone cannot spread to other zones, by limiting what the zone can send across its conduits.',
    phase: 2,
    effort: 'M',
  },
  'SR 7.2': {
    recommendation:
      "Set limits on the resources that security functions may take on the zone's hosts (scan schedules, log volume, CPU), so that they never starve the control application.",
    phase: 5,
    effort: 'S',
  },
  'SR 7.3': {
    recommendation:
      'Back up PLC programs, HMI and SCADA projects, historian configuration and engineering workstations on a schedule, and keep one copy offline and off site.',
    phase: 6,
    effort: 'S',
    quickWin: true,
  },
  'SR 7.3 RE 1': {
    recommendation:
      'Prove the backups work: restore one system to a spare or a virtual machine at a set interval and record the result.',
    phase: 6,
    effort: 'S',
    quickWin: true,
  },
  'SR 7.3 RE 2': {
    recommendation:
      "Automate the zone's backups (scheduled jobs with success and failure reports) so that they no longer depend on someone remembering.",
    phase: 6,
    effort: 'M',
  },
  'SR 7.4': {
    recommendation:
      'Write and test the procedure to rebuild each critical system of the zone from known-good backups and installation media, with the vendor contacts needed.',
    phase: 6,
    effort: 'M',
  },
  'SR 7.5': {
    recommendation:
      "Check that emergency power (UPS, generator) keeps the zone's control and safety functions running or brings them to a safe state, and test the switch-over.",
    phase: 6,
    effort: 'M',
  },
  'SR 7.6': {
    recommendation:
      "Configure the zone's network and security settings to a documented baseline (vendor hardening guides), and keep the baseline under change control.",
    phase: 5,
    effort: 'M',
  },
  'SR 7.6 RE 1': {
    recommendation:
      'Produce the current security settings in a machine-readable report (configuration export or compliance scan) so that drift from the baseline can be checked automatically.',
    phase: 5,
    effort: 'M',
  },
  'SR 7.7': {
    recommendation:
      "Disable the services, ports, protocols and accounts the zone's hosts and controllers do not need (web servers, FTP, Telnet, unused fieldbus gateways), in agreement with the vendor.",
    phase: 5,
    effort: 'M',
  },
  'SR 7.8': {
    recommendation:
      'Keep an inventory of every component in the zone (model, firmware, location, owner), updated from the passive monitoring data and walk-downs and reviewed whenever equipment changes.',
    phase: 1,
    effort: 'S',
  },
};

/** The recommendation for one catalogue item, or undefined for an id the catalogue lacks. */
export function recommendationFor(itemId: string): ItemRecommendation | undefined {
  return Object.hasOwn(RECOMMENDATIONS, itemId) ? RECOMMENDATIONS[itemId] : undefined;
}
