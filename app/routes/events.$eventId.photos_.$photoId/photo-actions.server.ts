/**
 * The intents of one photo's page, one small handler each (parse → call → return). The route authorizes, parses
 * with photoPageActionSchema and hands the parsed form here.
 */
import { data, type AppLoadContext } from "@remix-run/node";
import { getEventPhoto, deletePhoto, tagPhoto, untagPhoto, updatePhoto } from "~/services/photos.server";
import { attempt } from "~/utils/action-kit.server";
import type { ServiceError } from "~/utils/errors";
import { redirectWithNotice } from "~/utils/notice.server";
import type { PhotoPageAction } from "./photo-page.schema";

export type PhotoFormValues = { captionVi: string; captionEn: string; credit: string; includeInPress: boolean; isCover: boolean };

export interface PhotoActionResult {
  error: string | null;
  fieldErrors: Record<string, string> | null;
  values: PhotoFormValues | null;
  /** On a conflict: what the other person saved, and the version to save over it knowingly. */
  theirs: (PhotoFormValues & { version: number }) | null;
}

export function photoActionResult(r: Partial<PhotoActionResult>, status: number) {
  return data<PhotoActionResult>({ error: null, fieldErrors: null, values: null, theirs: null, ...r }, { status });
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** What the person sent in the details form, to give back on a refusal. */
export function typedPhotoValues(values: Record<string, unknown>): PhotoFormValues {
  return {
    captionVi: str(values.captionVi),
    captionEn: str(values.captionEn),
    credit: str(values.credit),
    includeInPress: values.includeInPress === "on",
    isCover: values.isCover === "on",
  };
}

export interface PhotoActionContext {
  context: AppLoadContext;
  actor: Parameters<typeof updatePhoto>[1];
  eventId: string;
  photoId: string;
  values: Record<string, unknown>;
}

/**
 * A refusal answers with data; a success redirects with a notice, thrown (a returned Response would make the
 * page's useActionData untyped: Remix reads a plain Response as a TypedResponse of any).
 */
type Answer = ReturnType<typeof photoActionResult>;
type Handler<I extends PhotoPageAction["intent"]> = (c: PhotoActionContext, form: Extract<PhotoPageAction, { intent: I }>) => Promise<Answer>;

/** A refusal the service gave: its message (or the tag field's), with the table's status. */
function refused(error: ServiceError, status: number) {
  return photoActionResult({ error: error.fields.taggedInvitationIds ?? error.message }, status);
}

const here = (c: PhotoActionContext) => `/events/${c.eventId}/photos/${c.photoId}`;

const save: Handler<"save"> = async (c, { intent: _intent, version, ...change }) => {
  const { db } = c.context;
  const saved = await attempt(() => updatePhoto(db, c.actor, c.eventId, c.photoId, change, version));
  if (saved.ok) throw await redirectWithNotice(c.context, here(c), { key: "photos.edit.saved" });
  const now = saved.error.code === "conflict" ? await getEventPhoto(db, c.eventId, c.photoId) : null;
  if (!now) return refused(saved.error, saved.status);
  const theirs = {
    captionVi: now.captionVi ?? "",
    captionEn: now.captionEn ?? "",
    credit: now.credit ?? "",
    includeInPress: now.includeInPress,
    isCover: now.isCover,
    version: now.version,
  };
  return photoActionResult({ error: saved.error.message, values: typedPhotoValues(c.values), theirs }, 409);
};

const tagOrUntag: Handler<"tag" | "untag"> = async (c, { intent, invitationId, version, q }) => {
  const { db } = c.context;
  const before = await getEventPhoto(db, c.eventId, c.photoId);
  const saved = await attempt(() =>
    intent === "tag"
      ? tagPhoto(db, c.actor, c.eventId, c.photoId, invitationId, version)
      : untagPhoto(db, c.actor, c.eventId, c.photoId, invitationId, version),
  );
  if (!saved.ok) return refused(saved.error, saved.status);
  const name = [...(before?.tags ?? []), ...saved.value.tags].find((t) => t.invitationId === invitationId)?.name ?? "";
  // The search in progress stays in the address (it is the page's state, not a notice).
  const to = q ? `${here(c)}?q=${encodeURIComponent(q)}` : here(c);
  throw await redirectWithNotice(c.context, to, { key: intent === "tag" ? "photos.tags.added" : "photos.tags.removed", params: { name } });
};

const remove: Handler<"delete"> = async (c, { version }) => {
  const { db, storage } = c.context;
  const photo = await getEventPhoto(db, c.eventId, c.photoId);
  const deleted = await attempt(() => deletePhoto(db, storage, c.actor, c.eventId, c.photoId, version));
  if (!deleted.ok) return refused(deleted.error, deleted.status);
  throw await redirectWithNotice(c.context, `/events/${c.eventId}/photos`, { key: "photos.deleted", params: { number: photo?.number ?? "" } });
};

export function runPhotoAction(c: PhotoActionContext, form: PhotoPageAction): Promise<Answer> {
  switch (form.intent) {
    case "save":
      return save(c, form);
    case "tag":
    case "untag":
      return tagOrUntag(c, form);
    case "delete":
      return remove(c, form);
  }
}
