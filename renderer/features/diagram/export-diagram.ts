import { renderDiagramSvg, type DiagramSvgData } from '../../../shared/diagram';
import { slugify } from '../../../shared/model';
import { platform } from '../../platform';

/** The SVG rasterised on a canvas, at `scale` times its size, as PNG bytes. */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array<ArrayBuffer>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the PNG.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The PNG could not be made.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportDiagram(
  format: 'svg' | 'png',
  data: DiagramSvgData,
  baseName: string,
): Promise<boolean> {
  const svg = renderDiagramSvg(data);
  const bytes: Uint8Array<ArrayBuffer> =
    format === 'svg' ? new TextEncoder().encode(svg) : await svgToPng(svg);
  const result = await platform().saveFile({
    title: `Export the diagram as ${format.toUpperCase()}`,
    suggestedName: `${slugify(baseName) || 'diagram'}-zones.${format}`,
    filters: [{ name: format.toUpperCase(), extensions: [format] }],
    data: bytes,
  });
  return result.saved;
}
