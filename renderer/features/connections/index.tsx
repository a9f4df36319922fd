import type { WorkspaceDefinition } from '../workspace';
import { NotBuiltYet } from '../../ui/NotBuiltYet';

function ConnectionsWorkspace() {
  return (
    <NotBuiltYet
      title="Connections"
      plan="Record the undocumented connections found on the walk-down, and reconcile the plant's observed traffic against the documented conduits."
    />
  );
}

export const connectionsWorkspace: WorkspaceDefinition = {
  id: 'connections',
  label: 'Connections',
  component: ConnectionsWorkspace,
};
