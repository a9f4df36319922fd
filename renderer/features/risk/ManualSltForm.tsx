import { useState } from 'react';
import { FR_IDS } from '../../../shared/model';

interface Props {
  /** The zone's or conduit's name, for the form's accessible name. */
  name: string;
  /** FR1..FR7 to start from. */
  start: readonly number[];
  justification: string;
  onSave: (patch: { sltSource: 'manual'; manualSlt: number[]; justification: string }) => Promise<unknown>;
}

/** An SL-T set by hand, per FR, refused without a justification (a zone's or a conduit's). */
export function ManualSltForm({ name, start, justification: startJustification, onSave }: Props) {
  const [levels, setLevels] = useState<number[]>([...start]);
  const [justification, setJustification] = useState(startJustification);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="risk-form"
      aria-label={`SL-T of ${name} set by hand`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!justification.trim()) {
          setError('A hand-set SL-T needs a justification: say why it differs from the derived one.');
          return;
        }
        setError(null);
        void onSave({ sltSource: 'manual', manualSlt: levels, justification: justification.trim() });
      }}
    >
      <div className="risk-checks" role="group" aria-label="SL-T per FR">
        {FR_IDS.map((fr, i) => (
          <label key={fr} className="field">
            <span className="field-label">{fr}</span>
            <select
              className="select"
              value={levels[i]}
              onChange={(e) => setLevels(levels.map((l, j) => (j === i ? Number(e.target.value) : l)))}
            >
              {[0, 1, 2, 3, 4].map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <label className="field">
        <span className="field-label">Justification</span>
        <textarea
          className="textarea"
          value={justification}
          aria-invalid={error !== null}
          onChange={(e) => setJustification(e.target.value)}
        />
        {error && <span className="field-error">{error}</span>}
      </label>
      <button type="submit" className="button">
        Keep this SL-T
      </button>
    </form>
  );
}
