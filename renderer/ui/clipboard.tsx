import { createContext, useContext, useState, type ReactNode } from 'react';

/**
 * The app's own clipboard for things the system clipboard cannot carry (copied diagram zones),
 * one slot per kind. It lives with the app shell, so a copy survives moving between workspaces
 * and assessments of this window, and nothing is kept at module level.
 */
export class AppClipboard {
  private readonly slots = new Map<string, { value: unknown; pastes: number }>();

  copy(kind: string, value: unknown): void {
    this.slots.set(kind, { value, pastes: 0 });
  }

  peek<T>(kind: string): T | null {
    return (this.slots.get(kind)?.value as T | undefined) ?? null;
  }

  /** The copied value and how many times it has been pasted before this one (to offset each paste). */
  paste<T>(kind: string): { value: T; count: number } | null {
    const slot = this.slots.get(kind);
    if (!slot) return null;
    slot.pastes += 1;
    return { value: slot.value as T, count: slot.pastes };
  }
}

const ClipboardContext = createContext<AppClipboard | null>(null);

export function ClipboardProvider({ children }: { children: ReactNode }) {
  const [clipboard] = useState(() => new AppClipboard());
  return <ClipboardContext.Provider value={clipboard}>{children}</ClipboardContext.Provider>;
}

export function useClipboard(): AppClipboard {
  const clipboard = useContext(ClipboardContext);
  if (!clipboard) throw new Error('ClipboardProvider is missing');
  return clipboard;
}
