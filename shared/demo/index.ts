/**
 * The demo plant: a complete sample assessment built from the files in assets/demo/ by the real
 * importers and capture reader. The app opens it from the empty home screen; `conduit demo` writes it.
 */
export {
  buildDemoPlant,
  DEMO_SEED,
  DEMO_SOURCE_FILES,
  DemoSourceError,
  type DemoSourceName,
  type DemoSources,
} from './build';
export { DEMO_ASSESSMENT } from './plant';
export type { DemoAdvisorySource } from './vulnerabilities';
