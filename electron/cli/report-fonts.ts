import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ReportFonts } from '../../shared/report';

const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

/** The report's fonts from assets/fonts: DejaVu Sans, with Droid Sans Fallback for CJK. */
export async function loadReportFonts(): Promise<ReportFonts> {
  const read = async (name: string) => new Uint8Array(await readFile(FONT_DIR + name));
  const [regular, bold, fallback] = await Promise.all([
    read('DejaVuSans.ttf'),
    read('DejaVuSans-Bold.ttf'),
    read('DroidSansFallbackFull.ttf'),
  ]);
  return { regular, bold, fallback };
}
