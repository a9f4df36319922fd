import { CaptureAnalyzer, type CaptureSummary } from '../../shared/traffic/analyzer';

export interface ReadFigures {
  bytes: number;
  seconds: number;
  summary: CaptureSummary;
}

/**
 * The timed reader loop on its own, pure (no Node built-ins) so a browser Worker benchmark can run it on
 * Blob slices (shared/traffic/blob-chunks.ts) exactly as the Node benchmark runs it on a file stream.
 */
export async function readChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<ReadFigures> {
  const analyzer = new CaptureAnalyzer();
  const start = performance.now();
  for await (const chunk of chunks) analyzer.push(chunk);
  const summary = analyzer.finish();
  return { bytes: analyzer.bytesConsumed, seconds: (performance.now() - start) / 1000, summary };
}
