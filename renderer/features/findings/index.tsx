import type { WorkspaceDefinition } from '../workspace';
import { NotBuiltYet } from '../../ui/NotBuiltYet';

function FindingsWorkspace() {
  return (
    <NotBuiltYet
      title="Findings"
      plan="Review the findings generated from the assessment, add your own, and place them on the first-year roadmap."
    />
  );
}

export const findingsWorkspace: WorkspaceDefinition = {
  id: 'findings',
  label: 'Findings',
  component: FindingsWorkspace,
};
