import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { symbolOf } from "~/domain/letter/invitation-letter";
import { letterOptionsFrom, letterQuery, type LetterOptions } from "~/domain/letter/letter-options.schema";
import { useT } from "~/i18n/use-t";
import { loadLettersPage } from "~/services/letters.server";
import { requireEventPermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "letter.tab");

/** GET /events/:eventId/letters — the invitees (names and positions only) with their Giấy mời; the signer in the query. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const page = await loadLettersPage(context.db, access.event.id);
  if (!page) throw notFound();
  const options = letterOptionsFrom(new URL(request.url).searchParams);
  const host = page.event.host;
  return {
    eventId: access.event.id,
    options,
    hasHost: host !== null,
    defaultSymbol: host ? symbolOf(host, page.event.parent) : "",
    invitees: page.invitees.map((i) => ({ id: i.id, honorific: i.honorific, name: i.name, positions: i.positions, language: i.language })),
  };
}

function LetterLinks({ eventId, options, to, name }: { eventId: string; options: LetterOptions; to: string; name: string }) {
  const { t } = useT();
  const q = (lang: "vi" | "en") => letterQuery({ ...options, to, lang });
  return (
    <span className="letter-links">
      <Link to={`/events/${eventId}/letters/print${q("vi")}`} aria-label={`${t("letter.view")} — ${name}`}>
        {t("letter.view")}
      </Link>
      {" · "}
      <a href={`/events/${eventId}/letters/pdf${q("vi")}`}>{t("letter.pdf")}</a>
      {" · "}
      <a href={`/events/${eventId}/letters/docx${q("vi")}`} download>
        {t("letter.docx")}
      </a>
      {" · "}
      <Link to={`/events/${eventId}/letters/print${q("en")}`}>{t("letter.english")}</Link>
      {" · "}
      <a href={`/events/${eventId}/letters/pdf${q("en")}`}>
        {t("letter.pdf")} ({t("letter.english")})
      </a>
      {" · "}
      <a href={`/events/${eventId}/letters/docx${q("en")}`} download>
        {t("letter.docx")} ({t("letter.english")})
      </a>
    </span>
  );
}

export default function LettersPage() {
  const { eventId, options, hasHost, defaultSymbol, invitees } = useLoaderData<typeof loader>();
  const { t } = useT();
  const id = useId();
  const field = (name: keyof LetterOptions, label: string, hint?: string, type = "text") => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} type={type} defaultValue={String(options[name] ?? "")} aria-describedby={hint ? `${id}-${name}-hint` : undefined} />
      {hint ? (
        <p className="hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
  return (
    <section>
      <h2>{t("letter.title")}</h2>
      <p className="muted">{t("letter.intro")}</p>
      {hasHost ? null : <p className="hint">{t("letter.noHost")}</p>}
      <Form method="get" className="stack" aria-label={t("letter.settings")}>
        <h3>{t("letter.settings")}</h3>
        <div className="field">
          <label htmlFor={`${id}-authority`}>{t("letter.field.authority")}</label>
          <select id={`${id}-authority`} name="authority" defaultValue={options.authority}>
            <option value="">{t("letter.authority.none")}</option>
            <option value="TM">{t("letter.authority.TM")}</option>
            <option value="KT">{t("letter.authority.KT")}</option>
          </select>
        </div>
        {field("onBehalfOf", t("letter.field.onBehalfOf"), t("letter.field.onBehalfOfHint"))}
        {field("position", t("letter.field.position"))}
        {field("signer", t("letter.field.signer"))}
        {field("symbol", t("letter.field.symbol"), t("letter.field.symbolHint", { symbol: defaultSymbol || "…" }))}
        {field("place", t("letter.field.place"))}
        {field("date", t("letter.field.date"), t("letter.field.dateHint"), "date")}
        <div>
          <button type="submit" className="button">
            {t("letter.apply")}
          </button>
        </div>
      </Form>
      <h3>{t("letter.toMany")}</h3>
      <p>
        <LetterLinks eventId={eventId} options={options} to="all" name={t("letter.toMany")} />
      </p>
      <h3>{t("letter.invitees")}</h3>
      {invitees.length === 0 ? (
        <p className="muted">{t("letter.noInvitees")}</p>
      ) : (
        <table className="list" data-testid="letter-invitees">
          <thead>
            <tr>
              <th>{t("letter.col.name")}</th>
              <th>{t("letter.col.letter")}</th>
            </tr>
          </thead>
          <tbody>
            {invitees.map((i) => (
              <tr key={i.id}>
                <td>
                  {[i.honorific, i.name].filter(Boolean).join(" ")}
                  {i.positions.length ? <div className="muted">{i.positions.join(", ")}</div> : null}
                </td>
                <td>
                  <LetterLinks eventId={eventId} options={options} to={i.id} name={i.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
