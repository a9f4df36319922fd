import type { Asset, Conduit, Zone } from '../model';
import {
  applyLogWrite,
  nextRedo,
  nextUndo,
  planDiscard,
  planPush,
  planRedo,
  planUndo,
  type LogWrite,
  type UndoStep,
  UndoBlockedError,
} from '../undo';
import {
  applyToRecords,
  diagramChangeApplies,
  invertChange,
  mergeChanges,
  type DiagramChange,
  type DiagramRecords,
} from './change';

/** The diagram's name in the persisted undo log. */
export const DIAGRAM_WORKSPACE = 'diagram';

export type DiagramUndoStep = UndoStep<DiagramChange>;

/**
 * Where the store reads the diagram from and writes each change to (IndexedDB in the app). Each
 * change is written with its undo-log update in one transaction, so history survives a reload.
 */
export interface DiagramPersistence {
  loadZonesAndConduits(assessmentId: string): Promise<Pick<DiagramRecords, 'zones' | 'conduits'>>;
  loadAssets(assessmentId: string): Promise<Asset[]>;
  loadHistory(assessmentId: string): Promise<DiagramUndoStep[]>;
  applyChange(
    assessmentId: string,
    change: DiagramChange | null,
    log: LogWrite<DiagramChange>,
  ): Promise<void>;
}

export interface DiagramState extends DiagramRecords {
  loaded: boolean;
  /** Assets arrive after zones and conduits (there may be 100,000); until then the diagram is read-only. */
  assetsLoaded: boolean;
  error: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

type Listener = () => void;

/**
 * The open diagram in memory: every edit is a DiagramChange applied here at once (so the canvas
 * stays responsive), queued to IndexedDB in order, and kept for undo/redo.
 */
export class DiagramStore {
  private state: DiagramState = {
    zones: [],
    conduits: [],
    assets: [],
    loaded: false,
    assetsLoaded: false,
    error: null,
    canUndo: false,
    canRedo: false,
  };
  private readonly listeners = new Set<Listener>();
  private history: DiagramUndoStep[] = [];
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly assessmentId: string,
    private readonly onWriteError: (message: string) => void,
    private readonly persistence: DiagramPersistence,
  ) {}

  async load(): Promise<void> {
    try {
      // Both reads start now; the canvas draws zones and conduits while the assets are still coming.
      const assets = this.persistence.loadAssets(this.assessmentId);
      const history = this.persistence.loadHistory(this.assessmentId);
      const records = await this.persistence.loadZonesAndConduits(this.assessmentId);
      this.history = await history;
      this.publish({ ...this.state, ...records, loaded: true });
      this.publish({ ...this.state, assets: await assets, assetsLoaded: true });
    } catch (error) {
      this.publish({ ...this.state, loaded: true, error: (error as Error).message });
    }
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getState = () => this.state;

  private publish(next: DiagramState) {
    const canUndo = next.assetsLoaded && nextUndo(this.history) !== undefined;
    const canRedo = next.assetsLoaded && nextRedo(this.history) !== undefined;
    this.state = { ...next, canUndo, canRedo };
    for (const listener of this.listeners) listener();
  }

  /**
   * Applies a change in memory and queues its write with the log's update. `forWrite` lets undo
   * invert the change only when its turn to be written comes (see undo).
   */
  private applyAndSave(
    change: DiagramChange | null,
    log: LogWrite<DiagramChange>,
    forWrite: () => DiagramChange | null = () => change,
  ) {
    this.history = applyLogWrite(this.history, log);
    const records = change ? applyToRecords(this.state, change) : this.state;
    this.writes = this.writes
      .then(() => this.persistence.applyChange(this.assessmentId, forWrite(), log))
      .catch((error: unknown) =>
        this.onWriteError((error as Error).message || 'the change could not be saved'),
      );
    return records;
  }

  /** Applies an edit, saves it and makes it undoable. */
  commit(change: DiagramChange, mergeKey: string | null = null): void {
    // An edit made before the assets are known could leave them pointing at a deleted zone.
    if (!this.state.assetsLoaded) return;
    const isEmpty =
      change.zones.length + change.conduits.length + change.assets.length + change.assetZones.length === 0;
    if (isEmpty) return;
    const log = planPush(this.history, {
      assessmentId: this.assessmentId,
      workspace: DIAGRAM_WORKSPACE,
      label: change.label,
      change,
      mergeKey,
      at: Date.now(),
      merge: mergeChanges,
    });
    const records = this.applyAndSave(change, log);
    this.publish({ ...this.state, ...records });
  }

  /**
   * Takes back the newest step. A step whose records were changed elsewhere since (another
   * workspace, an import) is not applied: it and the older steps are dropped, and the message says so.
   */
  undo(): string | null {
    if (!this.state.assetsLoaded) return null;
    const planned = planUndo(this.history);
    if (!planned) return null;
    const { step, write } = planned;
    if (!diagramChangeApplies(invertChange(step.change), this.state)) {
      this.applyAndSave(null, planDiscard(this.history, step, 'undo'));
      this.publish({ ...this.state });
      throw new UndoBlockedError(step.label);
    }
    // The deletion's write records the answers it removed; inverting after it has landed restores them.
    const records = this.applyAndSave(invertChange(step.change), write, () => invertChange(step.change));
    this.publish({ ...this.state, ...records });
    return step.label;
  }

  redo(): string | null {
    if (!this.state.assetsLoaded) return null;
    const planned = planRedo(this.history);
    if (!planned) return null;
    const { step, write } = planned;
    if (!diagramChangeApplies(step.change, this.state)) {
      this.applyAndSave(null, planDiscard(this.history, step, 'redo'));
      this.publish({ ...this.state });
      throw new UndoBlockedError(step.label);
    }
    const records = this.applyAndSave(step.change, write);
    this.publish({ ...this.state, ...records });
    return step.label;
  }

  /** Resolves when every queued write has landed (used before export and in tests). */
  flushed(): Promise<void> {
    return this.writes;
  }

  zone(id: string): Zone | undefined {
    return this.state.zones.find((zone) => zone.id === id);
  }

  conduit(id: string): Conduit | undefined {
    return this.state.conduits.find((conduit) => conduit.id === id);
  }

  assetsById(ids: readonly string[]): Asset[] {
    const wanted = new Set(ids);
    return this.state.assets.filter((asset) => wanted.has(asset.id));
  }
}
