import type { WorkspaceDefinition } from '../workspace';
import { NotBuiltYet } from '../../ui/NotBuiltYet';

function DiagramWorkspace() {
  return (
    <NotBuiltYet
      title="Diagram"
      plan="Draw the plant's zones and conduits, set each zone's target security level, and place assets in zones, with live model checks."
    />
  );
}

export const diagramWorkspace: WorkspaceDefinition = {
  id: 'diagram',
  label: 'Diagram',
  component: DiagramWorkspace,
};
