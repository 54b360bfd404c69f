/**
 * Any page URL no other route serves (a mistyped address, a probe): the same 404 page as a missing record. A thrown
 * 404 Response is an answer, not a server error, so nothing is logged; without this route Remix logs every such
 * request as "No route matches URL" with a stack trace. /api/* has its own JSON 404 (routes/api.$).
 */
import { GeneralErrorBoundary } from "~/components/error-boundary";

const notFound = () => {
  throw new Response("Not Found", { status: 404 });
};

export const loader = notFound;
export const action = notFound;

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
