import { hexToRgb } from '../diagram/zone-style';
import { decodeBase64, encodeBase64 } from '../model/base64';
import { LOGO_MAX_BYTES, type Assessment, type ReportBranding } from '../model/assessment';

export type Rgb = readonly [number, number, number];

/** The report's own accent when the client sets none. */
export const DEFAULT_ACCENT = '#007a85';

/**
 * WCAG 2 AA for normal text: the accent colours headings and white header text sits on it, so it
 * must read against white both ways.
 */
export const MIN_ACCENT_CONTRAST = 4.5;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 contrast ratio of a colour against white (1 to 21). */
export function contrastWithWhite(hex: string): number {
  const [r, g, b] = hexToRgb(hex);
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return 1.05 / (luminance + 0.05);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks an accent colour as typed: "#0a7a85" or "0A7A85", returned lower-case with its "#". */
export function checkAccentColor(input: string): Checked<string> {
  const text = input.trim();
  const hex = (text.startsWith('#') ? text : `#${text}`).toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(hex))
    return { ok: false, error: `"${text}" is not a hex colour such as #0a7a85` };
  const ratio = contrastWithWhite(hex);
  if (ratio < MIN_ACCENT_CONTRAST) {
    return {
      ok: false,
      error: `${hex} is too light against white (contrast ${ratio.toFixed(1)}:1, at least ${MIN_ACCENT_CONTRAST}:1 is needed for headings to read)`,
    };
  }
  return { ok: true, value: hex };
}

type Logo = NonNullable<ReportBranding['logo']>;

function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk must be IHDR: width and height as big-endian uint32.
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks the JPEG markers to the first start-of-frame, which holds the pixel size. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return null;
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** The pixel size of a PNG or JPEG, read from its header; null for anything else. */
export function imageSize(
  bytes: Uint8Array,
): { width: number; height: number; format: 'PNG' | 'JPEG' } | null {
  const png = pngSize(bytes);
  if (png) return { ...png, format: 'PNG' };
  const jpeg = jpegSize(bytes);
  return jpeg ? { ...jpeg, format: 'JPEG' } : null;
}

/**
 * Validates a logo file for the report: PNG or JPEG by content (not by name), at most
 * LOGO_MAX_BYTES, with a readable pixel size. Returns the record to store on the assessment.
 */
export function readLogo(fileName: string, bytes: Uint8Array): Checked<Logo> {
  if (bytes.length === 0) return { ok: false, error: `${fileName} is empty` };
  if (bytes.length > LOGO_MAX_BYTES) {
    return {
      ok: false,
      error: `${fileName} is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB`,
    };
  }
  const size = imageSize(bytes);
  if (!size) return { ok: false, error: `${fileName} is not a PNG or JPEG image` };
  if (size.width < 1 || size.height < 1 || size.width > 20_000 || size.height > 20_000) {
    return { ok: false, error: `${fileName} has an unusable size (${size.width}×${size.height} pixels)` };
  }
  return {
    ok: true,
    value: {
      mediaType: size.format === 'PNG' ? 'image/png' : 'image/jpeg',
      base64: encodeBase64(bytes),
      width: size.width,
      height: size.height,
      fileName: fileName.slice(0, 255),
    },
  };
}

export interface ResolvedLogo {
  bytes: Uint8Array;
  format: 'PNG' | 'JPEG';
  width: number;
  height: number;
}

export interface ResolvedBranding {
  accent: Rgb;
  accentHex: string;
  /** True when the client chose the accent, so outputs may say so. */
  customAccent: boolean;
  logo: ResolvedLogo | null;
}

/** The branding the three outputs use: the assessment's where set and valid, else the report's own. */
export function resolveBranding(assessment: Pick<Assessment, 'branding'>): ResolvedBranding {
  const chosen = assessment.branding?.accentColor;
  const accent = chosen ? checkAccentColor(chosen) : null;
  const accentHex = accent?.ok ? accent.value : DEFAULT_ACCENT;
  const stored = assessment.branding?.logo;
  let logo: ResolvedLogo | null = null;
  if (stored) {
    const bytes = decodeBase64(stored.base64);
    // Re-read rather than trust the record: a hand-edited file must not put a broken image in a report.
    const checked = readLogo(stored.fileName, bytes);
    if (checked.ok) {
      logo = {
        bytes,
        format: checked.value.mediaType === 'image/png' ? 'PNG' : 'JPEG',
        width: checked.value.width,
        height: checked.value.height,
      };
    }
  }
  return { accent: hexToRgb(accentHex), accentHex, customAccent: Boolean(accent?.ok), logo };
}

/** Fits a w×h image into a box, keeping its aspect ratio. */
export function fitInto(width: number, height: number, maxW: number, maxH: number): { w: number; h: number } {
  const scale = Math.min(maxW / width, maxH / height);
  return { w: width * scale, h: height * scale };
}
