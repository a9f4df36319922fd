import { createContext, useContext, type ComponentType } from 'react';

/**
 * What other workspaces show in the inventory's asset detail (the vulnerabilities' advisories).
 * The inventory imports no other feature: each one declares its section in its WorkspaceDefinition,
 * and the app shell hands the inventory the lot, in navigation order.
 */
export interface AssetDetailSection {
  /** The section's heading, also its accessible name. */
  title: string;
  Section: ComponentType<{ assessmentId: string; assetId: string }>;
}

export const AssetDetailSectionsContext = createContext<readonly AssetDetailSection[]>([]);

export function useAssetDetailSections(): readonly AssetDetailSection[] {
  return useContext(AssetDetailSectionsContext);
}
