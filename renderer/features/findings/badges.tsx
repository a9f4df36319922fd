import { SEVERITY_LABELS } from '../../../shared/findings';
import { PROGRAM_PHASE_LABELS, type ProgramPhase, type Severity } from '../../../shared/model';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge severity severity-${severity}`} data-testid="severity">
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

export function PhaseBadge({ phase }: { phase: ProgramPhase }) {
  return (
    <span className="badge phase-badge" title={PROGRAM_PHASE_LABELS[phase]} data-testid="phase">
      Phase {phase} · {PROGRAM_PHASE_LABELS[phase]}
    </span>
  );
}
