import { useEffect, useMemo, useState } from 'react';
import type { MeasureText } from '../../../shared/diagram';
import type { DiagramMeasures } from './context';

/**
 * Text widths as the canvas draws them: a 2D canvas context measuring with the element's own font
 * family and weight, each (size, text) measured once. Returns null until that font has loaded,
 * so nothing is placed with a fallback font's widths.
 */
function useTextMeasure(weight: 400 | 700): MeasureText | null {
  const [measure, setMeasure] = useState<MeasureText | null>(null);
  useEffect(() => {
    let live = true;
    const family = getComputedStyle(document.body).fontFamily;
    void document.fonts.load(`${weight} 12px ${family}`).then(() => {
      if (live) setMeasure(() => canvasMeasure(family, weight));
    });
    return () => {
      live = false;
    };
  }, [weight]);
  return measure;
}

function canvasMeasure(family: string, weight: number): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, fontSize) => {
    const key = `${fontSize}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (!context) return text.length * fontSize * 0.6;
      context.font = `${weight} ${fontSize}px ${family}`;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}

/** The conduit labels' and the zone names' measures, once both fonts have loaded. */
export function useDiagramMeasures(): DiagramMeasures | null {
  const label = useTextMeasure(400);
  const zoneName = useTextMeasure(700);
  return useMemo(() => (label && zoneName ? { label, zoneName } : null), [label, zoneName]);
}
