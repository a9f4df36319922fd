import { useEffect, useMemo } from 'react';
import { useLocation } from 'wouter';
import type { KeyPress } from '../ui/commands';
import { leaveHandedFiles, type FileHandoff, type HandedFileKind } from '../ui/file-handoff';
import type { WorkspaceDefinition } from '../ui/workspace';

/** The workspace Alt+1..9 opens: the n-th of the list, or none for any other key press. */
export function workspaceForKey<W>(workspaces: readonly W[], press: KeyPress): W | undefined {
  if (!press.altKey || press.ctrlKey || press.metaKey) return undefined;
  const index = Number(press.key) - 1;
  return Number.isInteger(index) && index >= 0 ? workspaces[index] : undefined;
}

/** Alt+1..9 jumps between the assessment's workspaces. */
export function useWorkspaceKeys(assessmentId: string, workspaces: readonly WorkspaceDefinition[]) {
  const [, navigate] = useLocation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = workspaceForKey(workspaces, event);
      if (target) {
        event.preventDefault();
        navigate(`/a/${assessmentId}/${target.id}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [assessmentId, workspaces, navigate]);
}

/** Hands files of a kind to the workspace that takes it, and opens that workspace. */
export function useWorkspaceHandoff(
  assessmentId: string,
  workspaces: readonly WorkspaceDefinition[],
): FileHandoff {
  const [, navigate] = useLocation();
  return useMemo<FileHandoff>(() => {
    const taker = (kind: HandedFileKind) => workspaces.find((w) => w.takesFiles?.includes(kind));
    return {
      takerOf: (kind) => taker(kind)?.label ?? null,
      handOff: (kind, files) => {
        const target = taker(kind);
        if (!target) return;
        leaveHandedFiles(kind, files);
        navigate(`/a/${assessmentId}/${target.id}`);
      },
    };
  }, [assessmentId, workspaces, navigate]);
}
