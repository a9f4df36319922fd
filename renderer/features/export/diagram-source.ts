import type { AssessmentData } from '../../../shared/model';

/**
 * The zone diagram as SVG text for the bundle, or null when there is none to draw.
 * HOOK: the diagram's SVG renderer (shared/analysis) is not on this branch yet; until it is,
 * the bundle carries no diagram files and the report draws the zones itself.
 */
export function diagramSvgOf(_data: AssessmentData): string | null {
  return null;
}
