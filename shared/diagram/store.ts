import type { Asset, Conduit, Zone } from '../model';
import {
  applyToRecords,
  invertChange,
  mergeChanges,
  type DiagramChange,
  type DiagramRecords,
} from './change';

/** Where the store reads the diagram from and writes each change to (IndexedDB in the app). */
export interface DiagramPersistence {
  loadZonesAndConduits(assessmentId: string): Promise<Pick<DiagramRecords, 'zones' | 'conduits'>>;
  loadAssets(assessmentId: string): Promise<Asset[]>;
  applyChange(assessmentId: string, change: DiagramChange): Promise<void>;
}

export interface DiagramState extends DiagramRecords {
  loaded: boolean;
  /** Assets arrive after zones and conduits (there may be 100,000); until then the diagram is read-only. */
  assetsLoaded: boolean;
  error: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

interface UndoEntry {
  change: DiagramChange;
  mergeKey: string | null;
  at: number;
}

/** Consecutive edits of the same field within this window become one undo step (typing a name). */
const MERGE_WINDOW_MS = 2_000;

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
  private undoStack: UndoEntry[] = [];
  private redoStack: DiagramChange[] = [];
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
      const records = await this.persistence.loadZonesAndConduits(this.assessmentId);
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
    this.state = { ...next, canUndo: this.undoStack.length > 0, canRedo: this.redoStack.length > 0 };
    for (const listener of this.listeners) listener();
  }

  /** `forWrite` lets undo invert the change only when its turn to be written comes (see undo). */
  private apply(change: DiagramChange, forWrite: () => DiagramChange = () => change) {
    const records = applyToRecords(this.state, change);
    this.writes = this.writes
      .then(() => this.persistence.applyChange(this.assessmentId, forWrite()))
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
    const records = this.apply(change);
    const now = Date.now();
    const last = this.undoStack[this.undoStack.length - 1];
    if (mergeKey && last && last.mergeKey === mergeKey && now - last.at < MERGE_WINDOW_MS) {
      this.undoStack[this.undoStack.length - 1] = {
        change: mergeChanges(last.change, change),
        mergeKey,
        at: now,
      };
    } else {
      this.undoStack.push({ change, mergeKey, at: now });
      if (this.undoStack.length > 500) this.undoStack.shift();
    }
    this.redoStack = [];
    this.publish({ ...this.state, ...records });
  }

  undo(): string | null {
    const entry = this.undoStack.pop();
    if (!entry) return null;
    // The deletion's write records the answers it removed; inverting after it has landed restores them.
    const records = this.apply(invertChange(entry.change), () => invertChange(entry.change));
    this.redoStack.push(entry.change);
    this.publish({ ...this.state, ...records });
    return entry.change.label;
  }

  redo(): string | null {
    const change = this.redoStack.pop();
    if (!change) return null;
    const records = this.apply(change);
    this.undoStack.push({ change, mergeKey: null, at: 0 });
    this.publish({ ...this.state, ...records });
    return change.label;
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
