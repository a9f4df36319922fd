import { useEffect, useState } from 'react';
import { matrixProblems, type RiskMatrixShape } from '../../../shared/risk';
import { capitalised } from './field-errors';

type ScaleKey = 'likelihoodLevels' | 'consequenceLevels' | 'riskLevels';

const SCALES: { key: ScaleKey; title: string; name: string }[] = [
  { key: 'likelihoodLevels', title: 'Likelihood scale', name: 'Likelihood' },
  { key: 'consequenceLevels', title: 'Consequence scale', name: 'Consequence' },
  { key: 'riskLevels', title: 'Risk levels', name: 'Risk' },
];

/** The problem with one label, if any (empty, or the same as another level's), in words. */
function labelProblem(method: RiskMatrixShape, key: ScaleKey, index: number, label: string): string | null {
  if (!label.trim()) return 'A level needs a label.';
  const scale = method[key].map((level, i) => (i === index ? { ...level, label: label.trim() } : level));
  const problem = matrixProblems({ ...method, [key]: scale }).find(
    (p) => p.path[0] === key && p.path[1] === index,
  );
  return problem ? `${capitalised(problem.message)}.` : null;
}

/** One level's label: edited as a draft, saved on blur or Enter when valid, else its problem shown. */
function LevelLabel({
  method,
  scale,
  index,
  onSave,
}: {
  method: RiskMatrixShape;
  scale: (typeof SCALES)[number];
  index: number;
  onSave: (key: ScaleKey, index: number, label: string) => void;
}) {
  const stored = method[scale.key][index]!.label;
  const [draft, setDraft] = useState(stored);
  const [problem, setProblem] = useState<string | null>(null);
  // Follow outside changes (undo, another tab) while the field is not being edited.
  useEffect(() => setDraft(stored), [stored]);
  const commit = () => {
    if (draft.trim() === stored) return setProblem(null);
    const found = labelProblem(method, scale.key, index, draft);
    setProblem(found);
    if (!found) onSave(scale.key, index, draft.trim());
  };
  const id = `risk-scale-${scale.key}-${index}`;
  return (
    <li className="field">
      <label className="field-label" htmlFor={id}>
        {scale.name} level {index + 1}
      </label>
      <input
        id={id}
        className="input"
        value={draft}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {problem && (
        <span className="field-error" id={`${id}-error`}>
          {problem}
        </span>
      )}
    </li>
  );
}

/**
 * The method settings' scale labels: the words the matrix, the scenarios, the report and the CSV
 * files use for each likelihood, consequence and risk level.
 */
export function ScaleLabels({
  method,
  onSave,
}: {
  method: RiskMatrixShape;
  onSave: (patch: Partial<Pick<RiskMatrixShape, ScaleKey>>) => void;
}) {
  const save = (key: ScaleKey, index: number, label: string) =>
    onSave({ [key]: method[key].map((level, i) => (i === index ? { ...level, label } : level)) });
  return (
    <section aria-labelledby="risk-scales" className="risk-scales">
      <h2 id="risk-scales">Scale labels</h2>
      <p className="field-hint">
        Rename the levels to the client’s own risk scale; the matrix, the report and the CSV files use these
        labels.
      </p>
      {SCALES.map((scale) => (
        <fieldset key={scale.key}>
          <legend>{scale.title}</legend>
          <ol className="plain-list">
            {method[scale.key].map((_, index) => (
              <LevelLabel key={index} method={method} scale={scale} index={index} onSave={save} />
            ))}
          </ol>
        </fieldset>
      ))}
    </section>
  );
}
