import { useSyncExternalStore } from 'react';
import { DiagramStore as PureDiagramStore, type DiagramState } from '../../../shared/diagram';
import { applyDiagramChange, loadAssets, loadDiagramHistory, loadZonesAndConduits } from '../../db/diagram';

export type { DiagramState } from '../../../shared/diagram';

const indexedDbDiagram = {
  loadZonesAndConduits,
  loadAssets,
  loadHistory: loadDiagramHistory,
  applyChange: applyDiagramChange,
};

/** The diagram store of shared/diagram, reading from and writing to IndexedDB. */
export class DiagramStore extends PureDiagramStore {
  constructor(assessmentId: string, onWriteError: (message: string) => void) {
    super(assessmentId, onWriteError, indexedDbDiagram);
  }

  override async load(): Promise<void> {
    // Marks for the benchmark's breakdown of the opening time.
    performance.mark('conduit:diagram-load-start');
    await super.load();
    if (this.getState().error === null) performance.mark('conduit:diagram-data-loaded');
  }
}

export function useDiagramState(store: PureDiagramStore): DiagramState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
