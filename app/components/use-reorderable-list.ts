import { useState, type DragEvent, type MouseEvent } from "react";
import { moveBy } from "~/domain/protocol/precedence-list";

export interface ReorderableList {
  /** The ids in their current, possibly unsaved, order. */
  order: string[];
  /** The order differs from the saved one. */
  dirty: boolean;
  /** What the last move did, for an aria-live region. */
  live: string;
  dragId: string | null;
  drop: { id: string; after: boolean } | null;
  /** Earlier/Later (Up/Down) buttons: one step, focus kept on the button so it can be pressed again. */
  onStep: (event: MouseEvent<HTMLButtonElement>, id: string, delta: number) => void;
  onDragStart: (event: DragEvent<HTMLElement>, id: string) => void;
  onDragOver: (event: DragEvent<HTMLElement>, id: string) => void;
  onDrop: (event: DragEvent<HTMLElement>, targetId: string) => void;
  onDragEnd: () => void;
  /** The class names of an item: being dragged, drop marker before/after. */
  itemState: (id: string) => string;
}

/**
 * A list reordered in the browser — by drag and drop, or by buttons that keep the keyboard focus — until the
 * page's form sends the whole order ("Save order"). Used by the precedence list (rows, vertical) and the photo
 * gallery (cards, horizontal). `describeMove` words the announcement for screen readers.
 */
export function useReorderableList({
  initial,
  axis,
  busy,
  describeMove,
}: {
  initial: string[];
  axis: "vertical" | "horizontal";
  busy: boolean;
  describeMove: (id: string, place: number) => string;
}): ReorderableList {
  const [order, setOrder] = useState(initial);
  const [live, setLive] = useState("");
  const [dragId, setDragId] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; after: boolean } | null>(null);
  const known = new Set(initial);
  const dirty = order.some((id, i) => id !== initial[i]);

  const announce = (next: string[], id: string) => {
    setOrder(next);
    setLive(describeMove(id, next.indexOf(id) + 1));
  };
  const clearDrag = () => {
    setDragId(null);
    setDrop(null);
  };
  return {
    order,
    dirty,
    live,
    dragId,
    drop,
    onStep: (event, id, delta) => {
      event.preventDefault();
      if (busy) return;
      const next = moveBy(order, id, delta);
      if (next !== order) announce(next, id);
    },
    onDragStart: (event, id) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", id);
      setDragId(id);
    },
    onDragOver: (event, id) => {
      if (!dragId) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      const rect = event.currentTarget.getBoundingClientRect();
      const after = axis === "vertical" ? event.clientY > rect.top + rect.height / 2 : event.clientX > rect.left + rect.width / 2;
      if (drop?.id !== id || drop.after !== after) setDrop({ id, after });
    },
    onDrop: (event, targetId) => {
      event.preventDefault();
      const moving = dragId ?? event.dataTransfer.getData("text/plain");
      if (moving && known.has(moving) && moving !== targetId) {
        const rest = order.filter((x) => x !== moving);
        const index = rest.indexOf(targetId) + (drop?.after ? 1 : 0);
        announce([...rest.slice(0, index), moving, ...rest.slice(index)], moving);
      }
      clearDrag();
    },
    onDragEnd: clearDrag,
    itemState: (id) => [dragId === id ? "dragging" : "", drop?.id === id ? (drop.after ? "drop-after" : "drop-before") : ""].filter(Boolean).join(" "),
  };
}
