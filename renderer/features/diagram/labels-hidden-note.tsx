import { useEffect, useState } from 'react';
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import type { DiagramCommandState } from './commands';
import { LABEL_ZOOM, labelsHiddenSelector } from './context';

/**
 * Zoomed out past where conduit labels stay legible the canvas stops drawing them; this note says
 * so while it lasts, and offers the way back: fold the side panels and fit again (the canvas
 * then has room for them), or, with both already folded, zoom in to where they are drawn.
 */
export function LabelsHiddenNote({ commandState }: { commandState: DiagramCommandState }) {
  const hidden = useStore(labelsHiddenSelector);
  const flow = useReactFlow();
  const { panels, togglePanel, fitView, state } = commandState;
  const [refit, setRefit] = useState(false);
  // Fit once the folded panels have given their room to the canvas (after the render that folds them).
  useEffect(() => {
    if (!refit) return;
    setRefit(false);
    fitView();
  }, [refit, panels, fitView]);
  if (!hidden || state.conduits.length === 0) return null;
  const open = panels.assets || panels.side;
  const act = () => {
    if (!open) {
      void flow.zoomTo(LABEL_ZOOM * 1.05, { duration: 200 });
      return;
    }
    if (panels.assets) togglePanel('assets');
    if (panels.side) togglePanel('side');
    setRefit(true);
  };
  return (
    <Panel position="top-left" className="labels-hidden-note" data-testid="labels-hidden-note">
      <span role="status">
        Labels hidden at this zoom –{' '}
        {open ? (
          <>
            zoom in or fold a panel <kbd>([ / ])</kbd>
          </>
        ) : (
          'zoom in to show them'
        )}
      </span>
      <button type="button" className="button button-small" onClick={act}>
        {open ? 'Fold panels' : 'Zoom in'}
      </button>
    </Panel>
  );
}
