/**
 * The Content-Security-Policy of the production UI, in the HTML and (in Electron) as a header.
 * Inline styles are allowed because React Flow positions nodes with style attributes; scripts
 * come only from the app itself and nothing is ever fetched from another origin.
 */
export const CONTENT_SECURITY_POLICY = [
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
  "frame-ancestors 'none'",
].join('; ');
