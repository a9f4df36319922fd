import type { ComponentType } from 'react';
import type { Assessment } from '../../shared/model';
import type { AssetDetailSection } from './asset-detail-contributions';
import type { DiagramContribution } from './diagram-contributions';
import type { HandedFileKind } from './file-handoff';

/** What every workspace of an open assessment receives. */
export interface WorkspaceProps {
  assessment: Assessment;
}

export interface WorkspaceDefinition {
  /** The URL segment: #/a/<assessment id>/<id>. */
  id: string;
  label: string;
  component: ComponentType<WorkspaceProps>;
  /** What this workspace draws on the diagram, if anything. */
  diagram?: DiagramContribution;
  /** What this workspace shows in the inventory's asset detail, if anything. */
  assetDetail?: AssetDetailSection;
  /** Kinds of file it imports when another workspace is given one (see file-handoff.ts). */
  takesFiles?: readonly HandedFileKind[];
}
