import type { ReportFonts } from './fonts';

export interface ReportSigner {
  name: string;
  organization: string;
  email: string;
  fingerprint: string;
}

export interface ReportImage {
  bytes: Uint8Array;
  /** Pixel size, to keep the aspect ratio. */
  width: number;
  height: number;
}

export interface ReportOptions {
  fonts: ReportFonts;
  /** Who signs the bundle the report goes into; null for an unsigned draft. */
  signer?: ReportSigner | null;
  /** ISO date-time printed on the cover and in the PDF's metadata; defaults to now. */
  generatedAt?: string;
  /** A high-resolution PNG of the diagram; without it the diagram is drawn as vectors from the zones' positions. */
  diagramPng?: ReportImage | null;
  /** Defaults to "Confidential". */
  marking?: string;
  /**
   * A PDF on its own, outside the signed bundle (the CLI's `report`): it names the signer's key but
   * never claims a signature, which only the bundle's SHA256SUMS.sig carries.
   */
  standalone?: boolean;
  onProgress?: (fraction: number, step: string) => void;
}
