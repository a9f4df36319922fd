import '../first-import';
import { assessmentOverview, type Overview, type OverviewInput } from '../../shared/findings';
import { serveSelf } from './channel';

/**
 * The Overview's figures, off the UI thread: on a 150-zone, 20,000-asset plant they take about
 * half a second (npm run bench -- overview), which the page should not freeze for.
 */
const handlers = {
  overview(input: OverviewInput): Overview {
    return assessmentOverview(input);
  },
};
export type OverviewHandlers = typeof handlers;

serveSelf(handlers);
