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
import { fieldErrors } from "~/domain/forms/fields";
import { isRsvpIntent } from "~/domain/rsvp/answer-window";
import { useT } from "~/i18n/use-t";
import { attempt, parseForm, type ParsedForm } from "~/utils/action-kit.server";
import { respondToInvitation } from "~/services/rsvp.server";
import type { Db } from "#db/client.server";
import { pageTitle } from "~/utils/meta";
import { delegationFromCookie, invitationFromCookie, privateHeaders, readInvitationToken } from "~/components/invitation/invitation-cookie.server";
import stylesheet from "./invitation.css";
import { invitationActionSchema } from "./invitation.schema";
import { companionsFormSchema } from "~/domain/rsvp/companions";
import { getInviteeInvitation } from "~/models/rsvp.server";
import { proposeDeputy, setCompanions } from "~/services/delegation.server";
import type { FormResult } from "./deputy-and-companions";
import { InvitationPage as Invitation } from "./invitation-page";
import { invitationPageData } from "./page-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "rsvp.pageTitle"),
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex, nofollow" },
];

/** Document and data responses alike: no Referer leaves this page, nothing of it is cached. */
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
  const form = await parseForm(request, invitationActionSchema);
  const intent = form.values.intent;
  if (intent === "companions" || intent === "deputy") return extraAnswer(context.db, target.invitationId, intent, form);
  if (!isRsvpIntent(intent)) {
    return data({ error: "rsvp.errors.intent", fieldErrors: null, saved: null }, { status: 400, headers: privateHeaders });
  }
  if (!form.success) {
    return data({ error: null, fieldErrors: form.fieldErrors, saved: null }, { status: 400, headers: privateHeaders });
  }
  const answer = form.data;
  if (answer.intent === "companions" || answer.intent === "deputy") {
    return data({ error: "rsvp.errors.intent", fieldErrors: null, saved: null }, { status: 400, headers: privateHeaders });
  }
  const outcome = await attempt(() =>
    respondToInvitation(context.db, { invitationId: target.invitationId, intent: answer.intent, comment: answer.comment }),
  );
  if (!outcome.ok) {
    const { error } = outcome;
    return data(
      { error: error.message, fieldErrors: Object.keys(error.fields).length ? error.fields : null, saved: null },
      { status: outcome.status, headers: privateHeaders },
    );
  }
  return data({ error: null, fieldErrors: null, saved: outcome.value.status }, { headers: privateHeaders });
}

type ExtraResult = FormResult & { saved: string | null };

/** The companions and deputy forms: the same schemas as in the browser, then the service; a mistake keeps what was typed. */
async function extraAnswer(db: Db, invitationId: string, intent: "companions" | "deputy", form: ParsedForm<typeof invitationActionSchema>) {
  const values = Object.fromEntries(
    Object.entries(form.values).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "intent"),
  );
  const fail = (status: number, error: string | null, fields: Record<string, string> | null) =>
    data({ form: intent, error, fieldErrors: fields, values, saved: null } satisfies ExtraResult, { status, headers: privateHeaders });
  const done = (saved: string) =>
    data({ form: intent, error: null, fieldErrors: null, values: null, saved } satisfies ExtraResult, { headers: privateHeaders });
  const outcome = await attempt(async () => {
    if (intent === "companions") {
      const row = await getInviteeInvitation(db, invitationId);
      if (!row) return fail(404, "rsvp.invalid.title", null);
      const parsed = companionsFormSchema(row.invitation.plusOnes).safeParse(form.values);
      if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
      const names = await setCompanions(db, { invitationId, names: parsed.data.names });
      return done(String(names.length));
    }
    if (!form.success) return fail(400, null, form.fieldErrors);
    if (form.data.intent !== "deputy") return fail(400, "rsvp.errors.intent", null);
    const d = form.data;
    const { proposal } = await proposeDeputy(db, {
      invitationId,
      source: "web",
      deputy: { honorific: d.honorific, name: d.fullName, position: d.position, organization: d.organization, email: d.email, note: d.note },
    });
    return done([proposal.honorific, proposal.fullName].filter(Boolean).join(" "));
  });
  if (outcome.ok) return outcome.value;
  const fields = Object.keys(outcome.error.fields).length ? outcome.error.fields : null;
  return fail(outcome.status, fields ? null : outcome.error.message, fields);
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
