/**
 * Rebuilds a derived value per key only when one of its inputs changed (compared with Object.is,
 * like a hook's dependency list), so that unchanged items keep their identity and memoised
 * children skip their render. Values of keys that went away are dropped.
 */
export class KeyedCache<V> {
  private entries = new Map<string, { inputs: readonly unknown[]; value: V }>();

  update<T>(
    items: readonly T[],
    key: (item: T) => string,
    inputs: (item: T) => readonly unknown[],
    build: (item: T) => V,
  ): Map<string, V> {
    const next = new Map<string, { inputs: readonly unknown[]; value: V }>();
    const values = new Map<string, V>();
    for (const item of items) {
      const id = key(item);
      const wanted = inputs(item);
      const previous = this.entries.get(id);
      const same =
        previous !== undefined &&
        previous.inputs.length === wanted.length &&
        previous.inputs.every((input, i) => Object.is(input, wanted[i]));
      const value = same ? previous.value : build(item);
      next.set(id, { inputs: wanted, value });
      values.set(id, value);
    }
    this.entries = next;
    return values;
  }
}
