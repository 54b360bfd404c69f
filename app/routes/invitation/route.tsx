import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/utils/meta";
import { delegationFromCookie, invitationFromCookie, privateHeaders, readInvitationToken } from "~/components/invitation/invitation-cookie.server";
import stylesheet from "./invitation.css";
import { parseInvitationForm, runInvitationAction } from "./invitation-actions.server";
import { InvitationPage as Invitation } from "./invitation-page";
import { invitationPageData } from "./page-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "rsvp.pageTitle"),
  { name: "referrer", content: "same-origin" },
  { name: "robots", content: "noindex, nofollow" },
];

/** Document and data responses alike: no Referer leaves this page for another site, nothing of it is cached. */
export const headers: HeadersFunction = () => privateHeaders;

const INVALID = { state: "invalid" as const };

export async function loader({ request, context }: LoaderFunctionArgs) {
  // One query for the page and the token's validity (issue 12); null for no cookie or a token that opens nothing.
  const token = await readInvitationToken(request, context);
  const page = token ? await invitationPageData(context, token) : null;
  if (!page) {
    // Handed to a deputy: the principal's old link names them (docs/decisions/028).
    const delegated = token ? await delegationFromCookie(request, context) : null;
    if (delegated) return data({ state: "delegated" as const, deputy: delegated.deputy }, { status: 410, headers: privateHeaders });
    // No cookie, an unknown, withdrawn or expired token: one page, one status, nothing that tells them apart.
    return data(INVALID, { status: 404, headers: privateHeaders });
  }
  return data(page, { headers: privateHeaders });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const target = await invitationFromCookie(request, context);
  if (!target) return data({ error: "rsvp.invalid.title" as string, fieldErrors: null, saved: null }, { status: 404, headers: privateHeaders });
  const form = await parseInvitationForm(request);
  return runInvitationAction(context.db, target.invitationId, form);
}

export type { InvitationPageData } from "./page-data.server";

export default function InvitationRoute() {
  const loaderData = useLoaderData<typeof loader>();
  if (loaderData.state === "invalid") return <InvalidLink />;
  if (loaderData.state === "delegated") return <DelegatedLink deputy={loaderData.deputy} />;
  return <Invitation data={loaderData} />;
}

function InvalidLink() {
  const { t } = useT();
  return (
    <div className="invitation">
      <section className="card invitation-invalid" role="alert">
        <h1>{t("rsvp.invalid.title")}</h1>
        <p>{t("rsvp.invalid.body")}</p>
      </section>
    </div>
  );
}

function DelegatedLink({ deputy }: { deputy: string }) {
  const { t } = useT();
  return (
    <div className="invitation">
      <section className="card invitation-invalid" role="status" data-testid="invitation-delegated">
        <h1>{t("rsvp.delegated.title", { deputy })}</h1>
        <p>{t("rsvp.delegated.body")}</p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
