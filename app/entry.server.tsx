/**
 * Remix's default Node entry (renderToPipeableStream), sending every document whole (below), plus the request's
 * Content-Security-Policy nonce: on React's own inline scripts, on Remix's (<RemixServer nonce>, which also
 * reaches the single-fetch streaming scripts) and, through <NonceProvider>, on <Scripts>, <ScrollRestoration>
 * and every <style> element (app/root.tsx, useNonce). The policy itself is set by server/security-headers.ts.
 */
import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";

const ABORT_DELAY = 5_000;

/**
 * Remix calls this for what a loader or action threw and for its own refusals. A request the client got wrong
 * (a 4xx: no action on this route, a wrong method, a form with the wrong Content-Type) is an answer, not a
 * server error: no stack trace in the log. Everything else is logged, as by Remix's default.
 */
export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs): void {
  if (request.signal.aborted) return;
  if (error instanceof Response && error.status < 500) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const inner = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(inner ?? error);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // The whole document at once (onAllReady), for browsers as for crawlers. No loader here defers data (no <Await>),
  // and the lazy parts of the invitee page resolve at once on the server (lazy-part.ts), so sending the shell first
  // gives a browser nothing earlier. It did cost work: the rest followed in further chunks through the stream's
  // plumbing — measured (bench/cpu-probe.ts, PGlite, 32 connections) ≈ 1 ms of CPU per invitee page and 0.4 ms per
  // 404 (issue 12). A route that defers data would want the shell first again (onShellReady) for its own requests.
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Stops a render still streaming after ABORT_DELAY. Cleared once everything is rendered: left running, each
    // request's timer kept its render alive for five seconds and then "aborted" a finished stream, which builds
    // an error (issue 12: ~0.04 ms of every page, and thousands of timers pending under load).
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(timer);
          ready();
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors inside the shell are logged by Remix's handleDocumentRequest; only later ones here.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
