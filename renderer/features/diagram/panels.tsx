import { useCallback, useState } from 'react';
import type { DiagramPanels } from './commands';

const PANELS_SETTING = 'conduit.diagram.panels';

/** Which side panels are open, remembered on this machine across sessions. */
export function usePanels(): [DiagramPanels, (panel: keyof DiagramPanels) => void] {
  const [panels, setPanels] = useState<DiagramPanels>(() => {
    try {
      const stored = JSON.parse(
        localStorage.getItem(PANELS_SETTING) ?? 'null',
      ) as Partial<DiagramPanels> | null;
      return { assets: stored?.assets !== false, side: stored?.side !== false };
    } catch {
      return { assets: true, side: true };
    }
  });
  const toggle = useCallback((panel: keyof DiagramPanels) => {
    setPanels((current) => {
      const next = { ...current, [panel]: !current[panel] };
      localStorage.setItem(PANELS_SETTING, JSON.stringify(next));
      return next;
    });
  }, []);
  return [panels, toggle];
}

/** A closed panel: a slim rail that opens it again. */
export function PanelRail({
  label,
  onOpen,
  side,
}: {
  label: string;
  onOpen: () => void;
  side: 'left' | 'right';
}) {
  return (
    <div className={`panel-rail panel-rail-${side}`}>
      <button
        type="button"
        className="button button-ghost button-small"
        aria-label={label}
        title={label}
        onClick={onOpen}
      >
        {side === 'left' ? '›' : '‹'}
      </button>
    </div>
  );
}
