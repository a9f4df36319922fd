/*
 * Imported first by the page and by every worker; ES modules evaluate in import order, so this
 * runs before any schema module does.
 *
 * zod compiles object validators with new Function unless told not to, and probes for it
 * (Function('')) as each object schema is built, i.e. while schema modules are imported. The CSP
 * forbids eval, so the probe would be a violation.
 *
 * A violation is logged as an error: Chromium itself reports a blocked eval only as a DevTools
 * issue, so without this nobody (and no e2e test) would see one in a worker.
 */
import { z } from 'zod';

z.config({ jitless: true });

self.addEventListener('securitypolicyviolation', (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
});
