import { memo } from 'react';
import { guidanceFor, type CatalogueItem } from '../../../shared/catalogue';

/** The project's own guidance for the selected item: what it is about, evidence, weaknesses. */
export const GuidancePanel = memo(function GuidancePanel({ item }: { item: CatalogueItem }) {
  const guidance = guidanceFor(item.id);
  if (!guidance) return <p className="req-muted">No guidance for {item.id}.</p>;
  return (
    <section className="req-guidance" aria-label={`Guidance for ${item.id}`}>
      <h3>Guidance</h3>
      <p>{guidance.about}</p>
      <h4>Ask for or look at</h4>
      <ul>
        {guidance.evidence.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h4>Typical weaknesses</h4>
      <ul>
        {guidance.weaknesses.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {item.note && <p className="req-muted">Catalogue note: {item.note}</p>}
    </section>
  );
});
