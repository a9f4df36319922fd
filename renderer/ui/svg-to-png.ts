export interface PngImage {
  bytes: Uint8Array<ArrayBuffer>;
  /** Pixel size, to keep the aspect ratio. */
  width: number;
  height: number;
}

export interface PngOptions {
  /** Pixels per SVG unit (2: sharp on a high-density screen and in print). */
  scale?: number;
  /** A colour to paint under the drawing (the report's white page); null keeps it transparent. */
  background?: string | null;
}

/** Rasterises an SVG document through a canvas, at `scale` times its own size, as PNG. */
export async function svgToPng(
  svg: string,
  { scale = 2, background = null }: PngOptions = {},
): Promise<PngImage> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const width = Math.max(1, Math.ceil(image.naturalWidth * scale));
    const height = Math.max(1, Math.ceil(image.naturalHeight * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    if (background !== null) {
      context.fillStyle = background;
      context.fillRect(0, 0, width, height);
    }
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The drawing could not be turned into a PNG.');
    return { bytes: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
