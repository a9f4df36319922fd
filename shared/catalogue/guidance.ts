/** Assessor guidance for one SR or RE, written by this project (not the standard's text). */
export interface Guidance {
  /** What the requirement is about, in plain words. */
  about: string;
  /** What to ask for or look at on site. */
  evidence: string[];
  /** What is typically found wanting. */
  weaknesses: string[];
}

/** Guidance for every SR and RE of IEC 62443-3-3, keyed by catalogue item id. */
export const GUIDANCE: Readonly<Record<string, Guidance>> = {
  // FR1 Identification and authentication control
  'SR 1.1': {
    about:
      'Every person who uses an HMI, engineering workstation or server in the zone must log in before doing anything.',
    evidence: [
      'Log in at an HMI and an engineering workstation yourself',
      'List of local and domain accounts on zone hosts',
    ],
    weaknesses: [
      'HMIs that boot straight into the operator screen',
      'Shared "operator" or "shift" accounts',
      'PLC programming software with no login',
    ],
  },
  'SR 1.1 RE 1': {
    about: 'Each person logs in with their own account, so every action can be traced to one individual.',
    evidence: [
      'Account list compared with the staff and contractor roster',
      'Audit entries naming individual users',
    ],
    weaknesses: [
      'One account per shift or per control room',
      'Vendor engineers sharing a generic "service" login',
    ],
  },
  'SR 1.1 RE 2': {
    about:
      'Logins that arrive from outside the zone over untrusted networks (remote access, IT network) need a second factor.',
    evidence: [
      'Remote-access gateway or jump host configuration showing MFA',
      'Try a remote login with the assessor account',
    ],
    weaknesses: [
      'Vendor VPN with password only',
      'RDP from the office LAN straight to engineering workstations',
    ],
  },
  'SR 1.1 RE 3': {
    about: 'Every human login, even from inside the plant network, needs a second factor.',
    evidence: [
      'MFA configuration on domain, HMI and workstation logins',
      'Smart-card or token readers at consoles',
    ],
    weaknesses: [
      'MFA only at the remote-access gateway',
      'Local break-glass accounts without a second factor on every host',
    ],
  },
  'SR 1.2': {
    about:
      'Software processes and devices (historian collectors, OPC clients, PLCs) prove who they are before talking to each other.',
    evidence: [
      'OPC UA endpoints with certificate security enabled',
      'Service accounts used by historian and SCADA connections',
    ],
    weaknesses: [
      'Modbus/TCP and S7 accepting commands from any host',
      'OPC UA with security mode None',
      'Anonymous OPC DA via DCOM',
    ],
  },
  'SR 1.2 RE 1': {
    about:
      'Each device and software process has its own identity rather than sharing one credential or certificate.',
    evidence: [
      'Certificate inventory per device',
      'Service account list showing one account per application',
    ],
    weaknesses: [
      'One certificate or key copied onto every controller',
      'All interfaces running under one domain service account',
    ],
  },
  'SR 1.3': {
    about:
      'Accounts are created, changed and removed through a controlled process, including for contractors and vendors.',
    evidence: [
      'Joiner/mover/leaver procedure and recent tickets',
      'Accounts of people who left, checked against HR or contractor lists',
    ],
    weaknesses: [
      'Accounts of former integrators still enabled',
      'Default vendor accounts never disabled',
      'No owner for local accounts on HMIs',
    ],
  },
  'SR 1.3 RE 1': {
    about: 'Accounts for the zone are managed centrally (for example an OT domain) rather than host by host.',
    evidence: [
      'OT directory or domain controller covering zone hosts',
      'Count of hosts still using only local accounts',
    ],
    weaknesses: [
      'Each HMI with its own local user list',
      'OT hosts joined to the corporate IT domain without separation',
    ],
  },
  'SR 1.4': {
    about:
      'User and device identifiers are assigned, kept unique and not reused, so logs stay meaningful over time.',
    evidence: [
      'Naming convention for accounts and devices',
      'Check whether identifiers of departed staff are recycled',
    ],
    weaknesses: ['Reused usernames after staff changes', 'Devices all keeping the factory hostname'],
  },
  'SR 1.5': {
    about:
      'Passwords, keys and tokens are issued, changed and revoked under control, and default credentials are replaced.',
    evidence: [
      'Default-credential check on PLCs, switches, HMIs and historians',
      'Where passwords are stored (vault, binder, spreadsheet)',
    ],
    weaknesses: [
      'Factory default passwords on switches and controllers',
      'Passwords on a sticky note or in a shared Excel sheet',
      'Hard-coded credentials in HMI projects',
    ],
  },
  'SR 1.5 RE 1': {
    about:
      'Credentials used by software processes are protected in hardware (TPM, HSM, secure element) rather than in plain files.',
    evidence: [
      'Where service keys and certificates are stored on servers',
      'Use of TPM or HSM for controller and gateway keys',
    ],
    weaknesses: [
      'Private keys in readable files on a shared drive',
      'Connection strings with passwords in configuration files',
    ],
  },
  'SR 1.6': {
    about:
      'Wireless users and devices in the zone are identified and authenticated before they get on the network.',
    evidence: [
      'Wi-Fi and WirelessHART/ISA100 security settings',
      'Walk-down for access points and wireless bridges',
    ],
    weaknesses: [
      'WPA2-PSK with a key everyone knows',
      'Open wireless bridges between buildings',
      'Forgotten access points on machines',
    ],
  },
  'SR 1.6 RE 1': {
    about: 'Each wireless user or device has its own credential, not one shared network key.',
    evidence: [
      '802.1X/EAP configuration with per-device certificates or accounts',
      'RADIUS logs showing individual identities',
    ],
    weaknesses: [
      'Single pre-shared key for all handhelds and AGVs',
      'Shared key unchanged since commissioning',
    ],
  },
  'SR 1.7': {
    about: 'Passwords have a minimum strength that the systems enforce, not just a policy on paper.',
    evidence: [
      'Password policy settings on domain and local hosts',
      'Try a weak password when changing the assessor account password',
    ],
    weaknesses: [
      'Four-digit PINs on HMIs',
      'Controllers that only allow short or no passwords',
      'Blank passwords on local accounts',
    ],
  },
  'SR 1.7 RE 1': {
    about:
      'Human passwords follow generation rules and have minimum and maximum lifetimes enforced by the system.',
    evidence: [
      'Domain or local password age settings',
      'Age of passwords on key operator and engineer accounts',
    ],
    weaknesses: [
      'Passwords never expire because changing them would stop production',
      'Policy exists only for IT, not OT hosts',
    ],
  },
  'SR 1.7 RE 2': {
    about: 'Lifetime rules apply to all accounts, including service and device accounts, not only people.',
    evidence: [
      'Age of service-account and device passwords',
      'Rotation procedure for application credentials',
    ],
    weaknesses: [
      'Service accounts with "password never expires"',
      'Controller and switch passwords unchanged for years',
    ],
  },
  'SR 1.8': {
    about:
      'Where certificates are used, they come from a managed PKI with known issuance, renewal and revocation.',
    evidence: [
      'Issuing CA and certificate lifetimes on OPC UA servers and web interfaces',
      'Revocation list or OCSP availability inside OT',
    ],
    weaknesses: [
      'Self-signed certificates accepted blindly',
      'Expired certificates with warnings clicked away daily',
    ],
  },
  'SR 1.9': {
    about:
      'Systems using public-key authentication check certificate validity, trust chain and revocation properly.',
    evidence: [
      'Client and server trust settings (trust lists, "accept all")',
      'Behaviour when presented an expired or unknown certificate',
    ],
    weaknesses: [
      'OPC UA clients set to trust any server certificate',
      'No revocation checking because the zone has no CRL access',
    ],
  },
  'SR 1.9 RE 1': {
    about: 'Private keys for public-key authentication are held in protected hardware.',
    evidence: ['TPM, smart card or HSM use for engineering and server keys', 'Key export settings'],
    weaknesses: ['Exportable private keys in user profiles', 'Key files copied between workstations'],
  },
  'SR 1.10': {
    about: 'Login screens hide what is typed and do not leak which part of a login was wrong.',
    evidence: [
      'Look at HMI and web login pages while entering a password',
      'Error message on a wrong username versus wrong password',
    ],
    weaknesses: ['Passwords shown in clear on HMI keypads', 'Error text revealing valid usernames'],
  },
  'SR 1.11': {
    about:
      'Repeated failed logins are limited (lockout or delay) in a way that does not endanger operations.',
    evidence: [
      'Lockout threshold and duration settings',
      'How operator consoles are protected from lockout during an incident',
    ],
    weaknesses: [
      'Unlimited guessing on controller web interfaces',
      'Lockout disabled everywhere because of one past incident',
    ],
  },
  'SR 1.12': {
    about: 'A notice before login tells users the system is restricted and monitored.',
    evidence: ['Banner on workstation, server, switch and remote-access logins'],
    weaknesses: ['Banner only on corporate IT systems', 'Network devices with no banner configured'],
  },
  'SR 1.13': {
    about:
      'Access arriving over untrusted networks (internet, corporate IT, vendor links) is controlled and monitored.',
    evidence: [
      'Remote-access architecture: VPN, jump host, DMZ',
      'List of all remote-access paths including vendor boxes and modems',
    ],
    weaknesses: [
      'Vendor remote-access appliances bypassing the DMZ',
      'TeamViewer or AnyDesk installed on HMIs',
      'Cellular routers on machines',
    ],
  },
  'SR 1.13 RE 1': {
    about: 'Each remote session must be explicitly approved by someone on site before it connects.',
    evidence: [
      'Approval workflow or on-site enable switch for vendor access',
      'Records of recent remote sessions and who approved them',
    ],
    weaknesses: [
      'Vendor remote access always on, with no expiry',
      'Approval by e-mail only, not enforced technically',
    ],
  },

  // FR2 Use control
  'SR 2.1': {
    about: 'After login, what a user or process may do is limited to what their role needs.',
    evidence: [
      'Role definitions in SCADA/HMI and engineering software',
      'Check what an operator account can change',
    ],
    weaknesses: [
      'Everyone logs in as administrator',
      'Engineering workstations with local admin for all users',
      'Operators able to download PLC logic',
    ],
  },
  'SR 2.1 RE 1': {
    about:
      'Authorization is enforced for every user and process, including services and machine-to-machine connections.',
    evidence: [
      'Rights of service accounts on historian, SCADA and database',
      'Write permissions of OPC and Modbus clients',
    ],
    weaknesses: [
      'Service accounts with domain admin rights',
      'Any client able to write setpoints through the OPC server',
    ],
  },
  'SR 2.1 RE 2': {
    about:
      'Permissions are granted through roles that map to plant functions, not assigned person by person.',
    evidence: [
      'Role matrix (operator, engineer, maintenance, vendor)',
      'Sample accounts checked against their role',
    ],
    weaknesses: [
      'Ad-hoc rights granted per person and never removed',
      'Vendor role with full engineering rights',
    ],
  },
  'SR 2.1 RE 3': {
    about: 'A controlled, logged way exists for a supervisor to override normal permissions in an emergency.',
    evidence: [
      'Break-glass procedure and where the credentials are kept',
      'Log entries from the last override',
    ],
    weaknesses: ['Emergency passwords in an unsealed envelope', 'Overrides not logged or reviewed'],
  },
  'SR 2.1 RE 4': {
    about: 'The most critical actions need two people to approve them before they take effect.',
    evidence: [
      'Configuration of two-person approval for safety or critical setpoint changes',
      'Records of dual approvals',
    ],
    weaknesses: [
      'Safety bypasses by a single engineer',
      'Second approver who only signs paper after the fact',
    ],
  },
  'SR 2.2': {
    about: 'What wireless users and devices may do is limited and enforced, just as for wired ones.',
    evidence: [
      'VLAN and firewall placement of wireless clients',
      'Which systems handhelds and AGVs can reach',
    ],
    weaknesses: [
      'Wireless clients on the same flat network as PLCs',
      'Tablets with full engineering access over Wi-Fi',
    ],
  },
  'SR 2.2 RE 1': {
    about: 'The plant detects and reports wireless devices that should not be there.',
    evidence: ['Wireless IDS or periodic RF survey results', 'Procedure when a rogue access point is found'],
    weaknesses: ['No scanning at all', 'Consumer access points and 4G hotspots found on the walk-down'],
  },
  'SR 2.3': {
    about: 'Laptops, USB drives, phones and tablets brought into the zone are controlled.',
    evidence: [
      'USB port controls on HMIs and workstations',
      'Policy and kiosk for scanning removable media',
      'Vendor laptop rules',
    ],
    weaknesses: [
      'Open USB ports on HMIs',
      'Contractor laptops plugged straight into control network switches',
    ],
  },
  'SR 2.3 RE 1': {
    about:
      'A portable device is checked for its security state (patches, malware protection) before it may connect.',
    evidence: [
      'Network access control or a check-in procedure for vendor laptops',
      'Records of device checks',
    ],
    weaknesses: ['Vendor laptops never checked', 'Visitor devices trusted because they belong to the OEM'],
  },
  'SR 2.4': {
    about:
      'Scripts, macros and other mobile code (Java, ActiveX, JavaScript, Office macros) are restricted on zone hosts.',
    evidence: [
      'Browser and Office settings on HMIs and engineering hosts',
      'Application allow-listing policy',
    ],
    weaknesses: [
      'Web browsing and e-mail on engineering workstations',
      'Macros enabled for convenience',
      'Legacy Java HMIs with security prompts disabled',
    ],
  },
  'SR 2.4 RE 1': {
    about: 'Mobile code is checked for integrity (for example signature) before it runs.',
    evidence: ['Code-signing policy for scripts and macros', 'Application control enforcing signatures'],
    weaknesses: [
      'Unsigned PowerShell and batch scripts running scheduled tasks',
      'Signature checks switched off',
    ],
  },
  'SR 2.5': {
    about: 'Idle sessions lock after a set time or on demand, in a way that suits each console.',
    evidence: [
      'Screen-lock settings on workstations, servers and jump hosts',
      'Reasoning for consoles left unlocked',
    ],
    weaknesses: [
      'Engineering workstations logged in all day unattended',
      'Jump-host sessions that never time out',
    ],
  },
  'SR 2.6': {
    about: 'Remote sessions end automatically after inactivity or can be ended by the plant.',
    evidence: [
      'Idle and maximum session time on VPN, jump host and vendor tools',
      'How site staff kill a live vendor session',
    ],
    weaknesses: [
      'Vendor sessions left open over the weekend',
      'No way for operators to disconnect a remote user',
    ],
  },
  'SR 2.7': {
    about: 'The number of simultaneous sessions per user or interface is limited.',
    evidence: ['Concurrent session limits on jump hosts, RDP and web interfaces'],
    weaknesses: [
      'One shared vendor account in use from several places at once',
      'Unlimited RDP sessions on servers',
    ],
  },
  'SR 2.8': {
    about: "Security-relevant events (logins, changes, errors) are recorded on the zone's systems.",
    evidence: [
      'Audit settings on hosts, switches, firewalls and controllers',
      'Sample of recent logs with logins and configuration changes',
    ],
    weaknesses: [
      'No logging at all on HMIs and controllers',
      'Logs overwritten within hours',
      'PLC downloads leaving no trace',
    ],
  },
  'SR 2.8 RE 1': {
    about: 'Audit records from the zone are collected centrally into one system-wide trail.',
    evidence: [
      'Log collector or SIEM sources list covering OT hosts',
      'Search for one recent event across sources',
    ],
    weaknesses: [
      'Logs stay on each device',
      'Central collection only for IT systems',
      'Clocks too far apart to correlate',
    ],
  },
  'SR 2.9': {
    about: 'Enough storage is reserved for audit records so they are not lost when logs grow.',
    evidence: ['Log size and retention settings', 'How far back the oldest local log goes'],
    weaknesses: ['Default small event log sizes wrapping within a day', 'Syslog server disk full'],
  },
  'SR 2.9 RE 1': {
    about: 'Someone is warned before audit storage fills up.',
    evidence: ['Threshold alerts on log servers and collectors', 'Who receives them'],
    weaknesses: ['No monitoring of the log server itself', 'Alerts going to an unread mailbox'],
  },
  'SR 2.10': {
    about:
      'When audit logging fails, the system reacts in a defined way that keeps the process running and tells someone.',
    evidence: [
      'Configured behaviour on logging failure',
      'Alarm or notification when a log source goes quiet',
    ],
    weaknesses: [
      'Log forwarding silently broken for months',
      'Nobody notices a device stopping to send logs',
    ],
  },
  'SR 2.11': {
    about: 'Audit records carry timestamps, so events can be put in order.',
    evidence: ['Timestamps in sample logs from hosts and network devices', 'Time zone conventions'],
    weaknesses: ['Devices with clocks years off', 'Mixed local time and UTC with no marking'],
  },
  'SR 2.11 RE 1': {
    about: 'Clocks in the zone are synchronised to a common time source.',
    evidence: [
      'NTP/PTP configuration on servers, switches and controllers',
      'Compare clocks of a few devices',
    ],
    weaknesses: ['Each device with its own drifting clock', 'Controllers never synchronised'],
  },
  'SR 2.11 RE 2': {
    about: 'The time source and its distribution are protected from tampering.',
    evidence: ['Authenticated NTP or protected GPS time servers', 'Who may change the time on servers'],
    weaknesses: [
      'Any host on the network can act as time source',
      'Unauthenticated NTP from the internet through the firewall',
    ],
  },
  'SR 2.12': {
    about: 'Actions by people can be proven afterwards: who did what, and they cannot plausibly deny it.',
    evidence: [
      'Audit trails tying setpoint changes and downloads to named users',
      'Change records for logic modifications',
    ],
    weaknesses: [
      'Shared accounts make actions untraceable',
      'Audit trail editable by the same administrators',
    ],
  },
  'SR 2.12 RE 1': {
    about: 'Non-repudiation covers every user, including service accounts and automated processes.',
    evidence: ['Traceability of automated changes to a responsible process or person'],
    weaknesses: ['Scripts running under personal accounts of former staff', 'Automated jobs with no owner'],
  },

  // FR3 System integrity
  'SR 3.1': {
    about: 'Data in transit inside and between zones is protected from undetected change.',
    evidence: [
      'Which protocols carry commands and whether they have integrity checks',
      'Network design for critical links',
    ],
    weaknesses: [
      'Clear-text Modbus/TCP and S7 commands crossing zone boundaries',
      'Unmanaged switches where anyone can insert a device',
    ],
  },
  'SR 3.1 RE 1': {
    about:
      'Integrity of communication is protected with cryptography (signatures or message authentication).',
    evidence: [
      'Protocol security settings: OPC UA sign, TLS, IPsec, secure DNP3',
      'Crypto settings on inter-zone tunnels',
    ],
    weaknesses: [
      'Security features available but disabled',
      'Legacy protocols with no cryptographic option and no wrapper',
    ],
  },
  'SR 3.2': {
    about:
      'Hosts in the zone are protected against malware in a way that suits their role and vendor approval.',
    evidence: [
      'Antivirus or application allow-listing status and signature age on HMIs and servers',
      'Vendor compatibility statements',
    ],
    weaknesses: [
      'No protection at all on Windows HMIs',
      'Signatures years old because the zone is offline',
      'Protection disabled after one false positive',
    ],
  },
  'SR 3.2 RE 1': {
    about:
      "Malware is checked at the zone's entry and exit points: file transfers, remote access, removable media.",
    evidence: [
      'Scanning kiosk for USB media',
      'File-transfer station or DMZ scanning',
      'Checks on files coming from vendors',
    ],
    weaknesses: [
      'Files copied from e-mail straight onto engineering workstations',
      'No kiosk, or a kiosk nobody uses',
    ],
  },
  'SR 3.2 RE 2': {
    about: 'Malware protection is managed centrally and reports detections to one place.',
    evidence: ['Central console with OT hosts listed', 'Detection reports and who reviews them'],
    weaknesses: [
      'Each host configured by hand',
      'Detections seen only by whoever happens to be at the console',
    ],
  },
  'SR 3.3': {
    about:
      'Security functions (firewalls, logging, malware protection, backups) are tested to confirm they work.',
    evidence: ['Test plans and results for security controls', 'Firewall rule reviews and test records'],
    weaknesses: [
      'Controls installed at commissioning and never tested',
      'Nobody knows whether alarms still fire',
    ],
  },
  'SR 3.3 RE 1': {
    about: 'Security verification is automated rather than done by hand.',
    evidence: ['Automated compliance or configuration checks', 'Scheduled validation of backups and logging'],
    weaknesses: ['Only manual spot checks', 'Scripts written once and never run'],
  },
  'SR 3.3 RE 2': {
    about: 'Security functions are verified while the plant is running, not only during shutdowns.',
    evidence: ['Procedures for testing without stopping production', 'Passive checks running continuously'],
    weaknesses: [
      'Tests postponed to a turnaround that keeps moving',
      'Verification requiring a process stop',
    ],
  },
  'SR 3.4': {
    about: 'Unauthorised changes to software, firmware and configuration are detected.',
    evidence: [
      'How PLC logic and firmware versions are compared to a known-good baseline',
      'File integrity monitoring on servers',
    ],
    weaknesses: [
      'No baseline of controller programs',
      'Run/program key switches left in remote mode',
      'Firmware downloaded from unofficial sources',
    ],
  },
  'SR 3.4 RE 1': {
    about: 'Integrity violations raise an automatic notification.',
    evidence: [
      'Alerts from change-detection or asset-management tools',
      'Recent alerts and how they were handled',
    ],
    weaknesses: [
      'Differences found only when someone compares by hand',
      'Alerts ignored as routine engineering changes',
    ],
  },
  'SR 3.5': {
    about: 'Inputs to the control system (from users, networks, files) are checked before they are acted on.',
    evidence: [
      'Limit checks on HMI setpoint entries',
      'Vendor statements or test reports on malformed-packet handling',
    ],
    weaknesses: ['HMI fields accepting out-of-range values', 'Controllers crashing on a network scan'],
  },
  'SR 3.6': {
    about:
      'Outputs go to a defined, safe state when normal operation cannot continue or an attack disrupts communications.',
    evidence: [
      'Configured fail-safe output states on controllers and I/O',
      'Test records of communication-loss behaviour',
    ],
    weaknesses: [
      'Outputs holding last value without that being a deliberate choice',
      'Fail-safe states never tested',
    ],
  },
  'SR 3.7': {
    about: 'Error messages help the operator without revealing details an attacker could use.',
    evidence: ['Error pages of web interfaces and HMI messages'],
    weaknesses: ['Stack traces and internal paths on device web pages', 'Debug interfaces left enabled'],
  },
  'SR 3.8': {
    about: 'Sessions (web, remote, application) are protected from hijacking and replay.',
    evidence: [
      'Session handling of device web interfaces and SCADA web clients',
      'Use of TLS for session traffic',
    ],
    weaknesses: [
      'Web HMIs over plain HTTP with session ids in URLs',
      'Sessions that remain valid after logout',
    ],
  },
  'SR 3.8 RE 1': {
    about: 'Session ids become invalid as soon as the session ends.',
    evidence: ['Reuse of a session after logout during a test'],
    weaknesses: ['Old session cookies still accepted by device web servers'],
  },
  'SR 3.8 RE 2': {
    about: 'Each session gets its own fresh id, and only system-generated ids are accepted.',
    evidence: ['Session id behaviour on login for web-based HMIs'],
    weaknesses: ['Fixed or predictable session ids on embedded web servers'],
  },
  'SR 3.8 RE 3': {
    about: 'Session ids are generated with enough randomness that they cannot be guessed.',
    evidence: ['Vendor documentation or test of session id entropy'],
    weaknesses: ['Sequential or time-based session ids on legacy devices'],
  },
  'SR 3.9': {
    about: 'Audit logs and the tools that read them are protected from unauthorised change or deletion.',
    evidence: ['Permissions on log files and the log server', 'Who can clear event logs on hosts'],
    weaknesses: [
      'Any local admin can clear logs',
      'Log server administered with the same shared account as the zone',
    ],
  },
  'SR 3.9 RE 1': {
    about: 'Audit records are written to media that cannot be altered afterwards.',
    evidence: ['WORM storage or immutable log archive configuration'],
    weaknesses: ['Logs on ordinary writable disks only', 'Archive deletable by operators'],
  },

  // FR4 Data confidentiality
  'SR 4.1': {
    about:
      'Sensitive information (recipes, credentials, network designs, process data) is protected from being read by the wrong people.',
    evidence: [
      'Classification of OT information',
      'Where recipes, backups and network drawings are stored and who can read them',
    ],
    weaknesses: [
      'Project files and backups on open shares',
      'Network diagrams e-mailed to anyone who asks',
      'Credentials in clear in configuration exports',
    ],
  },
  'SR 4.1 RE 1': {
    about: 'Confidential data is protected when stored and when it travels over untrusted networks.',
    evidence: [
      'Encryption on remote-access links and offsite backups',
      'Disk encryption on laptops carrying project files',
    ],
    weaknesses: ['Unencrypted backup disks taken home', 'Historian data sent to the cloud over plain HTTP'],
  },
  'SR 4.1 RE 2': {
    about: 'Confidential data is protected whenever it crosses a zone boundary, even between internal zones.',
    evidence: [
      'Encryption on inter-zone conduits',
      'Review of which flows carry sensitive data across zones',
    ],
    weaknesses: [
      'Plain-text traffic between cell zones and the operations zone',
      'Encryption only at the internet edge',
    ],
  },
  'SR 4.2': {
    about: 'Information is wiped from equipment and media before they are reused, repaired or thrown away.',
    evidence: [
      'Decommissioning and disposal procedure',
      'Records for replaced drives, PLC memory cards and HMIs',
    ],
    weaknesses: [
      'Failed drives sent to vendors with data intact',
      'Old HMIs sold with configurations and passwords on them',
    ],
  },
  'SR 4.2 RE 1': {
    about:
      "Shared memory and volatile resources are cleared so one user or process cannot read another's leftover data.",
    evidence: ['Vendor statements on memory handling', 'Configuration of shared terminals'],
    weaknesses: ['Shared terminal sessions leaving data in temp files', 'No vendor information available'],
  },
  'SR 4.3': {
    about: 'Where cryptography is used, it uses current, recognised algorithms and managed keys.',
    evidence: ['TLS, VPN and SSH versions and cipher suites on zone devices', 'Key management procedure'],
    weaknesses: [
      'SSLv3, TLS 1.0 or export ciphers on device web servers',
      'Hard-coded vendor keys',
      'Keys never rotated',
    ],
  },

  // FR5 Restricted data flow
  'SR 5.1': {
    about: 'The control network is split into zones, separated from IT and from each other.',
    evidence: [
      'Current network drawing compared with what passive monitoring shows',
      'Firewall and VLAN configuration at zone edges',
    ],
    weaknesses: [
      'Flat network from office to PLCs',
      'VLANs with routing between them and no filtering',
      'Dual-homed hosts bridging IT and OT',
    ],
  },
  'SR 5.1 RE 1': {
    about: 'Critical parts of the control network are separated physically, not only by VLAN.',
    evidence: ['Separate switches and cabling for the zone', 'Walk-down of racks and patch panels'],
    weaknesses: ['OT and IT VLANs sharing one switch stack', 'Patch cables bypassing the firewall'],
  },
  'SR 5.1 RE 2': {
    about: 'The control system can keep working without services from non-control networks.',
    evidence: [
      'Dependencies on corporate DNS, Active Directory, licence servers or cloud',
      'Test or record of an IT outage',
    ],
    weaknesses: [
      'HMIs that stop when the corporate domain is down',
      'Licences checked against an internet server',
    ],
  },
  'SR 5.1 RE 3': {
    about: 'The most critical networks (for example safety systems) are isolated logically and physically.',
    evidence: ['Separation of the safety instrumented system network', 'Connections between SIS and BPCS'],
    weaknesses: [
      'SIS engineering on the same network and workstation as the BPCS',
      'Shared switches for SIS and control',
    ],
  },
  'SR 5.2': {
    about: 'Traffic crossing the zone boundary is monitored and controlled by a boundary device.',
    evidence: ['Firewall rule base at the zone edge', 'Observed flows compared with the documented conduits'],
    weaknesses: [
      '"any-any" rules',
      'Undocumented paths found in traffic',
      'Firewall in place but in bypass mode',
    ],
  },
  'SR 5.2 RE 1': {
    about: 'Boundary devices block everything by default and allow only named flows.',
    evidence: [
      'Default rule and explicit allow rules with owners and reasons',
      'Date of the last rule review',
    ],
    weaknesses: ['Broad rules for whole subnets or all ports', 'Temporary vendor rules never removed'],
  },
  'SR 5.2 RE 2': {
    about: 'The zone can be cut off from outside networks quickly (island mode) and still run.',
    evidence: ['Procedure and switch for isolating the zone', 'Record of an isolation test'],
    weaknesses: [
      'No way to disconnect quickly in an incident',
      'Process depends on an outside system to keep running',
    ],
  },
  'SR 5.2 RE 3': {
    about: 'If the boundary device fails, it blocks traffic rather than letting everything through.',
    evidence: ['Fail mode of firewalls and diodes', 'Bypass switches and who can use them'],
    weaknesses: ['Fail-open bypass relays', 'Firewall with hardware bypass enabled for availability'],
  },
  'SR 5.3': {
    about:
      'General person-to-person communication (e-mail, chat, social media) is restricted in the control zone.',
    evidence: [
      'Mail clients and browsers on HMIs and engineering hosts',
      'Outbound rules from OT to internet services',
    ],
    weaknesses: [
      'E-mail read on the engineering workstation',
      'Messaging apps installed on operator consoles',
    ],
  },
  'SR 5.3 RE 1': {
    about: 'All general-purpose messaging is blocked from the control zone.',
    evidence: ['Firewall and host configuration preventing mail, chat and web use'],
    weaknesses: ['Exceptions for one vendor chat tool', 'Web access "for documentation" left open'],
  },
  'SR 5.4': {
    about: 'Applications and data of different criticality are separated from each other.',
    evidence: [
      'Which applications share servers and virtual hosts',
      'Separation of historian, SCADA and business applications',
    ],
    weaknesses: [
      'Historian, SCADA and office tools on one server',
      'One hypervisor hosting zones of different criticality with no separation',
    ],
  },

  // FR6 Timely response to events
  'SR 6.1': {
    about: 'Authorised people can read the audit logs when they need to, without special effort.',
    evidence: ['Who can access logs and how', "Time needed to pull the last week's logins for one host"],
    weaknesses: ['Logs only readable by the vendor', 'Nobody on site knows where the logs are'],
  },
  'SR 6.1 RE 1': {
    about: 'Logs can be read by tools through an interface (export, API, syslog), not only on screen.',
    evidence: ['Syslog or API export configured from zone systems', 'Log formats supported by the SIEM'],
    weaknesses: [
      'Proprietary log formats only viewable in the vendor tool',
      'Manual screenshots of event lists',
    ],
  },
  'SR 6.2': {
    about: 'The zone is monitored continuously for security events, and someone acts on alerts.',
    evidence: [
      'OT network monitoring sensors and their coverage',
      'Alert handling process and recent alert records',
    ],
    weaknesses: [
      'Sensors installed but nobody reviews alerts',
      'Monitoring covers only the DMZ',
      'No OT-aware detection',
    ],
  },

  // FR7 Resource availability
  'SR 7.1': {
    about: 'The control system keeps running essential functions when flooded with traffic or requests.',
    evidence: [
      'Vendor robustness certification or test results',
      'Storm control and rate limits on switches',
    ],
    weaknesses: ['Controllers that halt during a network scan', 'No broadcast storm protection'],
  },
  'SR 7.1 RE 1': {
    about: 'Communication load is managed so an overload does not disturb control.',
    evidence: ['QoS and rate-limit settings for control traffic', 'Bandwidth use on critical links'],
    weaknesses: ['Backup jobs saturating control links', 'Video or bulk traffic on control VLANs'],
  },
  'SR 7.1 RE 2': {
    about: 'A denial-of-service affecting the zone does not spread to other systems or zones.',
    evidence: ['Rate limits and segmentation at zone boundaries'],
    weaknesses: ['One misbehaving device able to flood the whole site network'],
  },
  'SR 7.2': {
    about:
      'System resources (CPU, memory, disk, bandwidth) are limited per function so nothing starves the control tasks.',
    evidence: ['Resource monitoring on servers and controllers', 'Limits on non-essential services'],
    weaknesses: ['Historian disks full', 'Non-essential software competing with SCADA on the same host'],
  },
  'SR 7.3': {
    about: 'Backups of controller programs, configurations and servers are taken regularly and kept safe.',
    evidence: ['Backup schedule and location', 'Date of the latest backup of a sample PLC, HMI and switch'],
    weaknesses: [
      "Latest PLC program only on the integrator's laptop",
      'Backups on the same server they protect',
      'No offline copy',
    ],
  },
  'SR 7.3 RE 1': {
    about: 'Backups are verified to be complete and restorable.',
    evidence: ['Restore test records', 'Comparison of backed-up logic with running logic'],
    weaknesses: ['Backups never restored', 'Backup files that turn out to be corrupt or outdated'],
  },
  'SR 7.3 RE 2': {
    about: 'Backups run automatically on a schedule.',
    evidence: [
      'Backup tool configuration for controllers, servers and network devices',
      'Job history with failures',
    ],
    weaknesses: ['Manual backups after projects only', 'Failed jobs nobody sees'],
  },
  'SR 7.4': {
    about: 'The control system can be recovered to a known secure state after a failure or attack.',
    evidence: [
      'Recovery procedures and spare hardware',
      'Records of recovery exercises and measured recovery time',
    ],
    weaknesses: [
      'No written recovery plan',
      'Installation media and licences missing',
      'Recovery depending on one person',
    ],
  },
  'SR 7.5': {
    about: 'The control system can switch to and from emergency power without losing safety or security.',
    evidence: [
      'UPS coverage of controllers, network devices and firewalls',
      'Test records of power transfer',
    ],
    weaknesses: [
      'Firewalls and switches not on UPS',
      'Devices coming back after power loss with default settings',
    ],
  },
  'SR 7.6': {
    about:
      'Network and security settings are documented, configured as documented and kept under change control.',
    evidence: [
      'Configuration baselines for switches, firewalls and hosts',
      'Change records for recent configuration changes',
    ],
    weaknesses: ['Running configuration differs from documentation', 'Changes made ad hoc by the vendor'],
  },
  'SR 7.6 RE 1': {
    about: 'Current security settings can be produced in a machine-readable report.',
    evidence: ['Automated configuration exports or compliance reports'],
    weaknesses: ['Settings only visible through device screens', 'No tool collecting configurations'],
  },
  'SR 7.7': {
    about: 'Only the functions, ports, services and software needed for operation are enabled.',
    evidence: ['Running services and open ports on hosts and controllers', 'Installed software list on HMIs'],
    weaknesses: [
      'Telnet, FTP and web servers enabled on controllers',
      'Games and office software on HMIs',
      'Unused switch ports active',
    ],
  },
  'SR 7.8': {
    about:
      "An up-to-date inventory of the zone's components (hardware, software, firmware) exists and is maintained.",
    evidence: [
      'Asset inventory compared with what passive monitoring sees',
      'Firmware and software versions recorded per asset',
    ],
    weaknesses: [
      "Inventory only in the integrator's project files",
      'Devices on the network missing from the list',
      'No firmware versions recorded',
    ],
  },
};

/** Guidance for a catalogue item id, or undefined for an id without guidance. */
export function guidanceFor(itemId: string): Guidance | undefined {
  return Object.hasOwn(GUIDANCE, itemId) ? GUIDANCE[itemId] : undefined;
}
