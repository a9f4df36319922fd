import { slugify, type Assessment } from '../model';

/** `<client>-<site>-ot-assessment-<yyyy-mm-dd>`: the zip's name (plus ".zip") and its one top folder. */
export function bundleBaseName(assessment: Pick<Assessment, 'client' | 'site'>, signedAt: string): string {
  return `${slugify(assessment.client)}-${slugify(assessment.site)}-ot-assessment-${signedAt.slice(0, 10)}`;
}

const MAX_NAME_LENGTH = 100;

/**
 * A file name that extracts the same on Windows, macOS and Linux and needs no quoting in
 * SHA256SUMS: letters (any script), digits, ".", "_" and "-"; everything else becomes "-".
 */
export function safeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/-\./g, '.')
    .replace(/^[.-]+|[.-]+$/g, '');
  if (safe.length > MAX_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, MAX_NAME_LENGTH - extension.length).replace(/[.-]+$/, '') + extension;
  }
  return safe || 'file';
}

/** `evidence/<id>-<safe name>`. */
export function evidencePath(evidence: { id: string; name: string }): string {
  return `evidence/${safeFileName(evidence.id)}-${safeFileName(evidence.name)}`;
}

/** Orders paths by their UTF-8 bytes (what `sort` in the C locale and most tools do). */
export function compareUtf8(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
