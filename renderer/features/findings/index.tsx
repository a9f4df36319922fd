import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import {
  PROGRAM_PHASE_LABELS,
  PROGRAM_PHASES,
  SEVERITIES,
  type Finding,
  type ProgramPhase,
  type Severity,
} from '../../../shared/model';
import { resolveFindingSettings, roadmapCounts, ROADMAP_SLOT_LABELS } from '../../../shared/findings';
import { listFindings, regenerateFindings } from '../../db/findings';
import { notify } from '../../ui/notices';
import { useNavIntent } from '../../ui/nav-intent';
import type { WorkspaceDefinition, WorkspaceProps } from '../../ui/workspace';
import { SEVERITY_LABELS } from './badges';
import { DismissDialog, FindingDialog, MergeDialog } from './FindingDialogs';
import { FindingList } from './FindingList';
import { Roadmap } from './Roadmap';
import { AssessorTodo } from './AssessorTodo';
import './findings.css';
import { matchesWords, searchWords } from '../../../shared/text/search';

type Dialog =
  | { kind: 'edit'; finding: Finding | null }
  | { kind: 'dismiss'; finding: Finding }
  | { kind: 'merge'; findings: Finding[] }
  | null;

interface Filter {
  severity: Severity | 'all';
  phase: ProgramPhase | 'all';
  status: 'open' | 'dismissed' | 'all';
  text: string;
}

function matches(finding: Finding, filter: Filter): boolean {
  if (filter.severity !== 'all' && finding.severity !== filter.severity) return false;
  if (filter.phase !== 'all' && finding.phase !== filter.phase) return false;
  if (filter.status !== 'all' && finding.status !== filter.status) return false;
  return matchesWords(searchWords(filter.text), [finding.title, finding.description]);
}

type Grouping = 'none' | 'phase' | 'severity';

/** Sections of the list; each keeps the report order inside it, so moves stay within a section. */
function groupFindings(
  findings: Finding[],
  grouping: Grouping,
): { key: string; label: string | null; findings: Finding[] }[] {
  if (grouping === 'none' || findings.length === 0) return [{ key: 'all', label: null, findings }];
  const keys: readonly (Severity | ProgramPhase)[] = grouping === 'phase' ? PROGRAM_PHASES : SEVERITIES;
  return keys.flatMap((key) => {
    const members = findings.filter((f) => (grouping === 'phase' ? f.phase : f.severity) === key);
    const label =
      typeof key === 'number' ? `Phase ${key} · ${PROGRAM_PHASE_LABELS[key]}` : SEVERITY_LABELS[key];
    return members.length > 0 ? [{ key: String(key), label, findings: members }] : [];
  });
}

function FindingsWorkspace({ assessment }: WorkspaceProps) {
  const findings = useLiveQuery(() => listFindings(assessment.id), [assessment.id]);
  const [view, setView] = useState<'list' | 'roadmap' | 'todo'>('list');
  const intent = useNavIntent('findings');
  const [filter, setFilter] = useState<Filter>(() => ({
    severity: SEVERITIES.find((s) => s === intent.severity) ?? 'all',
    phase: 'all',
    status: 'open',
    text: '',
  }));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [group, setGroup] = useState<Grouping>('none');

  async function regenerate(announce: boolean) {
    setBusy(true);
    try {
      const result = await regenerateFindings(assessment.id);
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
  }

  // Opening the workspace brings the findings up to date with the assessment.
  useEffect(() => {
    void regenerate(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assessment.id]);

  const all = useMemo(() => findings ?? [], [findings]);
  const visible = useMemo(() => all.filter((f) => matches(f, filter)), [all, filter]);
  const chosen = all.filter((f) => selected.has(f.id));
  const open = all.filter((f) => f.status === 'open');
  const { quarterCapacity } = resolveFindingSettings(assessment.findingSettings);
  const counts = roadmapCounts(all, { quarterCapacity });

  return (
    <section className="workspace findings-workspace" aria-labelledby="findings-title">
      <div className="findings-header">
        <h1 id="findings-title">Findings</h1>
        <span className="findings-summary" data-testid="findings-summary">
          {open.length} open · {all.length - open.length} dismissed
        </span>
        <div className="spacer" />
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            List
          </button>
          <button type="button" aria-pressed={view === 'roadmap'} onClick={() => setView('roadmap')}>
            Roadmap
          </button>
          <button type="button" aria-pressed={view === 'todo'} onClick={() => setView('todo')}>
            Assessor to-do
          </button>
        </div>
      </div>
      <div className="toolbar">
        <button type="button" className="button" disabled={busy} onClick={() => void regenerate(true)}>
          {busy ? 'Generating…' : 'Regenerate'}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setDialog({ kind: 'edit', finding: null })}
        >
          Add finding
        </button>
        {view === 'list' && (
          <button
            type="button"
            className="button"
            disabled={chosen.length < 2}
            onClick={() => setDialog({ kind: 'merge', findings: chosen })}
          >
            Merge selected{chosen.length > 0 ? ` (${chosen.length})` : ''}
          </button>
        )}
      </div>
      {view === 'list' ? (
        <>
          <div className="toolbar findings-filter" role="search" aria-label="Filter findings">
            <input
              className="input"
              type="search"
              placeholder="Search title and description"
              aria-label="Search findings"
              value={filter.text}
              onChange={(e) => setFilter({ ...filter, text: e.target.value })}
            />
            <select
              className="select"
              aria-label="Severity"
              value={filter.severity}
              onChange={(e) => setFilter({ ...filter, severity: e.target.value as Filter['severity'] })}
            >
              <option value="all">All severities</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s]}
                </option>
              ))}
            </select>
            <select
              className="select"
              aria-label="Phase"
              value={filter.phase}
              onChange={(e) =>
                setFilter({
                  ...filter,
                  phase: e.target.value === 'all' ? 'all' : (Number(e.target.value) as ProgramPhase),
                })
              }
            >
              <option value="all">All phases</option>
              {PROGRAM_PHASES.map((p) => (
                <option key={p} value={p}>
                  {p}. {PROGRAM_PHASE_LABELS[p]}
                </option>
              ))}
            </select>
            <select
              className="select"
              aria-label="Group by"
              value={group}
              onChange={(e) => setGroup(e.target.value as Grouping)}
            >
              <option value="none">Report order</option>
              <option value="phase">By phase</option>
              <option value="severity">By severity</option>
            </select>
            <select
              className="select"
              aria-label="Status"
              value={filter.status}
              onChange={(e) => setFilter({ ...filter, status: e.target.value as Filter['status'] })}
            >
              <option value="open">Open</option>
              <option value="dismissed">Dismissed</option>
              <option value="all">Open and dismissed</option>
            </select>
          </div>
          {findings === undefined
            ? null
            : groupFindings(visible, group).map(({ key, label, findings: members }) => (
                <section key={key} className="finding-group" aria-label={label ?? 'Findings'}>
                  {label && (
                    <h2 className="finding-group-title">
                      {label} <span className="findings-summary">{members.length}</span>
                    </h2>
                  )}
                  <FindingList
                    assessmentId={assessment.id}
                    all={all}
                    visible={members}
                    selected={selected}
                    onToggle={(id) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (next.has(id)) next.delete(id);
                        else next.add(id);
                        return next;
                      })
                    }
                    onEdit={(finding) => setDialog({ kind: 'edit', finding })}
                    onDismiss={(finding) => setDialog({ kind: 'dismiss', finding })}
                  />
                </section>
              ))}
        </>
      ) : view === 'todo' ? (
        <AssessorTodo assessment={assessment} />
      ) : (
        <>
          <p className="findings-hint">
            Suggested from each finding’s phase, severity and effort along the first year
            {quarterCapacity !== null ? `, at most ${quarterCapacity} effort points a quarter` : ''}; drag a
            bar or pick a quarter to change it.{' '}
            {Object.entries(counts)
              .map(([slot, n]) => `${ROADMAP_SLOT_LABELS[slot as keyof typeof counts]}: ${n}`)
              .join(' · ')}
          </p>
          <Roadmap findings={all} quarterCapacity={quarterCapacity} />
        </>
      )}
      {dialog?.kind === 'edit' && (
        <FindingDialog
          assessmentId={assessment.id}
          finding={dialog.finding}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'dismiss' && (
        <DismissDialog finding={dialog.finding} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'merge' && (
        <MergeDialog
          findings={dialog.findings}
          onClose={() => setDialog(null)}
          onMerged={(merged) => {
            setDialog(null);
            setSelected(new Set());
            notify('success', `Merged into “${merged.title}”`);
          }}
        />
      )}
    </section>
  );
}

export const findingsWorkspace: WorkspaceDefinition = {
  id: 'findings',
  label: 'Findings',
  component: FindingsWorkspace,
};
