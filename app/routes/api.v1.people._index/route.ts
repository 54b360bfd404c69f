/** GET /api/v1/people — the people directory shared by all events (?q= search, paged). See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listPeople } from "~/models/people.server";
import { personalDataVisibleFor } from "~/services/privacy.server";
import { apiError, apiJson, apiQueryParam, encodeOffsetCursor, handleApi, readLimit, readOffsetCursor, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { personToJson } from "~/services/api-presenters/invitations.server";

const list: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  const search = new URL(request.url).searchParams;
  const q = (apiQueryParam(request, "q") ?? "").trim();
  if (q.length > 200) throw apiError(400, "q is longer than 200 characters.", { q: "At most 200 characters." });
  const limit = readLimit(search);
  const offset = readOffsetCursor(search);
  const page = await listPeople(context.db, { q: q || null, limit, offset });
  const next = offset + page.items.length;
  // Contact details only for people invited to an event of the reader's team (admins: everyone).
  const visible = await personalDataVisibleFor(context.db, user, page.items.map((p) => p.id));
  return apiJson({
    data: page.items.map((p) => personToJson(p, visible.has(p.id))),
    total: page.total,
    nextCursor: next < page.total && page.items.length > 0 ? encodeOffsetCursor(next) : null,
  });
};

const handlers = { GET: list };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
