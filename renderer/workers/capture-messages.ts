import type { CaptureSummary } from '../../shared/traffic/analyzer';

/** Messages between the capture import and its Worker. */
export type CaptureRequest = { type: 'start'; file: File; ouiUrl: string | null } | { type: 'cancel' };

export type CaptureResponse =
  | { type: 'progress'; phase: 'reading' | 'hashing'; bytes: number; totalBytes: number; packets: number }
  | { type: 'done'; summary: CaptureSummary; sha256: string; readMs: number; hashMs: number }
  | { type: 'error'; message: string }
  | { type: 'cancelled' };
