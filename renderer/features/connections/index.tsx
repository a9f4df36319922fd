import type { WorkspaceDefinition } from '../../ui/workspace';
import { ConnectionsWorkspace } from './ConnectionsWorkspace';

export const connectionsWorkspace: WorkspaceDefinition = {
  id: 'connections',
  label: 'Connections',
  component: ConnectionsWorkspace,
};
