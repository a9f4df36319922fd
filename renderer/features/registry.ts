import { overviewWorkspace } from './assessments/OverviewWorkspace';
import { connectionsWorkspace } from './connections';
import { diagramWorkspace } from './diagram';
import { exportWorkspace } from './export';
import { findingsWorkspace } from './findings';
import { inventoryWorkspace } from './inventory';
import { requirementsWorkspace } from './requirements';
import type { WorkspaceDefinition } from './workspace';

/** The open assessment's workspaces, in navigation order. */
export const WORKSPACES: WorkspaceDefinition[] = [
  overviewWorkspace,
  inventoryWorkspace,
  diagramWorkspace,
  requirementsWorkspace,
  connectionsWorkspace,
  findingsWorkspace,
  exportWorkspace,
];
