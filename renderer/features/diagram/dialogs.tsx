import type { Zone } from '../../../shared/model';
import type { SubnetAssignment } from '../../../shared/network';
import { Modal } from '../../ui/Modal';

export function describeDeletion(zones: number, conduits: number): string {
  const parts = [];
  if (zones > 0) parts.push(`${zones} ${zones === 1 ? 'zone' : 'zones'}`);
  if (conduits > 0) parts.push(`${conduits} ${conduits === 1 ? 'conduit' : 'conduits'}`);
  return `This deletes ${parts.join(' and ')}.`;
}

/** What "Assign by subnet" did: how many assets it placed, where, and which stayed unassigned. */
export function SubnetReport({
  report,
  zones,
  onClose,
}: {
  report: SubnetAssignment;
  zones: readonly Zone[];
  onClose: () => void;
}) {
  const name = (id: string) => zones.find((z) => z.id === id)?.name ?? '?';
  return (
    <Modal title="Assign by subnet" onClose={onClose}>
      <p data-testid="subnet-report">
        Placed {report.placed} {report.placed === 1 ? 'asset' : 'assets'}; {report.unassigned.length} stayed
        unassigned.
      </p>
      {report.placedPerZone.size > 0 && (
        <ul>
          {[...report.placedPerZone].map(([zoneId, count]) => (
            <li key={zoneId}>
              {name(zoneId)}: {count}
            </li>
          ))}
        </ul>
      )}
      {report.unassigned.length > 0 && (
        <>
          <h3>Still unassigned</h3>
          <ul className="subnet-unassigned">
            {report.unassigned.slice(0, 100).map((asset) => (
              <li key={asset.id}>
                {asset.name || '(unnamed)'} {asset.ips.length > 0 ? `(${asset.ips.join(', ')})` : '(no IP)'}
              </li>
            ))}
            {report.unassigned.length > 100 && <li>… and {report.unassigned.length - 100} more</li>}
          </ul>
        </>
      )}
      <div className="modal-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
