/** The events list's keyset cursor (docs/api.md, "Paging"). */
import { isInstantInBounds } from "~/domain/dates/phrasing";
import { isUuid } from "~/services/auth.server";

/** Opaque keyset cursor: base64url of `["<startsAt ISO>", "<id>"]` of the last event on a page. */
export function encodeEventCursor(event: { startsAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([event.startsAt.toISOString(), event.id]), "utf8").toString("base64url");
}

export function decodeEventCursor(cursor: string): { startsAt: Date; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [startsAt, id] = value as unknown[];
  if (typeof startsAt !== "string" || typeof id !== "string" || !isUuid(id)) return null;
  const date = new Date(startsAt);
  if (!isInstantInBounds(date)) return null;
  return { startsAt: date, id };
}
