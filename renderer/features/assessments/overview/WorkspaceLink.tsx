import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { setNavIntent } from '../../../ui/nav-intent';

interface Props {
  assessmentId: string;
  workspace: string;
  /** What the workspace should open on (a zone, a tab, a filter). */
  focus?: Readonly<Record<string, string>>;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A link into another workspace of this assessment, opening it where the link points. */
export function WorkspaceLink({ assessmentId, workspace, focus, className, testId, children }: Props) {
  return (
    <Link
      href={`/a/${assessmentId}/${workspace}`}
      className={className}
      data-testid={testId}
      onClick={() => setNavIntent(workspace, focus ?? {})}
    >
      {children}
    </Link>
  );
}
