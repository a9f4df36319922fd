import { useEffect, useState } from 'react';
import {
  assetLookupMessage,
  assetPickerLabel,
  connectionSchema,
  fieldMessages,
  lookUpAsset,
  type Asset,
  type Connection,
  type EndpointRef,
  type Evidence,
} from '../../../shared/model';
import { listEvidence } from '../../db/evidence';

const FIELD_LABELS: Record<string, string> = {
  from: 'From',
  to: 'To',
  description: 'Description',
  justification: 'Justification',
  recommendation: 'Recommendation',
};

/** What the asset box of an end shows on opening: the chosen asset's label. */
function initialQuery(end: EndpointRef, assets: readonly Asset[]): string {
  const asset = end.kind === 'asset' ? assets.find((a) => a.id === end.assetId) : undefined;
  return asset ? assetPickerLabel(asset) : '';
}

/** A message per end that names no asset or zone: the typed text is looked up once more. */
function endpointErrors(
  draft: Connection,
  queries: { from: string; to: string },
  assets: readonly Asset[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of ['from', 'to'] as const) {
    const end = draft[key];
    if (end.kind === 'asset' && end.assetId === '') {
      errors[key] = `${FIELD_LABELS[key]}: ${assetLookupMessage(lookUpAsset(assets, queries[key]))}`;
    }
    if (end.kind === 'zone' && end.zoneId === '') errors[key] = `${FIELD_LABELS[key]}: pick a zone`;
    if (end.kind === 'text' && end.text.trim() === '')
      errors[key] = `${FIELD_LABELS[key]}: describe this end`;
  }
  return errors;
}

/** The photos of one edit: those stored (less the removed) and those added. */
function usePhotos(evidenceIds: readonly string[]) {
  const [stored, setStored] = useState<Evidence[]>([]);
  const [added, setAdded] = useState<File[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  useEffect(() => {
    void listEvidence([...evidenceIds]).then(setStored);
  }, [evidenceIds]);
  return {
    kept: stored.filter((p) => !removed.includes(p.id)),
    added,
    removed,
    onRemoveKept: (id: string) => setRemoved((r) => [...r, id]),
    onRemoveAdded: (file: File) => setAdded((list) => list.filter((f) => f !== file)),
    onAdd: (files: File[]) => setAdded((list) => [...list, ...files]),
  };
}

export type SaveConnection = (
  connection: Connection,
  newPhotos: File[],
  removedPhotoIds: string[],
) => Promise<void>;

/** The connection form's state: the draft, the typed asset texts, the photos, the errors, and the submit. */
export function useConnectionForm(
  initial: Connection,
  assets: readonly Asset[],
  onSave: SaveConnection,
  onDone: () => void,
) {
  const [draft, setDraft] = useState<Connection>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [queries, setQueries] = useState(() => ({
    from: initialQuery(initial.from, assets),
    to: initialQuery(initial.to, assets),
  }));
  const [saving, setSaving] = useState(false);
  const photos = usePhotos(initial.evidenceIds);
  const update = (patch: Partial<Connection>) => setDraft((d) => ({ ...d, ...patch }));
  const setQuery = (end: 'from' | 'to', query: string) => setQueries((qs) => ({ ...qs, [end]: query }));

  const submit = async () => {
    const problems = endpointErrors(draft, queries, assets);
    const parsed = connectionSchema.safeParse(draft);
    if (!parsed.success)
      Object.assign(problems, { ...fieldMessages(parsed.error, FIELD_LABELS), ...problems });
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !parsed.success) return;
    setSaving(true);
    try {
      await onSave(parsed.data, photos.added, photos.removed);
      onDone();
    } catch (error) {
      setErrors({ form: (error as Error).message });
    } finally {
      setSaving(false);
    }
  };
  return { draft, update, queries, setQuery, errors, saving, photos, submit };
}
