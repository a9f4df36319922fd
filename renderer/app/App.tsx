import { Redirect, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AssessmentPage } from './AssessmentPage';
import { HomePage } from '../features/assessments/HomePage';
import { ClipboardProvider } from '../ui/clipboard';
import { Notices } from '../ui/notices';

/** Hash routes work the same over app:// in Electron and http:// in the web build. */
export function App() {
  return (
    <Router hook={useHashLocation}>
      <ClipboardProvider>
        <Switch>
          <Route path="/">
            <HomePage />
          </Route>
          <Route path="/a/:id/:workspace">
            {(params) => <AssessmentPage id={params.id} workspaceId={params.workspace} />}
          </Route>
          <Route path="/a/:id">{(params) => <Redirect to={`/a/${params.id}/overview`} />}</Route>
          <Route>
            <Redirect to="/" />
          </Route>
        </Switch>
      </ClipboardProvider>
      <Notices />
    </Router>
  );
}
