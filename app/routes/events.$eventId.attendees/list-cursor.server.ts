import type { InvitationPage, InvitationSort, ListCursor, ListKey } from "~/models/invitations.server";
import { PAGE_SIZE } from "~/components/attendees/list-params";

/**
 * The pager's cursors (keyset paging, docs/decisions/019-speed.md): the sort, the way (next / previous), the key
 * of the row the page starts after or ends before, and where that page starts (only to show "51–100 of 3,000").
 * base64url JSON; anything that does not read back as one (cut, edited, another sort) gives the first page.
 */
interface Payload {
  s: InvitationSort;
  d: "n" | "p";
  k: ListKey;
  p: number;
}

const MAX_POSITION = 100_000_000;

export function encodeListCursor(sort: InvitationSort, cursor: ListCursor, position: number): string {
  const payload: Payload = { s: sort, d: cursor.direction === "next" ? "n" : "p", k: cursor.key, p: position };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

export function decodeListCursor(raw: string | null, sort: InvitationSort): { cursor: ListCursor; position: number } | null {
  if (!raw || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!payload || typeof payload !== "object") return null;
  const { s, d, k, p } = payload as Partial<Payload>;
  if (s !== sort || (d !== "n" && d !== "p") || !Array.isArray(k)) return null;
  if (!k.every((v) => v === null || typeof v === "string" || typeof v === "number")) return null;
  if (typeof p !== "number" || !Number.isInteger(p) || p < 0 || p > MAX_POSITION) return null;
  return { cursor: { direction: d === "n" ? "next" : "previous", key: k }, position: p };
}

/** Where the page starts (0-based) and the cursors of the pages before and after it. */
export function pagerOf(sort: InvitationSort, at: ReturnType<typeof decodeListCursor>, page: InvitationPage) {
  const start = !at || page.restarted || !page.hasPrevious ? 0 : Math.min(at.position, Math.max(0, page.total - page.items.length));
  return {
    start,
    previous:
      page.hasPrevious && page.firstKey
        ? encodeListCursor(sort, { direction: "previous", key: page.firstKey }, Math.max(0, start - PAGE_SIZE))
        : null,
    next: page.hasNext && page.lastKey ? encodeListCursor(sort, { direction: "next", key: page.lastKey }, start + page.items.length) : null,
  };
}
