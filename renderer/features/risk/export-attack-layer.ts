import { catalogueOf } from '../../../shared/catalogue';
import { slugify, type Answer, type Assessment, type Zone } from '../../../shared/model';
import { attackLayer } from '../../../shared/risk';
import { platform } from '../../platform';

/**
 * Saves the ATT&CK Navigator layer of the site (zone undefined) or of one zone, built by the
 * same attackLayer the CLI's attack-layer command and the bundle's data/attack-layer.json use.
 */
export async function exportAttackLayer(
  assessment: Assessment,
  zones: readonly Zone[],
  answers: readonly Answer[],
  zone: Zone | undefined,
): Promise<{ saved: boolean; techniques: number }> {
  const { catalogue } = catalogueOf(assessment.catalogueVersion);
  const layer = attackLayer({
    catalogue,
    zones: zone ? [zone] : zones,
    answers,
    title: `${assessment.client} – ${assessment.site}`,
  });
  const scope = zone ? slugify(zone.name) || 'zone' : 'site';
  const result = await platform().saveFile({
    title: 'Export the ATT&CK Navigator layer',
    suggestedName: `${slugify(assessment.title) || 'assessment'}-${scope}-attack-layer.json`,
    filters: [{ name: 'ATT&CK Navigator layer', extensions: ['json'] }],
    data: new TextEncoder().encode(JSON.stringify(layer, null, 2) + '\n'),
  });
  return { saved: result.saved, techniques: layer.techniques.length };
}
