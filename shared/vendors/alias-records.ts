import { typeKey, type AliasEdit } from './normalise';
import { vendorKey } from './vendor-aliases';

/** An alias as the app stores it and the assessment file carries it. */
export interface AliasRecord extends AliasEdit {
  /** kind + the spelling's key, so one spelling has one alias. */
  id: string;
  updatedAt: string;
}

/** The id of the alias of a spelling: its kind and the spelling's key as the keys fold today. */
export function aliasId(edit: Pick<AliasEdit, 'kind' | 'spelling'>): string {
  return `${edit.kind}:${edit.kind === 'vendor' ? vendorKey(edit.spelling) : typeKey(edit.spelling)}`;
}

/**
 * The aliases re-keyed with the current key functions. An alias saved before a key changed (type
 * keys began splitting CamelCase: "EngineeringStation" was "engineeringstation") keeps a stale id,
 * so a later edit of the same spelling lands beside it instead of replacing it, and which of the two
 * wins depends on the ids' order. Of the aliases that now share an id, the one saved last is the
 * assessor's choice and stays; on a tie, the later in the list.
 */
export function foldAliasKeys<T extends AliasRecord>(aliases: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const alias of aliases) {
    const id = aliasId(alias);
    const kept = byId.get(id);
    if (!kept || kept.updatedAt <= alias.updatedAt) byId.set(id, { ...alias, id });
  }
  return [...byId.values()];
}
