import { createContext, useContext } from 'react';

/** Kinds of file one workspace can take from another (a capture dropped on Inventory). */
export type HandedFileKind = 'capture';

/**
 * Files handed from one workspace to the one that takes their kind. Features do not import each
 * other: a workspace declares the kinds it takes (WorkspaceDefinition.takesFiles), the shell finds
 * it, leaves the files here and opens it, and the taking workspace collects them when it mounts.
 */
const waiting = new Map<HandedFileKind, File[]>();

export function leaveHandedFiles(kind: HandedFileKind, files: readonly File[]): void {
  waiting.set(kind, [...(waiting.get(kind) ?? []), ...files]);
}

/** The files waiting for this kind's workspace, removed as they are taken. */
export function takeHandedFiles(kind: HandedFileKind): File[] {
  const files = waiting.get(kind) ?? [];
  waiting.delete(kind);
  return files;
}

export function hasHandedFiles(kind: HandedFileKind): boolean {
  return (waiting.get(kind)?.length ?? 0) > 0;
}

export interface FileHandoff {
  /** The label of the workspace that takes this kind, or null when none does. */
  takerOf: (kind: HandedFileKind) => string | null;
  /** Leaves the files for that workspace and opens it. */
  handOff: (kind: HandedFileKind, files: readonly File[]) => void;
}

export const FileHandoffContext = createContext<FileHandoff>({
  takerOf: () => null,
  handOff: () => undefined,
});

export function useFileHandoff(): FileHandoff {
  return useContext(FileHandoffContext);
}
