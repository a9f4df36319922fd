import type { ComponentType } from 'react';
import type { Assessment } from '../../shared/model';
import type { AssetDetailSection } from './asset-detail-contributions';
import type { DiagramContribution } from './diagram-contributions';

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
}
