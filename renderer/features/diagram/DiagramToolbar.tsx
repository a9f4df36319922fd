import { DIAGRAM_TEMPLATE_LABELS, type DiagramTemplateId } from '../../../shared/diagram';

interface DiagramToolbarProps {
  editable: boolean;
  hasSelection: boolean;
  hasZones: boolean;
  canUndo: boolean;
  canRedo: boolean;
  snap: boolean;
  onSnapChange: (snap: boolean) => void;
  onAddZone: () => void;
  onDelete: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onFitView: () => void;
  onTemplate: (template: DiagramTemplateId) => void;
  onExport: (format: 'svg' | 'png') => void;
}

export function DiagramToolbar({
  editable,
  hasSelection,
  hasZones,
  canUndo,
  canRedo,
  snap,
  onSnapChange,
  onAddZone,
  onDelete,
  onUndo,
  onRedo,
  onAutoLayout,
  onFitView,
  onTemplate,
  onExport,
}: DiagramToolbarProps) {
  return (
    <div className="toolbar diagram-toolbar" role="toolbar" aria-label="Diagram tools">
      <button
        type="button"
        className="button button-small button-primary"
        onClick={onAddZone}
        disabled={!editable}
      >
        Add zone
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={onDelete}
        disabled={!editable || !hasSelection}
      >
        Delete
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={onUndo}
        disabled={!canUndo}
        title="Ctrl+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={onRedo}
        disabled={!canRedo}
        title="Ctrl+Shift+Z"
      >
        Redo
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={onAutoLayout}
        disabled={!editable || !hasZones}
      >
        Auto-layout
      </button>
      <button type="button" className="button button-small" onClick={onFitView}>
        Fit view
      </button>
      <label className="checkbox">
        <input type="checkbox" checked={snap} onChange={(e) => onSnapChange(e.target.checked)} /> Snap to grid
      </label>
      <select
        className="select select-small"
        aria-label="Apply a template"
        disabled={!editable}
        value=""
        onChange={(e) => {
          const template = e.target.value as DiagramTemplateId;
          if (template) onTemplate(template);
        }}
      >
        <option value="">Template…</option>
        {(Object.keys(DIAGRAM_TEMPLATE_LABELS) as DiagramTemplateId[]).map((id) => (
          <option key={id} value={id}>
            {DIAGRAM_TEMPLATE_LABELS[id]}
          </option>
        ))}
      </select>
      <span className="spacer" />
      <button type="button" className="button button-small" onClick={() => onExport('svg')}>
        Export SVG
      </button>
      <button type="button" className="button button-small" onClick={() => onExport('png')}>
        Export PNG
      </button>
    </div>
  );
}
