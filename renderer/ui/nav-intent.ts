import { useEffect, useState } from 'react';

/**
 * What a link asks the workspace it opens to show first (a zone, a tab, a filter). Kept in memory
 * beside the route, not in the hash: the routes stay "#/a/<id>/<workspace>", and an intent is
 * used once, by the next workspace of that id to mount.
 */
const intents = new Map<string, Readonly<Record<string, string>>>();

export function setNavIntent(workspaceId: string, intent: Readonly<Record<string, string>>): void {
  intents.set(workspaceId, intent);
}

/** The intent left for this workspace, read once at mount and then forgotten. */
export function useNavIntent(workspaceId: string): Readonly<Record<string, string>> {
  const [intent] = useState(() => intents.get(workspaceId) ?? {});
  useEffect(() => {
    intents.delete(workspaceId);
  }, [workspaceId]);
  return intent;
}
