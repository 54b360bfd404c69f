import { data } from "@remix-run/node";

/** Thrown from loaders/actions; the route's ErrorBoundary shows a friendly page for these. */
export function notFound() {
  return data({ code: "not_found" }, { status: 404 });
}

/** With `teamManagers` (someone outside an event's team), the error page names who can add them. */
export function forbidden(details: { teamManagers?: { name: string; email: string; as: "organizer" | "admin" }[] } = {}) {
  return data({ code: "forbidden", ...details }, { status: 403 });
}

export function badRequest() {
  return data({ code: "bad_request" }, { status: 400 });
}

/**
 * What notFound()/forbidden() threw, as a plain JSON Response, for resource routes: Remix logs a thrown data()
 * there as an unexpected error, while a thrown Response is simply the answer. Anything else is passed on.
 */
export function thrownAsResponse(error: unknown): unknown {
  const candidate = error as { type?: unknown; data?: unknown; init?: { status?: unknown } | null } | null;
  if (candidate?.type !== "DataWithResponseInit") return error;
  const status = typeof candidate.init?.status === "number" ? candidate.init.status : 500;
  return Response.json(candidate.data, { status, headers: { "Cache-Control": "no-store" } });
}
