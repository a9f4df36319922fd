import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createManualFinding, dismissFinding } from '../../../../../shared/findings';
import type { Finding } from '../../../../../shared/model';
import {
  ariaKeyShortcuts,
  matchesShortcut,
  runKey,
  shortcutLabel,
  type Command,
  type KeyPress,
} from '../../../../../renderer/ui/commands';
import {
  FINDING_ROW_COMMANDS,
  FINDINGS_COMMANDS,
  type FindingRowState,
  type FindingsCommandState,
  type FindingsDialog,
} from '../../../../../renderer/features/findings/commands';
import { FindingList } from '../../../../../renderer/features/findings/FindingList';
import { FindingsHeader, FindingsToolbar } from '../../../../../renderer/features/findings/FindingsToolbar';
import { ASSESSMENT_ID } from '../../../../fixtures/builders';

const modem = createManualFinding(
  ASSESSMENT_ID,
  { title: 'Undocumented cellular modem', severity: 'critical', phase: 2 },
  [],
);
const telnet = dismissFinding(
  createManualFinding(ASSESSMENT_ID, { title: 'Telnet on the historian', severity: 'high', phase: 2 }, [
    modem,
  ]),
  'Disabled during the visit.',
);
const shared = createManualFinding(
  ASSESSMENT_ID,
  { title: 'Shared operator account', severity: 'high', phase: 3 },
  [modem, telnet],
);

const everyCommand: readonly Command<never>[] = [...FINDINGS_COMMANDS, ...FINDING_ROW_COMMANDS];

/** The key press a shortcut names ("Alt+ArrowUp", "N"). */
function press(shortcut: string): KeyPress & { preventDefault(): void; prevented: boolean } {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const event = {
    key,
    ctrlKey: parts.includes('Mod'),
    metaKey: false,
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
    prevented: false,
    preventDefault: () => {
      event.prevented = true;
    },
  };
  return event;
}

function workspaceState(done: string[], fields: Partial<FindingsCommandState> = {}): FindingsCommandState {
  return {
    view: 'list',
    busy: false,
    chosen: [],
    history: { undo: null, redo: null },
    setView: (view) => done.push(`view ${view}`),
    regenerate: () => done.push('regenerate'),
    open: (dialog: FindingsDialog) =>
      done.push(
        `open ${dialog.kind} ${'finding' in dialog ? (dialog.finding?.title ?? 'new') : dialog.findings.length}`,
      ),
    focusSearch: () => done.push('search'),
    clearSelection: () => done.push('clear selection'),
    undo: () => done.push('undo'),
    redo: () => done.push('redo'),
    ...fields,
  };
}

function rowState(done: string[], finding: Finding, position = 1, count = 3): FindingRowState {
  return {
    finding,
    position,
    count,
    edit: () => done.push(`edit ${finding.title}`),
    dismiss: () => done.push(`dismiss ${finding.title}`),
    restore: () => done.push(`restore ${finding.title}`),
    move: (delta) => done.push(`move ${delta}`),
    toggleSelected: () => done.push(`select ${finding.title}`),
    focus: (step) => done.push(`focus ${step}`),
  };
}

/** Each <button> of some markup: its text, accessible name, tooltip and aria-keyshortcuts. */
function buttons(html: string) {
  return [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map(([, attributes, text]) => {
    const attribute = (name: string) => attributes!.match(new RegExp(`${name}="([^"]*)"`))?.[1];
    return {
      className: attribute('class'),
      name: attribute('aria-label') ?? text!.replace(/<!-- -->/g, ''),
      title: attribute('title'),
      keys: attribute('aria-keyshortcuts'),
    };
  });
}

/** The command a button was drawn from: every word of its label in the name, its shortcut the tooltip. */
function commandOf(button: ReturnType<typeof buttons>[number], commands: readonly Command<never>[]) {
  return commands.find(
    (c) =>
      c.label.split(' ').every((word) => button.name.includes(word)) &&
      button.title === (c.shortcuts?.[0] ? shortcutLabel(c.shortcuts[0]) : undefined) &&
      button.keys === ariaKeyShortcuts(c.shortcuts),
  );
}

describe('findings commands', () => {
  it('have unique ids, and each shortcut runs one command of the workspace or the focused row', () => {
    const ids = everyCommand.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shortcuts = everyCommand.flatMap((c) => c.shortcuts ?? []);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    // Matched as a key press (letters in either case, modifiers exactly), still one command each.
    for (const shortcut of shortcuts) {
      const matching = everyCommand.filter((c) =>
        c.shortcuts?.some((s) => matchesShortcut(press(shortcut), s)),
      );
      expect(
        matching.map((c) => c.id),
        shortcut,
      ).toHaveLength(1);
    }
    expect(shortcuts).toEqual(expect.arrayContaining(['N', 'Delete', 'E', 'Alt+ArrowUp', 'ArrowDown', '/']));
  });

  it('draws every toolbar and row button from the lists, its shortcut in the tooltip', () => {
    const done: string[] = [];
    const state = workspaceState(done, { chosen: [modem, shared] });
    const toolbar = buttons(
      renderToStaticMarkup(
        <>
          <FindingsHeader all={[modem, telnet, shared]} state={state} />
          <FindingsToolbar state={state} />
        </>,
      ),
    );
    expect(toolbar.map((b) => b.name)).toEqual([
      'List',
      'Roadmap',
      'Assessor to-do',
      'Regenerate',
      'Add finding',
      'Merge selected (2)',
      'Undo',
      'Redo',
    ]);
    for (const button of toolbar) expect(commandOf(button, FINDINGS_COMMANDS), button.name).toBeDefined();
    expect(toolbar.find((b) => b.name === 'Add finding')).toMatchObject({ title: 'N', keys: 'N' });
    expect(toolbar.find((b) => b.name === 'Redo')).toMatchObject({
      title: 'Ctrl+Shift+Z',
      keys: 'Control+Shift+Z Control+Y',
    });

    const rows = buttons(
      renderToStaticMarkup(
        <FindingList
          assessmentId={ASSESSMENT_ID}
          all={[modem, telnet, shared]}
          visible={[modem, telnet, shared]}
          selected={new Set()}
          actions={{ toggleSelected: () => {}, edit: () => {}, dismiss: () => {}, focus: () => {} }}
        />,
      ),
    ).filter((b) => b.className !== 'finding-title');
    expect(rows.map((b) => b.name)).toEqual([
      `Move “${modem.title}” up`,
      `Move “${modem.title}” down`,
      'Edit',
      'Dismiss',
      'Edit',
      'Restore',
      `Move “${shared.title}” up`,
      `Move “${shared.title}” down`,
      'Edit',
      'Dismiss',
    ]);
    for (const button of rows) expect(commandOf(button, FINDING_ROW_COMMANDS), button.name).toBeDefined();
    expect(rows[0]).toMatchObject({ title: 'Alt+↑', keys: 'Alt+ArrowUp' });
  });

  it('runs the workspace commands from the keyboard when they can run', () => {
    const done: string[] = [];
    const key = (shortcut: string, state = workspaceState(done)) => {
      const event = press(shortcut);
      return [runKey(FINDINGS_COMMANDS, state, event), event.prevented];
    };
    expect(key('N')).toEqual([true, true]);
    expect(key('2')).toEqual([true, true]);
    expect(key('/')).toEqual([true, true]);
    // Merging needs two ticked findings; the key is still the workspace's, so the browser leaves it.
    expect(key('M', workspaceState(done, { chosen: [modem] }))).toEqual([true, true]);
    expect(key('M', workspaceState(done, { chosen: [modem, shared] }))).toEqual([true, true]);
    expect(key('R', workspaceState(done, { busy: true }))).toEqual([true, true]);
    expect(key('Mod+N')).toEqual([false, false]);
    // Undo and redo only when the log has a step to take.
    expect(key('Mod+Z')).toEqual([true, true]);
    const edited = workspaceState(done, { history: { undo: 'Dismiss “Telnet”', redo: 'Edit “Modem”' } });
    key('Mod+Z', edited);
    key('Mod+Y', edited);
    key('Mod+Shift+Z', edited);
    expect(done).toEqual(['open edit new', 'view roadmap', 'search', 'open merge 2', 'undo', 'redo', 'redo']);
  });

  it('runs the focused row commands: dismiss or nothing for a dismissed one, moves within the list, focus steps', () => {
    const done: string[] = [];
    const key = (shortcut: string, state: FindingRowState) =>
      runKey(FINDING_ROW_COMMANDS, state, press(shortcut));
    key('Delete', rowState(done, modem));
    key('Delete', rowState(done, telnet));
    key('E', rowState(done, telnet));
    key('Alt+ArrowUp', rowState(done, modem, 0));
    key('Alt+ArrowDown', rowState(done, modem, 0));
    key('Alt+ArrowDown', rowState(done, shared, 2));
    key('ArrowDown', rowState(done, modem));
    key('k', rowState(done, modem));
    key('End', rowState(done, modem));
    key('x', rowState(done, shared));
    expect(done).toEqual([
      `dismiss ${modem.title}`,
      `edit ${telnet.title}`,
      'move 1',
      'focus next',
      'focus previous',
      'focus last',
      `select ${shared.title}`,
    ]);
  });
});
