export interface UndoOffer {
  message: string;
  undo(): Promise<void>;
}

/** The result of the last bulk action, with its Undo; it stays until the next action or dismissal. */
export function UndoBar({ offer, onDone }: { offer: UndoOffer | null; onDone(): void }) {
  if (offer === null) return null;
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{offer.message}</span>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onDone();
          void offer.undo();
        }}
      >
        Undo
      </button>
      <button type="button" className="button button-small button-ghost" aria-label="Close" onClick={onDone}>
        ×
      </button>
    </div>
  );
}
