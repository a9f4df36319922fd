import { memo } from 'react';
import {
  ATTACK_CREDIT,
  attackForItem,
  attackMitigation,
  attackTechnique,
  type CatalogueItem,
} from '../../../shared/catalogue';

/** The ATT&CK for ICS mitigations that name the item's SR, and the techniques they mitigate. */
export const AttackPanel = memo(function AttackPanel({ item }: { item: CatalogueItem }) {
  const { mitigations, techniques } = attackForItem(item);
  return (
    <section className="req-guidance" aria-label={`ATT&CK for ICS for ${item.id}`}>
      <h3>ATT&amp;CK for ICS</h3>
      {mitigations.length === 0 ? (
        <p className="req-muted">No ATT&amp;CK for ICS mitigation names {item.sr}.</p>
      ) : (
        <>
          <h4>Mitigations naming {item.sr}</h4>
          <ul data-testid="attack-mitigations">
            {mitigations.map((id) => (
              <li key={id}>
                {id} {attackMitigation(id)?.name}
              </li>
            ))}
          </ul>
          <h4>Techniques they mitigate ({techniques.length})</h4>
          <p data-testid="attack-techniques">
            {techniques.map((id) => `${id} ${attackTechnique(id)?.name ?? ''}`.trim()).join(' · ')}
          </p>
        </>
      )}
      <p className="req-muted">{ATTACK_CREDIT}</p>
    </section>
  );
});
