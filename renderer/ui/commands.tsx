import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A command is data: one record with its label, shortcuts, when it applies and what it does. A
 * workspace keeps one list of them; its toolbar buttons, its menus and its keyboard map all read
 * that list, so a shortcut shown on a button is the one the keyboard runs.
 */
export interface Command<S> {
  id: string;
  label: string;
  /** A shorter text for a crowded toolbar; the full label stays the button's accessible name. */
  short?: string;
  /** Shortcuts as "Mod+Z" (Mod is Ctrl, or Cmd on a Mac), "Mod+Shift+Z", "Delete", "N". */
  shortcuts?: readonly string[];
  /** Whether it can run now; a command without it always can. */
  enabled?: (state: S) => boolean;
  /** For a toggle: whether it is on. */
  checked?: (state: S) => boolean;
  perform: (state: S) => void;
  /** Lets the browser's own handling of the shortcut go on (copying text still copies). */
  keepDefault?: boolean;
}

/** The modifier and key state a shortcut is matched against (a KeyboardEvent has it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function parse(shortcut: string) {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  return { key, mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

/** Whether a key press is this shortcut; letters match either case, modifiers must match exactly. */
export function matchesShortcut(press: KeyPress, shortcut: string): boolean {
  const want = parse(shortcut);
  const mod = press.ctrlKey || press.metaKey;
  if (mod !== want.mod || press.altKey !== want.alt) return false;
  const single = want.key.length === 1;
  // Without a modifier, a single letter matches with or without Shift ("N" and "n" alike).
  if (!single || want.mod) {
    if (press.shiftKey !== want.shift) return false;
  }
  return single ? press.key.toLowerCase() === want.key.toLowerCase() : press.key === want.key;
}

/** The command a key press runs, if any (whether or not it is enabled now). */
export function commandForKey<S>(commands: readonly Command<S>[], press: KeyPress): Command<S> | undefined {
  return commands.find((command) => command.shortcuts?.some((s) => matchesShortcut(press, s)));
}

export function isEnabled<S>(command: Command<S>, state: S): boolean {
  return command.enabled?.(state) ?? true;
}

const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** A shortcut as people read it: "Ctrl+Shift+Z", "Alt+↑". */
export function shortcutLabel(shortcut: string): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? 'Ctrl' : (KEY_NAMES[part] ?? part)))
    .join('+');
}

/**
 * Runs a key press's command if it has one: returns whether it matched. The browser's default is
 * prevented for a matched command, enabled or not, unless the command keeps it.
 */
export function runKey<S>(
  commands: readonly Command<S>[],
  state: S,
  event: KeyPress & { preventDefault(): void },
): boolean {
  const command = commandForKey(commands, event);
  if (!command) return false;
  if (!command.keepDefault) event.preventDefault();
  if (isEnabled(command, state)) command.perform(state);
  return true;
}

/** Whether a key press belongs to a text field or a dialog rather than to the workspace. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
      target.closest('dialog') !== null)
  );
}

/** The window's keyboard map for these commands, outside text fields and dialogs. */
export function useCommandKeys<S>(commands: readonly Command<S>[], state: S): void {
  const latest = useRef({ commands, state });
  latest.current = { commands, state };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      runKey(latest.current.commands, latest.current.state, event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Finds a command by id in a list; a missing one is a programming error. */
export function commandById<S>(commands: readonly Command<S>[], id: string): Command<S> {
  const command = commands.find((c) => c.id === id);
  if (!command) throw new Error(`no command "${id}"`);
  return command;
}

/** The shortcuts as ARIA's aria-keyshortcuts names them: "Control+Shift+Z Control+Y". */
export function ariaKeyShortcuts(shortcuts: readonly string[] | undefined): string | undefined {
  return shortcuts?.length ? shortcuts.map((s) => s.replace('Mod', 'Control')).join(' ') : undefined;
}

/**
 * A toolbar button for a command: its label (or `children`, for a label that says more), its first
 * shortcut as the tooltip, disabled when it cannot run, pressed when it is a toggle that is on.
 */
export function CommandButton<S>({
  command,
  state,
  className = 'button button-small',
  children,
  'aria-label': name,
}: {
  command: Command<S>;
  state: S;
  className?: string;
  children?: ReactNode;
  /** The accessible name, where the content is a symbol ("↑") or says less than the context. */
  'aria-label'?: string;
}) {
  const shortcut = command.shortcuts?.[0];
  return (
    <button
      type="button"
      className={className}
      onClick={() => command.perform(state)}
      disabled={!isEnabled(command, state)}
      aria-pressed={command.checked?.(state)}
      title={shortcut ? shortcutLabel(shortcut) : undefined}
      aria-keyshortcuts={ariaKeyShortcuts(command.shortcuts)}
      aria-label={name}
    >
      {children ?? command.label}
    </button>
  );
}

/** A checkbox for a toggle command. */
export function CommandToggle<S>({ command, state }: { command: Command<S>; state: S }) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={command.checked?.(state) ?? false}
        disabled={!isEnabled(command, state)}
        onChange={() => command.perform(state)}
      />{' '}
      {command.label}
    </label>
  );
}
