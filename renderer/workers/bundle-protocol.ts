import type { AssessmentData } from '../../shared/model';
import type { ReportFonts, ReportImage } from '../../shared/report';

/** What the page sends the bundle worker. The private key never crosses: signing is asked back. */
export type BundleWorkerRequest =
  | {
      type: 'build';
      data: AssessmentData;
      signer: { name: string; organization: string; email: string; publicKey: Uint8Array };
      fonts: ReportFonts;
      diagramSvg: string | null;
      diagramPng: ReportImage | null;
    }
  | { type: 'signed'; id: number; signature: Uint8Array }
  | { type: 'sign-failed'; id: number; message: string };

export type BundleWorkerMessage =
  | { type: 'progress'; fraction: number; step: string }
  | { type: 'sign'; id: number; data: Uint8Array }
  | {
      type: 'done';
      fileName: string;
      bytes: Uint8Array;
      fingerprint: string;
      signedAt: string;
      files: number;
    }
  | { type: 'failed'; message: string };
