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
