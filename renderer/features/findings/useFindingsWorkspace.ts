import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  findingMatches,
  groupFindings,
  steppedId,
  toggled,
  type FindingFilter,
  type FindingGrouping,
  type ListStep,
} from '../../../shared/findings';
import { SEVERITIES, type Assessment, type Finding } from '../../../shared/model';
import {
  findingsHistory,
  listFindings,
  redoFindings,
  regenerateFindings,
  undoFindings,
} from '../../db/findings';
import { runHistoryStep } from '../../ui/history-step';
import { notify } from '../../ui/notices';
import { useNavIntent } from '../../ui/nav-intent';
import type { FindingsCommandState, FindingsDialog, FindingsView } from './commands';
import type { FindingListActions } from './FindingList';

/** Generating findings: once when the workspace opens (to bring them up to date), and on request. */
function useRegeneration(assessmentId: string) {
  const [busy, setBusy] = useState(false);
  const regenerate = useCallback(
    async (announce: boolean) => {
      setBusy(true);
      try {
        const result = await regenerateFindings(assessmentId);
        if (announce)
          notify(
            'success',
            `Findings regenerated: ${result.added.length} new, ${result.updated.length} refreshed, ${result.removed.length} no longer apply`,
          );
      } catch (error) {
        notify('error', 'The findings could not be generated', [(error as Error).message]);
      } finally {
        setBusy(false);
      }
    },
    [assessmentId],
  );
  useEffect(() => {
    void regenerate(false);
  }, [regenerate]);
  return { busy, regenerate };
}

/** The list's filter, starting from the severity a link asked for (the Overview's counts link here). */
function useFindingFilter() {
  const intent = useNavIntent('findings');
  return useState<FindingFilter>(() => ({
    severity: SEVERITIES.find((s) => s === intent.severity) ?? 'all',
    phase: 'all',
    status: 'open',
    text: '',
  }));
}

/** The Findings workspace's state: the stored findings, what the list shows, the selection and the open dialog. */
export function useFindingsWorkspace(assessment: Assessment) {
  const findings = useLiveQuery(() => listFindings(assessment.id), [assessment.id]);
  const history = useLiveQuery(() => findingsHistory(assessment.id), [assessment.id]);
  const all = useMemo(() => findings ?? [], [findings]);
  const [view, setView] = useState<FindingsView>('list');
  const [filter, setFilter] = useFindingFilter();
  const [group, setGroup] = useState<FindingGrouping>('none');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<FindingsDialog | null>(null);
  const { busy, regenerate } = useRegeneration(assessment.id);
  const root = useRef<HTMLElement>(null);
  const search = useRef<HTMLInputElement>(null);

  const visible = useMemo(() => all.filter((f) => findingMatches(f, filter)), [all, filter]);
  const groups = useMemo(() => groupFindings(visible, group), [visible, group]);

  const commands: FindingsCommandState = {
    view,
    busy,
    chosen: all.filter((f) => selected.has(f.id)),
    history: history ?? { undo: null, redo: null },
    setView,
    regenerate: () => void regenerate(true),
    open: setDialog,
    focusSearch: () => search.current?.focus(),
    clearSelection: () => setSelected(new Set()),
    undo: () => runHistoryStep(() => undoFindings(assessment.id), 'Undone'),
    redo: () => runHistoryStep(() => redoFindings(assessment.id), 'Redone'),
  };

  const shownIds = groups.flatMap((g) => g.findings.map((f) => f.id));
  const list: FindingListActions = {
    toggleSelected: (id) => setSelected((current) => toggled(current, id)),
    edit: (finding) => setDialog({ kind: 'edit', finding }),
    dismiss: (finding) => setDialog({ kind: 'dismiss', finding }),
    focus: (from, step: ListStep) => {
      const id = steppedId(shownIds, from, step);
      if (id) root.current?.querySelector<HTMLElement>(`[data-finding-id="${CSS.escape(id)}"]`)?.focus();
    },
  };

  const onMerged = (merged: Finding) => {
    setDialog(null);
    setSelected(new Set());
    notify('success', `Merged into “${merged.title}”`);
  };

  return {
    loaded: findings !== undefined,
    all,
    groups,
    filter,
    setFilter,
    group,
    setGroup,
    selected,
    dialog,
    closeDialog: () => setDialog(null),
    onMerged,
    commands,
    list,
    root,
    search,
  };
}
