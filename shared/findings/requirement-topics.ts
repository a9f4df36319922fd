import type { FrId } from '../model/common';
import type { ProgramPhase } from '../model/findings';

/**
 * How unmet requirements are grouped into findings: by zone and topic. A topic is an FR, or the part
 * of an FR that belongs to another program phase (backup and recovery, the component inventory,
 * audit logging), so each finding lands in one phase of the roadmap.
 */
export interface RequirementTopic {
  /** Part of the finding's auto key; an FR's main topic uses the FR id. */
  id: string;
  label: string;
  phase: ProgramPhase;
  recommendation: string;
}

export const REQUIREMENT_TOPICS = {
  FR1: {
    id: 'FR1',
    label: 'Identification and authentication',
    phase: 3,
    recommendation:
      'Replace shared operator and vendor logins with named accounts, starting with engineering workstations, servers and remote access. Where an HMI must stay on a shift login for operational reasons, keep that account unable to change logic or configuration and record why. Enforce a password policy that the control software supports, and put multi-factor authentication on every path that enters the zone from outside.',
  },
  FR2: {
    id: 'FR2',
    label: 'Use control',
    phase: 3,
    recommendation:
      'Define roles (operator, engineer, administrator, vendor) and give each only the rights it needs; remove local administrator rights from day-to-day accounts. Control USB and laptop use at the zone through a kiosk or scanning station, and make remote sessions time out and end when the work is done.',
  },
  logging: {
    id: 'logging',
    label: 'Audit logging and monitoring',
    phase: 4,
    recommendation:
      'Turn on security event logging on the hosts, firewalls and controllers that support it, synchronise their clocks to a plant time source, and forward the logs to a collector outside the zone where they cannot be altered. Deploy passive network monitoring on a SPAN or TAP port so that new devices, new connections and program downloads are noticed, and agree who looks at the alerts.',
  },
  FR3: {
    id: 'FR3',
    label: 'System integrity',
    phase: 5,
    recommendation:
      'Set up a vulnerability and patch process that fits the plant: test vendor-approved patches offline and apply them in planned maintenance windows, and where a device cannot be patched record the compensating control. Install malware protection the control-system vendor supports (or application allow-listing), scan removable media before use, and verify firmware and software integrity before installing it.',
  },
  FR4: {
    id: 'FR4',
    label: 'Data confidentiality',
    phase: 2,
    recommendation:
      'Encrypt sensitive data that crosses zone boundaries or untrusted networks (remote access, links to the IT network and the cloud) with current protocols, and protect stored credentials, recipes and project files. Wipe or destroy the storage of decommissioned devices before they leave the site.',
  },
  FR5: {
    id: 'FR5',
    label: 'Restricted data flow',
    phase: 2,
    recommendation:
      'Separate the zone from other networks with a firewall that denies by default and allows only the conduits documented for it, and keep email, web browsing and file sharing out of the zone. Change firewall rules under change control with the production owner, so that an allowed flow is never cut during a run.',
  },
  FR6: {
    id: 'FR6',
    label: 'Timely response to events',
    phase: 4,
    recommendation:
      'Make audit logs reachable by the people who respond to incidents and review them on a schedule. Add continuous, passive monitoring of the zone and connect its alerts to whoever triages security events, with OT-specific playbooks so nobody isolates a running line without operations.',
  },
  FR7: {
    id: 'FR7',
    label: 'Resource availability and hardening',
    phase: 5,
    recommendation:
      'Harden the zone: disable services, ports and accounts that are not needed, keep a reviewed record of the network and security settings, and protect controllers from traffic floods with rate limits or segmentation. Plan these changes with the vendor and apply them in maintenance windows.',
  },
  recovery: {
    id: 'recovery',
    label: 'Backup and recovery',
    phase: 6,
    recommendation:
      'Back up PLC programs, HMI and SCADA projects, historian configuration and engineering workstations on a schedule, keep a copy offline, and restore one regularly to prove the backups work. Write down how to rebuild each critical system and check that emergency power keeps the control system safe through an outage.',
  },
  inventory: {
    id: 'inventory',
    label: 'Component inventory',
    phase: 1,
    recommendation:
      'Keep an inventory of every component in the zone (model, firmware, location, owner) up to date from the passive monitoring data and walk-downs, and review it whenever equipment changes.',
  },
} as const satisfies Record<string, RequirementTopic>;

export type RequirementTopicId = keyof typeof REQUIREMENT_TOPICS;

/** SRs that belong to another topic than their FR's main one. */
const TOPIC_BY_SR: Readonly<Record<string, RequirementTopicId>> = {
  'SR 2.8': 'logging',
  'SR 2.9': 'logging',
  'SR 2.10': 'logging',
  'SR 2.11': 'logging',
  'SR 2.12': 'logging',
  'SR 3.9': 'logging',
  'SR 7.3': 'recovery',
  'SR 7.4': 'recovery',
  'SR 7.5': 'recovery',
  'SR 7.8': 'inventory',
};

/** The topic of a catalogue item, by its SR (an RE follows its SR). */
export function topicOfItem(item: { fr: FrId; sr: string }): RequirementTopic {
  return REQUIREMENT_TOPICS[TOPIC_BY_SR[item.sr] ?? item.fr];
}

/** The program phase that work on an FR as a whole belongs to (for SL gaps). */
export const FR_PHASE: Readonly<Record<FrId, ProgramPhase>> = {
  FR1: 3,
  FR2: 3,
  FR3: 5,
  FR4: 2,
  FR5: 2,
  FR6: 4,
  FR7: 6,
};
