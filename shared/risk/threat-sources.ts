/**
 * Threat sources and their capability, on the scale IEC 62443-3-3 defines its security levels
 * with: the capability of the threat a zone must resist is the level it needs.
 */
export const THREAT_SOURCES = ['insider', 'criminal', 'hacktivist', 'nation-state', 'supply-chain'] as const;
export type ThreatSource = (typeof THREAT_SOURCES)[number];

export const THREAT_SOURCE_LABELS: Record<ThreatSource, string> = {
  insider: 'Insider',
  criminal: 'Criminal',
  hacktivist: 'Hacktivist',
  'nation-state': 'Nation-state',
  'supply-chain': 'Vendor or supply chain',
};

export type Capability = 1 | 2 | 3 | 4;
export const CAPABILITIES: readonly Capability[] = [1, 2, 3, 4];

/** What each capability level means, in the words the report's method section uses. */
export const CAPABILITY_LABELS: Record<Capability, string> = {
  1: 'casual or coincidental violation',
  2: 'intentional violation with simple means',
  3: 'sophisticated means with moderate resources',
  4: 'sophisticated means with extended resources',
};

export const CAPABILITY_SHORT: Record<Capability, string> = {
  1: 'casual or coincidental',
  2: 'intentional, simple means',
  3: 'sophisticated, moderate resources',
  4: 'sophisticated, extended resources',
};

/** The capability a source starts with; the assessor can lower or raise it per scenario. */
export const DEFAULT_CAPABILITY: Record<ThreatSource, Capability> = {
  insider: 2,
  criminal: 3,
  hacktivist: 3,
  'nation-state': 4,
  'supply-chain': 2,
};
