import regularUrl from '../../../assets/fonts/DejaVuSans.ttf?url';
import boldUrl from '../../../assets/fonts/DejaVuSans-Bold.ttf?url';
import fallbackUrl from '../../../assets/fonts/DroidSansFallbackFull.ttf?url';
import type { ReportFonts } from '../../../shared/report';

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
