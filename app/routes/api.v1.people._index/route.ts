/** GET /api/v1/people — the people directory shared by all events (?q= search, paged). See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listPeople } from "~/models/people.server";
import { apiError, apiJson, handleApi, requireApiUser, type ApiHandler } from "~/utils/api.server";
import { encodeOffsetCursor, personToJson, readLimit, readOffsetCursor } from "../api.v1.events.$eventId.invitations._index/invitation-json";

const list: ApiHandler = async ({ request, context }) => {
  await requireApiUser(request, context);
  const search = new URL(request.url).searchParams;
  const q = (search.get("q") ?? "").trim();
  if (q.length > 200) throw apiError(400, "q is longer than 200 characters.", { q: "At most 200 characters." });
  const limit = readLimit(search);
  const offset = readOffsetCursor(search);
  const page = await listPeople(context.db, { q: q || null, limit, offset });
  const next = offset + page.items.length;
  return apiJson({
    data: page.items.map(personToJson),
    total: page.total,
    nextCursor: next < page.total && page.items.length > 0 ? encodeOffsetCursor(next) : null,
  });
};

const handlers = { GET: list };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
