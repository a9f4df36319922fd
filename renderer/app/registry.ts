import { overviewWorkspace } from '../features/assessments/OverviewWorkspace';
import { connectionsWorkspace } from '../features/connections';
import { diagramWorkspace } from '../features/diagram';
import { exportWorkspace } from '../features/export';
import { findingsWorkspace } from '../features/findings';
import { inventoryWorkspace } from '../features/inventory';
import { requirementsWorkspace } from '../features/requirements';
import { riskWorkspace } from '../features/risk';
import { mergeDiagramContributions } from '../ui/diagram-contributions';
import { vulnerabilitiesWorkspace } from '../features/vulnerabilities';
import type { WorkspaceDefinition } from '../ui/workspace';

/** The open assessment's workspaces, in navigation order. */
export const WORKSPACES: WorkspaceDefinition[] = [
  overviewWorkspace,
  inventoryWorkspace,
  diagramWorkspace,
  requirementsWorkspace,
  riskWorkspace,
  connectionsWorkspace,
  vulnerabilitiesWorkspace,
  findingsWorkspace,
  exportWorkspace,
];

/** What the workspaces add to the diagram, handed to it by the shell. */
export const DIAGRAM_CONTRIBUTIONS = mergeDiagramContributions(WORKSPACES.map((w) => w.diagram));

/** What the workspaces add to the inventory's asset detail, handed to it by the shell. */
export const ASSET_DETAIL_SECTIONS = WORKSPACES.flatMap((w) => (w.assetDetail ? [w.assetDetail] : []));
