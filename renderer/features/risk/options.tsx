import { CAPABILITIES, CAPABILITY_SHORT, THREAT_SOURCE_LABELS, THREAT_SOURCES } from '../../../shared/risk';

/** A scale's levels as the options of a select, numbered from 1: "3 Possible". */
export function LevelOptions({ levels }: { levels: readonly { label: string }[] }) {
  return levels.map((level, i) => (
    <option key={level.label} value={i + 1}>
      {i + 1} {level.label}
    </option>
  ));
}

export function ThreatSourceOptions() {
  return THREAT_SOURCES.map((source) => (
    <option key={source} value={source}>
      {THREAT_SOURCE_LABELS[source]}
    </option>
  ));
}

export function CapabilityOptions() {
  return CAPABILITIES.map((capability) => (
    <option key={capability} value={capability}>
      {capability} – {CAPABILITY_SHORT[capability]}
    </option>
  ));
}
