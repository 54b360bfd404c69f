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
 * For resource routes (a loader or action without a page): Remix logs a `data()` thrown there as a server error,
 * stack and all, although it is an answer (the 403 and 404 of requireEventPermission and the like). This answers
 * it as the same thrown Response (status, JSON body, headers), which Remix returns without a log.
 *
 *   async function load({ request, context, params }: LoaderFunctionArgs) { … }
 *   export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));
 */
export async function answerThrownData<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isThrownData(error)) throw Response.json(error.data, error.init ?? undefined);
    throw error;
  }
}

function isThrownData(error: unknown): error is { data: unknown; init: ResponseInit | null } {
  return typeof error === "object" && error !== null && (error as { type?: unknown }).type === "DataWithResponseInit";
}
