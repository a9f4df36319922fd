/**
 * The Content-Security-Policy of the production UI, in the HTML and (in Electron) as a header.
 * Inline styles are allowed because React Flow positions nodes with style attributes; scripts
 * come only from the app itself and nothing is ever fetched from another origin.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** As an HTTP header (Electron's app:// responses). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** As a <meta> tag in the built HTML, where browsers ignore frame-ancestors. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
