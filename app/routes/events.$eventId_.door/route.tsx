import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/utils/meta";
import stylesheet from "~/components/check-in/check-in.css";
import { CheckInScreen } from "~/components/check-in/check-in-screen";
import { checkInAction, checkInLoader } from "~/components/check-in/check-in-page.server";

/**
 * /events/:id/door — the door mode: the check-in page without the event's header and tabs, for a phone held
 * at the entrance. Same loader and action as /events/:id/check-in.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "checkin.door.title");

export const loader = checkInLoader;
export const action = checkInAction;

export default function DoorPage() {
  return <CheckInScreen door />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
