import '../first-import';
import { buildBundleFromDatabase } from './bundle-build';
import { serveSelf } from './channel';

export type { BuiltBundle, BundlePageHandlers, BundleProgress } from './bundle-build';

const handlers = { build: buildBundleFromDatabase };
export type BundleHandlers = typeof handlers;

serveSelf(handlers);
