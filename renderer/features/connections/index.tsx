import type { WorkspaceDefinition } from '../../ui/workspace';
import { ConnectionsWorkspace } from './ConnectionsWorkspace';
import { undocumentedOverlay } from './diagram-overlay';

export const connectionsWorkspace: WorkspaceDefinition = {
  id: 'connections',
  label: 'Connections',
  component: ConnectionsWorkspace,
  diagram: { overlay: undocumentedOverlay },
  takesFiles: ['capture'],
};
