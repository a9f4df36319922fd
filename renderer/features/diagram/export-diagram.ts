import { renderDiagramSvg, type DiagramSvgData } from '../../../shared/diagram';
import { slugify } from '../../../shared/model';
import { platform } from '../../platform';
import { svgToPng } from '../../ui/svg-to-png';

export async function exportDiagram(
  format: 'svg' | 'png',
  data: DiagramSvgData,
  baseName: string,
): Promise<boolean> {
  const svg = renderDiagramSvg(data);
  const bytes: Uint8Array<ArrayBuffer> =
    format === 'svg' ? new TextEncoder().encode(svg) : (await svgToPng(svg)).bytes;
  const result = await platform().saveFile({
    title: `Export the diagram as ${format.toUpperCase()}`,
    suggestedName: `${slugify(baseName) || 'diagram'}-zones.${format}`,
    filters: [{ name: format.toUpperCase(), extensions: [format] }],
    data: bytes,
  });
  return result.saved;
}
