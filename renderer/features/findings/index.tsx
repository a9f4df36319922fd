import type { FindingGroup } from '../../../shared/findings';
import { resolveFindingSettings } from '../../../shared/findings';
import type { Finding } from '../../../shared/model';
import { useCommandKeys } from '../../ui/commands';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { AssessorTodo } from './AssessorTodo';
import { FINDINGS_COMMANDS } from './commands';
import { FindingsDialogs } from './FindingDialogs';
import { FindingFilters } from './FindingFilters';
import { FindingList, type FindingListActions } from './FindingList';
import { FindingsHeader, FindingsToolbar } from './FindingsToolbar';
import { RoadmapView } from './Roadmap';
import { useFindingsWorkspace } from './useFindingsWorkspace';
import './findings.css';

function FindingsWorkspace({ assessment }: WorkspaceProps) {
  const workspace = useFindingsWorkspace(assessment);
  const { all, commands } = workspace;
  useCommandKeys(FINDINGS_COMMANDS, commands);
  const { quarterCapacity } = resolveFindingSettings(assessment.findingSettings);

  return (
    <section ref={workspace.root} className="workspace findings-workspace" aria-labelledby="findings-title">
      <FindingsHeader all={all} state={commands} />
      <FindingsToolbar state={commands} />
      {commands.view === 'list' ? (
        <>
          <FindingFilters
            filter={workspace.filter}
            onFilter={workspace.setFilter}
            group={workspace.group}
            onGroup={workspace.setGroup}
            searchRef={workspace.search}
          />
          {workspace.loaded && (
            <FindingSections
              assessmentId={assessment.id}
              all={all}
              groups={workspace.groups}
              selected={workspace.selected}
              actions={workspace.list}
            />
          )}
        </>
      ) : commands.view === 'todo' ? (
        <AssessorTodo assessment={assessment} />
      ) : (
        <RoadmapView findings={all} quarterCapacity={quarterCapacity} />
      )}
      <FindingsDialogs
        assessmentId={assessment.id}
        dialog={workspace.dialog}
        onClose={workspace.closeDialog}
        onMerged={workspace.onMerged}
      />
    </section>
  );
}

/** The list, one section per group (a single unlabelled one in report order). */
function FindingSections({
  assessmentId,
  all,
  groups,
  selected,
  actions,
}: {
  assessmentId: string;
  all: Finding[];
  groups: FindingGroup[];
  selected: ReadonlySet<string>;
  actions: FindingListActions;
}) {
  return groups.map(({ key, label, findings }) => (
    <section key={key} className="finding-group" aria-label={label ?? 'Findings'}>
      {label && (
        <h2 className="finding-group-title">
          {label} <span className="findings-summary">{findings.length}</span>
        </h2>
      )}
      <FindingList
        assessmentId={assessmentId}
        all={all}
        visible={findings}
        selected={selected}
        actions={actions}
      />
    </section>
  ));
}

export const findingsWorkspace: WorkspaceDefinition = {
  id: 'findings',
  label: 'Findings',
  component: FindingsWorkspace,
};
