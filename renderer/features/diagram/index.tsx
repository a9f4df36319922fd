import type { WorkspaceDefinition } from '../../ui/workspace';
import { DiagramWorkspace } from './DiagramWorkspace';

export const diagramWorkspace: WorkspaceDefinition = {
  id: 'diagram',
  label: 'Diagram',
  component: DiagramWorkspace,
};
