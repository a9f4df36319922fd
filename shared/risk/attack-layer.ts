import { ATTACK_CREDIT, attackForItem } from '../catalogue/attack';
import { ATTACK_ICS } from '../catalogue/attack-ics.data';
import {
  answersByItem,
  answersByZone,
  countsAsMet,
  isRequiredAt,
  targetVector,
} from '../catalogue/security-levels';
import type { Catalogue } from '../catalogue/types';
import type { Answer } from '../model/answers';
import type { Zone } from '../model/zone';

/** The ATT&CK Navigator layer file format this module writes (layer format 4.5). */
export const LAYER_FORMAT_VERSION = '4.5';
export const NAVIGATOR_VERSION = '5.1.0';

export interface NavigatorTechnique {
  techniqueID: string;
  score: number;
  comment: string;
  enabled: boolean;
  metadata: { name: string; value: string }[];
}

export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: string };
  domain: 'ics-attack';
  description: string;
  sorting: number;
  layout: { layout: 'side'; showID: boolean; showName: boolean };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: { name: string; value: string }[];
}

export interface AttackLayerInput {
  catalogue: Catalogue;
  zones: readonly Zone[];
  answers: readonly Answer[];
  /** Layer title, e.g. "Brasserie du Nord – Lille". */
  title: string;
}

/** Per technique, the zones where it is left open and the unmet required items that leave it so. */
export function openTechniques(input: Omit<AttackLayerInput, 'title'>): Map<string, Map<string, string[]>> {
  const byZone = answersByZone([...input.answers]);
  const open = new Map<string, Map<string, string[]>>();
  for (const zone of input.zones) {
    const target = targetVector(zone.slt);
    const answers = answersByItem(byZone.get(zone.id) ?? []);
    for (const item of input.catalogue.items) {
      if (!isRequiredAt(item, target[item.fr]) || target[item.fr] === 0) continue;
      if (countsAsMet(answers.get(item.id))) continue;
      for (const technique of attackForItem(item).techniques) {
        const zones = open.get(technique) ?? new Map<string, string[]>();
        const items = zones.get(zone.id) ?? [];
        items.push(item.id);
        zones.set(zone.id, items);
        open.set(technique, zones);
      }
    }
  }
  return open;
}

/**
 * An ATT&CK Navigator layer (domain ics-attack) scoring the techniques that unmet requirements
 * leave unmitigated: for one zone the score is the number of its required SRs/REs not met whose
 * mitigations cover the technique; for several zones it is the number of zones where that is so.
 */
export function attackLayer(input: AttackLayerInput): NavigatorLayer {
  const open = openTechniques(input);
  const names = new Map(input.zones.map((z) => [z.id, z.name]));
  const single = input.zones.length === 1;
  const techniques: NavigatorTechnique[] = [];
  for (const technique of ATTACK_ICS.techniques) {
    const zones = open.get(technique.id);
    if (!zones) continue;
    const score = single ? [...zones.values()][0]!.length : zones.size;
    const lines = [...zones].map(([zoneId, items]) => `${names.get(zoneId)}: ${items.join(', ')} not met`);
    techniques.push({
      techniqueID: technique.id,
      score,
      comment: lines.join('\n'),
      enabled: true,
      metadata: [...zones].map(([zoneId, items]) => ({
        name: names.get(zoneId) ?? zoneId,
        value: items.join(', '),
      })),
    });
  }
  const maxValue = Math.max(1, ...techniques.map((t) => t.score));
  const scope = single ? `zone ${input.zones[0]!.name}` : `${input.zones.length} zones`;
  return {
    name: `${input.title}: techniques left open (${scope})`.slice(0, 200),
    versions: {
      attack: ATTACK_ICS.version.split('.')[0]!,
      navigator: NAVIGATOR_VERSION,
      layer: LAYER_FORMAT_VERSION,
    },
    domain: 'ics-attack',
    description: `ATT&CK for ICS techniques whose IEC 62443-3-3 mitigations are required at the SL-T but not met, ${
      single
        ? 'scored by the number of unmet requirements'
        : 'scored by the number of zones where they are left open'
    }. ${ATTACK_CREDIT}`,
    sorting: 3,
    layout: { layout: 'side', showID: true, showName: true },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#fff3c4', '#f4a261', '#c1121f'], minValue: 0, maxValue },
    legendItems: [{ label: 'Left open by unmet requirements', color: '#c1121f' }],
    metadata: [
      { name: 'scope', value: scope },
      { name: 'catalogue', value: input.catalogue.version },
      { name: 'generator', value: 'Conduit' },
    ],
  };
}
