/**
 * /api/v1/events/:eventId/ceremony[/…] — the ceremony's structure (see docs/api.md):
 *   GET    /ceremony                                         everything below, in one document
 *   POST   /ceremony/sides               PATCH|DELETE /ceremony/sides/:sideId
 *   POST   /ceremony/documents           PATCH|DELETE /ceremony/documents/:documentId
 *   PUT    /ceremony/documents/:documentId/signatories/:sideId   { signatoryIds }
 *   PUT    /ceremony/people/:dignitaryId                          { sideId?, roles? }
 *   POST   /ceremony/attendance-lines    PATCH|DELETE /ceremony/attendance-lines/:lineId
 *   PUT    /ceremony/agenda/:itemId                               { subject, subjectEn, documentId }
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  agendaItemCeremonySchema,
  attendanceLineSchema,
  documentSchema,
  partySignatoriesSchema,
  personCeremonyApiSchema,
  sideMoveSchema,
  sideSchema,
} from "~/domain/ceremony/ceremony.schema";
import type { CeremonyJson } from "~/domain/api/ceremony-json";
import type { CeremonyRole } from "~/domain/ceremony/types";
import { getEventDetail } from "~/models/events.server";
import {
  addAttendanceLine,
  changeAttendanceLine,
  loadCeremony,
  moveSide,
  removeAttendanceLine,
  removeDocument,
  removeSide,
  saveDocument,
  saveSide,
  setAgendaItemDetails,
  setPartySignatories,
  setPersonCeremony,
} from "~/services/ceremony.server";
import { apiError, apiJson, handleApi, readJsonAs, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { ceremonyToJson } from "~/services/api-presenters/ceremony.server";
import { checkEventPermission, isUuid } from "~/services/auth.server";

const noRoute = () => apiError(404, "No such ceremony resource. See docs/api.md.");

/** The path after /ceremony, split: ["sides", "<id>"]; ids checked to be UUIDs. */
function segments(params: LoaderFunctionArgs["params"]): string[] {
  const parts = (params["*"] ?? "").split("/").filter(Boolean);
  return parts;
}

function uuidAt(parts: string[], i: number): string {
  const v = parts[i];
  if (!v || !isUuid(v)) throw noRoute();
  return v;
}

/** The whole ceremony as JSON, read now. */
async function ceremonyJson(db: Parameters<typeof loadCeremony>[0], eventId: string): Promise<CeremonyJson> {
  const [view, detail] = await Promise.all([loadCeremony(db, eventId), getEventDetail(db, eventId)]);
  return ceremonyToJson(eventId, view, detail);
}

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  if (segments(params).length) throw noRoute();
  return apiJson(await ceremonyJson(context.db, event.id));
};

/** Every write answers with the whole ceremony after it (201 for a creation, with the new id in `created`). */
const write: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const db = context.db;
  const actor = actorOf(user);
  const method = request.method.toUpperCase();
  const parts = segments(params);
  const [resource] = parts;
  const one = parts.length === 2;
  let created: string | null = null;
  if (resource === "sides" && parts.length <= 2) {
    if (method === "POST" && !one) created = await saveSide(db, actor, event.id, null, await readJsonAs(request, sideSchema));
    else if (method === "PATCH" && one) await saveSide(db, actor, event.id, uuidAt(parts, 1), await readJsonAs(request, sideSchema));
    else if (method === "DELETE" && one) await removeSide(db, actor, event.id, uuidAt(parts, 1));
    else throw noRoute();
  } else if (resource === "sides" && parts.length === 3 && parts[2] === "move" && method === "POST") {
    await moveSide(db, actor, event.id, uuidAt(parts, 1), (await readJsonAs(request, sideMoveSchema)).direction);
  } else if (resource === "documents" && parts.length <= 2) {
    if (method === "POST" && !one) created = await saveDocument(db, actor, event.id, null, await readJsonAs(request, documentSchema));
    else if (method === "PATCH" && one) await saveDocument(db, actor, event.id, uuidAt(parts, 1), await readJsonAs(request, documentSchema));
    else if (method === "DELETE" && one) await removeDocument(db, actor, event.id, uuidAt(parts, 1));
    else throw noRoute();
  } else if (resource === "documents" && parts.length === 4 && parts[2] === "signatories" && method === "PUT") {
    const body = await readJsonAs(request, partySignatoriesSchema);
    await setPartySignatories(db, actor, event.id, uuidAt(parts, 1), uuidAt(parts, 3), body.signatoryIds);
  } else if (resource === "people" && one && method === "PUT") {
    const body = await readJsonAs(request, personCeremonyApiSchema);
    await setPersonCeremony(db, actor, event.id, uuidAt(parts, 1), {
      ...(body.sideId !== undefined ? { sideId: body.sideId } : {}),
      ...(body.roles !== undefined ? { roles: body.roles as CeremonyRole[] } : {}),
    });
  } else if (resource === "attendance-lines" && parts.length <= 2) {
    if (method === "POST" && !one) created = await addAttendanceLine(db, actor, event.id, await readJsonAs(request, attendanceLineSchema));
    else if (method === "PATCH" && one) await changeAttendanceLine(db, actor, event.id, uuidAt(parts, 1), await readJsonAs(request, attendanceLineSchema));
    else if (method === "DELETE" && one) await removeAttendanceLine(db, actor, event.id, uuidAt(parts, 1));
    else throw noRoute();
  } else if (resource === "agenda" && one && method === "PUT") {
    await setAgendaItemDetails(db, actor, event.id, uuidAt(parts, 1), await readJsonAs(request, agendaItemCeremonySchema));
  } else throw noRoute();
  const body = await ceremonyJson(db, event.id);
  return apiJson(created ? { created, ...body } : body, { status: created ? 201 : 200 });
};

const handlers = { GET: show, POST: write, PUT: write, PATCH: write, DELETE: write };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
