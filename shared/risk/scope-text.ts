import type { SystemUnderConsideration } from './records/system-under-consideration';

/** The system under consideration as its text areas hold it: lists one entry a line. */
export type ScopeText = Pick<SystemUnderConsideration, 'description' | 'boundary'> & {
  /** "title | reference" a line. */
  documents: string;
  /** "name | role" a line. */
  people: string;
  assumptions: string;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "a | b | c" → ["a", "b | c"]: only the first bar separates. */
function pair(line: string): [string, string] {
  const [first, ...rest] = line.split('|');
  return [first!.trim(), rest.join('|').trim()];
}

/** The text areas' contents as the record's fields; blank lines are dropped. */
export function scopeFromText(text: ScopeText): Partial<SystemUnderConsideration> {
  return {
    description: text.description,
    boundary: text.boundary,
    documents: lines(text.documents).map((l) => {
      const [title, reference] = pair(l);
      return { title, reference };
    }),
    people: lines(text.people).map((l) => {
      const [name, role] = pair(l);
      return { name, role };
    }),
    assumptions: lines(text.assumptions),
  };
}

/** A stored scope (or none yet) as the text areas show it. */
export function scopeText(scope: SystemUnderConsideration | undefined): ScopeText {
  return {
    description: scope?.description ?? '',
    boundary: scope?.boundary ?? '',
    documents: (scope?.documents ?? [])
      .map((d) => (d.reference ? `${d.title} | ${d.reference}` : d.title))
      .join('\n'),
    people: (scope?.people ?? []).map((p) => (p.role ? `${p.name} | ${p.role}` : p.name)).join('\n'),
    assumptions: (scope?.assumptions ?? []).join('\n'),
  };
}
