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

/**
 * Workers' policy: the page's, plus 'wasm-unsafe-eval' so that a worker may compile WebAssembly
 * (hash-wasm's SHA-256, which hashes a capture as fast as it is read; pure JS took six times as
 * long). It allows compiling wasm modules only, never eval or Function on strings ('unsafe-eval'),
 * and the page never gets it: the UI's own code, where injected markup could land, compiles
 * nothing. A worker takes its policy from its own response, so each host sends this one with
 * worker scripts and the page's with everything else.
 */
export const WORKER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
);

/** Built worker scripts, as Vite names them: assets/<name>.worker-<hash>.js. */
export function isWorkerScript(path: string): boolean {
  return /(^|\/)assets\/[\w-]+\.worker-[\w-]+\.js$/.test(path);
}

/** The policy to send with a file of the built UI (a path relative to the build's root, or a URL path). */
export function contentSecurityPolicyFor(path: string): string {
  return isWorkerScript(path) ? WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}

/** As a <meta> tag in the built HTML, where browsers ignore frame-ancestors. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');
