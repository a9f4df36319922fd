import { useState, type DragEvent } from 'react';

/**
 * Drag and drop of records by id within one view: the props of a draggable item, and of a drop
 * target that accepts only this drag type (so a file or text dragged over it is left alone).
 */
export function useIdDrag(type: string) {
  const [over, setOver] = useState<string | null>(null);
  return {
    /** The key of the target under the pointer now, if any. */
    over,
    source: (id: string) => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        event.dataTransfer.setData(type, id);
        event.dataTransfer.effectAllowed = 'move';
      },
    }),
    target: (key: string, drop: (id: string) => void) => ({
      onDragOver: (event: DragEvent) => {
        if (!event.dataTransfer.types.includes(type)) return;
        event.preventDefault();
        setOver(key);
      },
      onDragLeave: () => setOver((current) => (current === key ? null : current)),
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        setOver(null);
        const id = event.dataTransfer.getData(type);
        if (id) drop(id);
      },
    }),
  };
}
