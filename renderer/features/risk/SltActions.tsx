import type { SecurityLevelTarget } from '../../../shared/model';
import { sltVector } from '../../../shared/model/slt';
import { vector } from './labels';

/**
 * The SL-T actions of a zone or conduit: back to the derived SL-T (when a label is given), set it
 * by hand, and apply the SL-T in force to the zone or conduit itself when that holds another.
 */
export function SltActions({
  backToDerived,
  onDerive,
  onEdit,
  stored,
  inForce,
  apply,
}: {
  backToDerived: string | null;
  onDerive: () => void;
  onEdit: () => void;
  /** The SL-T the zone or conduit holds now. */
  stored: SecurityLevelTarget;
  inForce: readonly number[];
  apply: { label: string; title: (stored: string) => string; perform: () => void };
}) {
  const held = sltVector(stored).map((l) => l ?? 0);
  const differs = held.some((l, i) => l !== inForce[i]);
  return (
    <div className="toolbar">
      {backToDerived && (
        <button type="button" className="button button-small" onClick={onDerive}>
          {backToDerived}
        </button>
      )}
      <button type="button" className="button button-small" onClick={onEdit}>
        Set by hand…
      </button>
      {differs && (
        <button
          type="button"
          className="button button-small button-primary"
          title={apply.title(vector(held))}
          onClick={apply.perform}
        >
          {apply.label}
        </button>
      )}
    </div>
  );
}
