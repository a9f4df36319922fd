import regularUrl from '../../../assets/fonts/DejaVuSans.ttf?url';
import boldUrl from '../../../assets/fonts/DejaVuSans-Bold.ttf?url';
import fallbackUrl from '../../../assets/fonts/DroidSansFallbackFull.ttf?url';
import type { ReportFonts, ReportImage } from '../../../shared/report';

let fonts: Promise<ReportFonts> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the report font ${url} could not be loaded (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The report's fonts, shipped with the app (fetched from its own origin, once). */
export function loadReportFonts(): Promise<ReportFonts> {
  fonts ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl), fetchBytes(fallbackUrl)]).then(
    ([regular, bold, fallback]) => ({ regular, bold, fallback }),
    (error: unknown) => {
      fonts = null;
      throw error;
    },
  );
  return fonts;
}

/** Rasterises an SVG document to PNG through a canvas, at `scale` times its own size. */
export async function svgToPng(svg: string, scale = 2): Promise<ReportImage> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const width = Math.max(1, Math.round(image.naturalWidth * scale));
    const height = Math.max(1, Math.round(image.naturalHeight * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the diagram could not be turned into a PNG');
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
