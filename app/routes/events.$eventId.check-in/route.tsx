import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/utils/meta";
import stylesheet from "./check-in.css";
import { CheckInScreen } from "./check-in-screen";
import { checkInAction, checkInLoader } from "./check-in.server";

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
