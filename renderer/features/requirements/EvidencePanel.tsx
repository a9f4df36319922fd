import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Evidence } from '../../../shared/model';
import { isDisplayableImage, listEvidence, setEvidenceCaption } from '../../db/evidence';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Object URLs for the Blobs, revoked when the records change or the panel goes. */
function useObjectUrls(records: readonly Evidence[] | undefined): Map<string, string> {
  const [urls, setUrls] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const next = new Map((records ?? []).map((record) => [record.id, URL.createObjectURL(record.blob)]));
    setUrls(next);
    return () => next.forEach((url) => URL.revokeObjectURL(url));
  }, [records]);
  return urls;
}

/** Thumbnails of an answer's evidence, each with a link to open it and a remove button. */
export function EvidenceThumbnails({
  evidenceIds,
  onRemove,
}: {
  evidenceIds: readonly string[];
  onRemove: (evidence: Evidence) => void;
}) {
  const idsKey = evidenceIds.join(',');
  const records = useLiveQuery(() => listEvidence(idsKey ? idsKey.split(',') : []), [idsKey]);
  const urls = useObjectUrls(records);
  if (!records || records.length === 0) return null;
  return (
    <ul className="evidence-list" aria-label="Evidence">
      {records.map((record) => {
        const url = urls.get(record.id);
        return (
          <li key={record.id} className="evidence-tile" data-testid="evidence-tile">
            <a href={url} download={record.name} title={`${record.name} · sha256 ${record.sha256}`}>
              {url && isDisplayableImage(record.mimeType) ? (
                <img
                  src={url}
                  alt={record.name}
                  className="evidence-thumb"
                  data-testid="evidence-thumbnail"
                />
              ) : (
                <span className="evidence-file" aria-hidden>
                  {record.name.split('.').pop()?.toUpperCase().slice(0, 5) || 'FILE'}
                </span>
              )}
            </a>
            <span className="evidence-name">{record.name}</span>
            <span className="evidence-size">{formatSize(record.size)}</span>
            <input
              className="input evidence-caption"
              aria-label={`Caption of ${record.name}`}
              placeholder="Caption"
              defaultValue={record.caption}
              maxLength={5000}
              onBlur={(event) => {
                if (event.target.value !== record.caption)
                  void setEvidenceCaption(record.id, event.target.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur();
              }}
            />
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label={`Remove ${record.name}`}
              onClick={() => onRemove(record)}
            >
              Remove
            </button>
          </li>
        );
      })}
    </ul>
  );
}
