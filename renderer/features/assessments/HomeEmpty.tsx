/** What the home page shows when no card is listed: a first start, or a search that matches none. */
export function HomeEmpty({
  noneYet,
  query,
  showArchived,
  openingDemo,
  onNew,
  onOpenDemo,
}: {
  /** There is no assessment at all (not merely none that matches). */
  noneYet: boolean;
  query: string;
  showArchived: boolean;
  openingDemo: boolean;
  onNew: () => void;
  onOpenDemo: () => void;
}) {
  return (
    <div className="empty-state">
      {noneYet ? (
        <FirstStart openingDemo={openingDemo} onNew={onNew} onOpenDemo={onOpenDemo} />
      ) : (
        <p>
          No assessment matches “{query}”{showArchived ? '' : ' (archived ones are hidden)'}.
        </p>
      )}
    </div>
  );
}

function FirstStart({
  openingDemo,
  onNew,
  onOpenDemo,
}: {
  openingDemo: boolean;
  onNew: () => void;
  onOpenDemo: () => void;
}) {
  return (
    <>
      <h2>No assessments yet</h2>
      <p>Create one for your next site visit, or drop a .conduit.json file here to import it.</p>
      <div className="empty-state-actions">
        <button type="button" className="button button-primary" onClick={onNew}>
          New assessment
        </button>
        <button type="button" className="button" disabled={openingDemo} onClick={onOpenDemo}>
          {openingDemo ? 'Opening the demo plant…' : 'Open the demo plant'}
        </button>
      </div>
      <p className="empty-state-note">
        The demo plant is a complete sample assessment of a fictional dairy: zones and conduits, two sensor
        inventories, a capture, answers, connections and findings.
      </p>
    </>
  );
}
