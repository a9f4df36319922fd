import type { AnswerStatus } from '../../../shared/model';
import { ANSWER_STATUSES } from '../../../shared/model';
import type { Command } from '../../ui/commands';

/** What the checklist's commands act on: the active item of the list. */
export interface ChecklistCommandState {
  /** The active row's position in the list, and the list's length. */
  index: number;
  count: number;
  move(to: number): void;
  setStatus(status: AnswerStatus): void;
  focusNotes(): void;
  attachFiles(): void;
  openBulk(): void;
  backToList(): void;
}

const STATUS_HINTS: Record<AnswerStatus, string> = {
  'not-assessed': 'not assessed',
  met: 'met',
  'partially-met': 'partially met',
  'not-met': 'not met',
  'not-applicable': 'not applicable',
  compensating: 'compensating',
};

type ChecklistCommand = Command<ChecklistCommandState>;

/** The checklist's keyboard map, keys 1..6 in the order of ANSWER_STATUSES. */
export const CHECKLIST_COMMANDS: readonly ChecklistCommand[] = [
  { id: 'next', label: 'move', shortcuts: ['ArrowDown'], perform: (s) => s.move(s.index + 1) },
  { id: 'previous', label: 'move', shortcuts: ['ArrowUp'], perform: (s) => s.move(s.index - 1) },
  { id: 'first', label: 'first item', shortcuts: ['Home'], perform: (s) => s.move(0) },
  { id: 'last', label: 'last item', shortcuts: ['End'], perform: (s) => s.move(s.count - 1) },
  ...ANSWER_STATUSES.map((status, index): ChecklistCommand => ({
    id: `status:${status}`,
    label: STATUS_HINTS[status],
    shortcuts: [String(index + 1)],
    perform: (s) => s.setStatus(status),
  })),
  { id: 'notes', label: 'notes', shortcuts: ['N'], perform: (s) => s.focusNotes() },
  { id: 'attach', label: 'attach files', shortcuts: ['E'], perform: (s) => s.attachFiles() },
  { id: 'bulk', label: 'apply to several zones', shortcuts: ['B'], perform: (s) => s.openBulk() },
  { id: 'back', label: 'back to the list', shortcuts: ['Escape'], perform: (s) => s.backToList() },
];

/**
 * Whether a key press would type a character: a key that is not a shortcut must not be dropped, so
 * the checklist sends it to the notes (Space and Enter stay with the focused button).
 */
export function typesText(press: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  return press.key.length === 1 && press.key !== ' ' && !press.ctrlKey && !press.metaKey && !press.altKey;
}

const KEY_SYMBOLS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' };
/** Shown in the footer: the list moves with the arrows (Home and End go unsaid). */
const HELP_HIDDEN = new Set(['first', 'last']);

/** The footer's key hints, read from the commands: [keys, what they do]. */
export function checklistHelp(): [string, string][] {
  const help: [string, string][] = [];
  for (const command of CHECKLIST_COMMANDS) {
    if (HELP_HIDDEN.has(command.id)) continue;
    const keys = (command.shortcuts ?? []).map((k) => KEY_SYMBOLS[k] ?? k).join(' ');
    const last = help.at(-1);
    // Commands with the same hint share one entry ("↑ ↓ move").
    if (last && last[1] === command.label) last[0] = `${keys} ${last[0]}`;
    else help.push([keys, command.label]);
  }
  return help;
}
