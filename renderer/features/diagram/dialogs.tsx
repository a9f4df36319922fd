import { ZodError } from 'zod';
import {
  DIAGRAM_TEMPLATE_LABELS,
  deleteChange,
  emptyChange,
  manualAsset,
  type DiagramTemplateId,
  type ManualAssetInput,
} from '../../../shared/diagram';
import { issuesInWords, type Zone } from '../../../shared/model';
import type { SubnetAssignment } from '../../../shared/network';
import { ConfirmDialog, Modal } from '../../ui/Modal';
import { notify } from '../../ui/notices';
import { AddAssetDialog } from './AssetsPanel';
import { applyTemplate, type DiagramDialog } from './commands';
import type { DiagramStore } from './diagram-store';

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

function DeleteDialog({
  dialog,
  store,
  onClose,
}: {
  dialog: Extract<DiagramDialog, { kind: 'delete' }>;
  store: DiagramStore;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title="Delete from the diagram?"
      danger
      confirmLabel="Delete"
      message={
        <p>
          {describeDeletion(dialog.zoneIds.size, dialog.conduitIds.size)} Conduits of deleted zones go too,
          and their assets become unassigned. You can undo this.
        </p>
      }
      onCancel={onClose}
      onConfirm={() => {
        store.commit(deleteChange(store.getState(), dialog.zoneIds, dialog.conduitIds));
        onClose();
      }}
    />
  );
}

function TemplateDialog({
  template,
  onApply,
  onClose,
}: {
  template: DiagramTemplateId;
  onApply: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title={`Apply "${DIAGRAM_TEMPLATE_LABELS[template]}"?`}
      danger
      confirmLabel="Replace the diagram"
      message={
        <p>
          This replaces the current zones and conduits; assets stay but become unassigned. You can undo this.
        </p>
      }
      onCancel={onClose}
      onConfirm={() => {
        onApply();
        onClose();
      }}
    />
  );
}

function addAsset(store: DiagramStore, input: ManualAssetInput): boolean {
  let asset;
  try {
    asset = manualAsset(store.assessmentId, input, null);
  } catch (error) {
    const detail = error instanceof ZodError ? issuesInWords(error) : [(error as Error).message];
    notify('error', 'The asset was not added', detail);
    return false;
  }
  store.commit({ ...emptyChange('Add asset'), assets: [{ before: null, after: asset }] });
  return true;
}

/** The one dialog a diagram command opened, if any. */
export function DiagramDialogs({
  dialog,
  store,
  zones,
  fitView,
  onClose,
}: {
  dialog: DiagramDialog | null;
  store: DiagramStore;
  zones: readonly Zone[];
  fitView: () => void;
  onClose: () => void;
}) {
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'delete':
      return <DeleteDialog dialog={dialog} store={store} onClose={onClose} />;
    case 'template':
      return (
        <TemplateDialog
          template={dialog.template}
          onApply={() => applyTemplate({ store, fitView }, dialog.template)}
          onClose={onClose}
        />
      );
    case 'add-asset':
      return <AddAssetDialog onClose={onClose} onAdd={(input) => addAsset(store, input) && onClose()} />;
    case 'subnet-report':
      return <SubnetReport report={dialog.report} zones={zones} onClose={onClose} />;
  }
}
