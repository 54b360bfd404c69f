import { data } from "@remix-run/node";

/** Thrown from loaders/actions; the route's ErrorBoundary shows a friendly page for these. */
export function notFound() {
  return data({ code: "not_found" }, { status: 404 });
}

export function forbidden() {
  return data({ code: "forbidden" }, { status: 403 });
}

export function badRequest() {
  return data({ code: "bad_request" }, { status: 400 });
}
