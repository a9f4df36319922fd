import { makeConduit } from '../../../shared/diagram';
import type { Conduit, Zone } from '../../../shared/model';
import { describeService, documentCandidate } from '../../../shared/network';
import { documentWithConduit } from '../../db/connections';
import { trackSave } from '../../db/save-status';
import { Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import type { CandidateRow } from './use-connections-data';

interface Props {
  assessmentId: string;
  candidate: CandidateRow;
  conduits: Conduit[];
  zones: Zone[];
  onClose(): void;
}

/** Documents an undocumented flow: extends the conduit between its zones, or creates one. */
export function DocumentDialog({ assessmentId, candidate, conduits, zones, onClose }: Props) {
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  const plan = documentCandidate(conduits, candidate);
  const save = () => {
    if (!plan) return;
    const conduit =
      plan.kind === 'extend'
        ? plan.conduit
        : makeConduit(assessmentId, {
            fromZoneId: plan.fromZoneId,
            toZoneId: plan.toZoneId,
            direction: 'one-way',
            services: [plan.service],
            notes: 'Documented from observed traffic.',
          });
    onClose();
    void trackSave(documentWithConduit(candidate.key, conduit)).catch((e: Error) =>
      notify('error', 'The conduit could not be saved', [e.message]),
    );
  };
  return (
    <Modal title="Document as conduit" onClose={onClose}>
      {plan === null ? (
        <p>This candidate does not join two zones.</p>
      ) : plan.kind === 'create' ? (
        <p>
          Create a conduit from {zoneName.get(plan.fromZoneId)} to {zoneName.get(plan.toZoneId)} allowing{' '}
          {describeService(plan.service)}.
        </p>
      ) : (
        <p>
          Extend the conduit between {zoneName.get(plan.conduit.fromZoneId)} and{' '}
          {zoneName.get(plan.conduit.toZoneId)} with {describeService(plan.conduit.services.at(-1)!)}
          {plan.conduit.direction === 'both' ? ', allowed both ways' : ''}.
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={plan === null} onClick={save}>
          {plan?.kind === 'extend' ? 'Extend conduit' : 'Create conduit'}
        </button>
      </div>
    </Modal>
  );
}
