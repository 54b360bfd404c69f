import { useSubmit } from "@remix-run/react";
import { useState, type DragEvent } from "react";

/**
 * Reordering the agenda by drag and drop: the item being dragged, the gap it would land in, and the "reorder" post
 * when it is dropped (the Up/Down buttons do the same without a mouse, or without JavaScript).
 */
export function useAgendaDrag(items: { id: string }[], version: string, busy: boolean) {
  const submit = useSubmit();
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);

  const onDragStart = (e: DragEvent<HTMLLIElement>, id: string) => {
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", id);
    setDragId(id);
  };
  const onDragOver = (e: DragEvent<HTMLLIElement>, index: number) => {
    if (!dragId) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    const rect = e.currentTarget.getBoundingClientRect();
    setDropIndex(e.clientY < rect.top + rect.height / 2 ? index : index + 1);
  };
  const onDrop = (e: DragEvent<HTMLLIElement>) => {
    e.preventDefault();
    const id = dragId ?? e.dataTransfer.getData("text/plain");
    const at = dropIndex;
    setDragId(null);
    setDropIndex(null);
    if (!id || at === null || busy) return;
    const from = items.findIndex((x) => x.id === id);
    if (from < 0) return;
    const ids = items.map((x) => x.id).filter((x) => x !== id);
    const to = at > from ? at - 1 : at;
    if (to === from) return;
    ids.splice(to, 0, id);
    submit({ intent: "reorder", order: ids.join(","), version }, { method: "post", replace: true, preventScrollReset: true });
  };
  const onDragEnd = () => {
    setDragId(null);
    setDropIndex(null);
  };

  return { dragId, dropIndex, onDragStart, onDragOver, onDrop, onDragEnd };
}
