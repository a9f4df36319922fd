import { useCallback, useEffect, useRef, useState } from 'react';
import type { Asset } from '../../../shared/model';
import { readAssetPage } from '../../db/inventory';

/** Assets read per IndexedDB request: small enough that no one read blocks the page for long. */
const PAGE_SIZE = 4000;

export const INVENTORY_LOADED_MARK = 'conduit:inventory-loaded';

/**
 * An assessment's assets in memory. They are read page by page, yielding between pages, so even
 * 100,000 of them load without a long task; the list is replaced in one step once all are read.
 * Edits made here patch the list instead of reading it all again.
 */
export function useInventory(assessmentId: string) {
  const [assets, setAssets] = useState<Asset[] | undefined>(undefined);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const all: Asset[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await readAssetPage(assessmentId, offset, PAGE_SIZE);
      if (mine !== generation.current) return;
      for (const asset of page) all.push(asset);
      if (page.length < PAGE_SIZE) break;
      await new Promise((r) => setTimeout(r, 0));
    }
    setAssets(all);
    performance.mark(INVENTORY_LOADED_MARK, { detail: { count: all.length } });
  }, [assessmentId]);

  useEffect(() => {
    void reload();
    const counter = generation;
    return () => {
      counter.current++;
    };
  }, [reload]);

  /** Replaces the given assets (by id) in the list, or appends them when new. */
  const patch = useCallback((changed: Asset[]) => {
    const byId = new Map(changed.map((a) => [a.id, a]));
    setAssets((current) => {
      if (!current) return current;
      const next = current.map((a) => {
        const replacement = byId.get(a.id);
        if (replacement) byId.delete(a.id);
        return replacement ?? a;
      });
      return byId.size > 0 ? [...next, ...byId.values()] : next;
    });
  }, []);

  /** Takes a complete list (an import's result) instead of reading the table again. */
  const replace = useCallback((next: Asset[]) => {
    generation.current++;
    setAssets(next);
    performance.mark(INVENTORY_LOADED_MARK, { detail: { count: next.length } });
  }, []);

  return { assets, reload, patch, replace };
}
