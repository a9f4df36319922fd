/** Which keys were held on a click in a list. */
export interface ClickModifiers {
  shift: boolean;
  /** Ctrl, or Cmd on macOS. */
  toggle: boolean;
}

/**
 * The selection after a click on the row at `index`, as file managers do it: a plain click selects
 * only that row and makes it the anchor; Ctrl/Cmd adds or removes it; Shift adds the range from
 * the anchor to it (to the selection kept so far).
 */
export function clickSelection(
  current: readonly string[],
  rows: readonly { id: string }[],
  anchor: number | null,
  index: number,
  modifiers: ClickModifiers,
): { selected: Set<string>; anchor: number | null } {
  const id = rows[index]!.id;
  const next = new Set(modifiers.shift || modifiers.toggle ? current : []);
  if (modifiers.shift && anchor !== null) {
    const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
    for (let i = from; i <= to; i += 1) next.add(rows[i]!.id);
    return { selected: next, anchor };
  }
  if (modifiers.toggle && next.has(id)) {
    next.delete(id);
    return { selected: next, anchor };
  }
  next.add(id);
  return { selected: next, anchor: index };
}
