import { invitationRoles, invitationStatuses, type InvitationRole, type InvitationStatus } from "~/domain/attendees/attendee.schema";

/**
 * The attendee list's query string, shared by the list, the CSV export and the print view so that both
 * give what the list shows: ?q=&status=&role=&group=&sort=&cursor=. Unknown values fall back to defaults. The
 * cursor (keyset paging) is opaque here: app/routes/events.$eventId.attendees/list-cursor.server.ts makes and reads
 * it; a bad one gives the first page.
 */
export const sorts = ["name", "organization", "status", "answered"] as const;
export type ListSort = (typeof sorts)[number];
export type ListStatus = InvitationStatus | "withdrawn" | "bounced";
export const PAGE_SIZE = 50;
const MAX_CURSOR = 2000;

export interface ListParams {
  q: string;
  status: ListStatus | null;
  role: InvitationRole | null;
  group: string | null;
  sort: ListSort;
  /** Which page: null for the first, else a cursor from the pager's links. */
  pageCursor: string | null;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((v) => v === value) ?? null;

export function parseListParams(search: URLSearchParams): ListParams {
  const cursor = search.get("cursor") ?? "";
  const group = (search.get("group") ?? "").slice(0, 100);
  return {
    q: (search.get("q") ?? "").slice(0, 200).trim(),
    status: oneOf<ListStatus>([...invitationStatuses, "withdrawn", "bounced"], search.get("status")),
    role: oneOf(invitationRoles, search.get("role")),
    group: group ? group : null,
    sort: oneOf(sorts, search.get("sort")) ?? "name",
    pageCursor: cursor && cursor.length <= MAX_CURSOR ? cursor : null,
  };
}

/** The query string for the same list with some parameters changed (defaults left out). */
export function listQuery(params: ListParams, changes: Partial<ListParams> = {}): string {
  const p = { ...params, ...changes };
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  if (p.status) out.set("status", p.status);
  if (p.role) out.set("role", p.role);
  if (p.group) out.set("group", p.group);
  if (p.sort !== "name") out.set("sort", p.sort);
  if (p.pageCursor) out.set("cursor", p.pageCursor);
  const s = out.toString();
  return s ? `?${s}` : "";
}

export function hasFilters(p: ListParams): boolean {
  return !!(p.q || p.status || p.role || p.group);
}
