import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/utils/meta";
import stylesheet from "~/components/check-in/check-in.css";
import { CheckInScreen } from "~/components/check-in/check-in-screen";
import { checkInAction, checkInLoader } from "~/components/check-in/check-in-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "checkin.title");

export const loader = checkInLoader;
export const action = checkInAction;

export default function CheckInPage() {
  return <CheckInScreen />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
