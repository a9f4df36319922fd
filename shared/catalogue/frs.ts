import type { FoundationalRequirement } from './types';

/** The seven foundational requirements of IEC 62443-3-3, in order. */
export const FOUNDATIONAL_REQUIREMENTS: readonly FoundationalRequirement[] = [
  { id: 'FR1', short: 'IAC', name: 'Identification and authentication control' },
  { id: 'FR2', short: 'UC', name: 'Use control' },
  { id: 'FR3', short: 'SI', name: 'System integrity' },
  { id: 'FR4', short: 'DC', name: 'Data confidentiality' },
  { id: 'FR5', short: 'RDF', name: 'Restricted data flow' },
  { id: 'FR6', short: 'TRE', name: 'Timely response to events' },
  { id: 'FR7', short: 'RA', name: 'Resource availability' },
];
