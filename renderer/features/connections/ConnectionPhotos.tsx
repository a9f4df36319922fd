import { useEffect, useState } from 'react';
import type { Evidence } from '../../../shared/model';

function PhotoThumb({ blob, name, onRemove }: { blob: Blob; name: string; onRemove: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return (
    <figure className="photo-thumb">
      {url && <img src={url} alt={name} />}
      <figcaption>
        {name}
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={onRemove}
          aria-label={`Remove ${name}`}
        >
          ×
        </button>
      </figcaption>
    </figure>
  );
}

interface Props {
  /** The photos stored with the connection, less those removed in this edit. */
  kept: readonly Evidence[];
  added: readonly File[];
  onRemoveKept: (id: string) => void;
  onRemoveAdded: (file: File) => void;
  onAdd: (files: File[]) => void;
}

/** The connection's photos: the stored ones and those added in this edit, each removable. */
export function ConnectionPhotos({ kept, added, onRemoveKept, onRemoveAdded, onAdd }: Props) {
  return (
    <div className="field">
      <span className="field-label">Photos</span>
      <div className="photo-list">
        {kept.map((p) => (
          <PhotoThumb key={p.id} blob={p.blob} name={p.name} onRemove={() => onRemoveKept(p.id)} />
        ))}
        {added.map((file, index) => (
          <PhotoThumb
            key={`new-${index}`}
            blob={file}
            name={file.name}
            onRemove={() => onRemoveAdded(file)}
          />
        ))}
      </div>
      <input
        type="file"
        accept="image/*"
        multiple
        aria-label="Add photos"
        onChange={(e) => {
          onAdd([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </div>
  );
}
