import type { WorkspaceDefinition } from '../workspace';
import { NotBuiltYet } from '../../ui/NotBuiltYet';

function RequirementsWorkspace() {
  return (
    <NotBuiltYet
      title="Requirements"
      plan="Walk each zone through the IEC 62443-3-3 system requirements and enhancements its target level calls for, with notes and photo evidence, and see the achieved level and the gap."
    />
  );
}

export const requirementsWorkspace: WorkspaceDefinition = {
  id: 'requirements',
  label: 'Requirements',
  component: RequirementsWorkspace,
};
