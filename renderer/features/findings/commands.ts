import type { ListStep } from '../../../shared/findings';
import type { Finding } from '../../../shared/model';
import type { HistoryLabels } from '../../db/record-history';
import type { Command } from '../../ui/commands';

export type FindingsView = 'list' | 'roadmap' | 'todo';

/** A dialog of the Findings workspace, opened by a command. */
export type FindingsDialog =
  | { kind: 'edit'; finding: Finding | null }
  | { kind: 'dismiss'; finding: Finding }
  | { kind: 'merge'; findings: Finding[] };

/** What the workspace's commands read and act on. */
export interface FindingsCommandState {
  view: FindingsView;
  /** Whether findings are being generated now. */
  busy: boolean;
  /** The findings ticked in the list. */
  chosen: readonly Finding[];
  /** What undo and redo would take back or do again. */
  history: HistoryLabels;
  setView(view: FindingsView): void;
  regenerate(): void;
  open(dialog: FindingsDialog): void;
  focusSearch(): void;
  clearSelection(): void;
  undo(): void;
  redo(): void;
}

const VIEWS: readonly { view: FindingsView; label: string; key: string }[] = [
  { view: 'list', label: 'List', key: '1' },
  { view: 'roadmap', label: 'Roadmap', key: '2' },
  { view: 'todo', label: 'Assessor to-do', key: '3' },
];

/** The view switch of the header, one command per view. */
export const VIEW_COMMANDS: readonly Command<FindingsCommandState>[] = VIEWS.map(({ view, label, key }) => ({
  id: `view:${view}`,
  label,
  shortcuts: [key],
  checked: (s) => s.view === view,
  perform: (s) => s.setView(view),
}));

/** The workspace's commands: the toolbar and the window's keyboard map read this list. */
export const FINDINGS_COMMANDS: readonly Command<FindingsCommandState>[] = [
  ...VIEW_COMMANDS,
  {
    id: 'regenerate',
    label: 'Regenerate',
    shortcuts: ['R'],
    enabled: (s) => !s.busy,
    perform: (s) => s.regenerate(),
  },
  {
    id: 'add-finding',
    label: 'Add finding',
    shortcuts: ['N'],
    perform: (s) => s.open({ kind: 'edit', finding: null }),
  },
  {
    id: 'merge-selected',
    label: 'Merge selected',
    shortcuts: ['M'],
    enabled: (s) => s.view === 'list' && s.chosen.length >= 2,
    perform: (s) => s.open({ kind: 'merge', findings: [...s.chosen] }),
  },
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: ['Mod+Z'],
    enabled: (s) => s.history.undo !== null,
    perform: (s) => s.undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: (s) => s.history.redo !== null,
    perform: (s) => s.redo(),
  },
  {
    id: 'search',
    label: 'Search',
    shortcuts: ['/'],
    enabled: (s) => s.view === 'list',
    perform: (s) => s.focusSearch(),
  },
  {
    id: 'clear-selection',
    label: 'Clear selection',
    shortcuts: ['Escape'],
    enabled: (s) => s.chosen.length > 0,
    perform: (s) => s.clearSelection(),
  },
];

/** What a row's commands act on: its finding, and where it stands in its list. */
export interface FindingRowState {
  finding: Finding;
  /** The row's position in its list (a section when grouped), and the list's length. */
  position: number;
  count: number;
  edit(): void;
  dismiss(): void;
  restore(): void;
  /** Moves the finding past its visible neighbour in the report order. */
  move(delta: -1 | 1): void;
  toggleSelected(): void;
  /** Moves the keyboard focus to another row. */
  focus(step: ListStep): void;
}

const isOpen = (s: FindingRowState) => s.finding.status === 'open';

/** A finding row's commands: its buttons and the keyboard map of a focused row read this list. */
export const FINDING_ROW_COMMANDS: readonly Command<FindingRowState>[] = [
  { id: 'edit', label: 'Edit', shortcuts: ['E'], perform: (s) => s.edit() },
  { id: 'dismiss', label: 'Dismiss', shortcuts: ['Delete'], enabled: isOpen, perform: (s) => s.dismiss() },
  { id: 'restore', label: 'Restore', enabled: (s) => !isOpen(s), perform: (s) => s.restore() },
  {
    id: 'move-up',
    label: 'Move up',
    shortcuts: ['Alt+ArrowUp'],
    enabled: (s) => s.position > 0,
    perform: (s) => s.move(-1),
  },
  {
    id: 'move-down',
    label: 'Move down',
    shortcuts: ['Alt+ArrowDown'],
    enabled: (s) => s.position < s.count - 1,
    perform: (s) => s.move(1),
  },
  { id: 'select', label: 'Select', shortcuts: ['X'], perform: (s) => s.toggleSelected() },
  { id: 'next', label: 'Next finding', shortcuts: ['ArrowDown', 'J'], perform: (s) => s.focus('next') },
  {
    id: 'previous',
    label: 'Previous finding',
    shortcuts: ['ArrowUp', 'K'],
    perform: (s) => s.focus('previous'),
  },
  { id: 'first', label: 'First finding', shortcuts: ['Home'], perform: (s) => s.focus('first') },
  { id: 'last', label: 'Last finding', shortcuts: ['End'], perform: (s) => s.focus('last') },
];
