import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageStyle } from "~/components/nonce";
import { letterQuery } from "~/domain/letter/letter-options.schema";
import { useT } from "~/i18n/use-t";
import { loadLetterFor } from "~/services/letters.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { PageSize, PrintToolbar } from "~/components/print/print-toolbar";
import printStyles from "~/components/print/print.css";
import letterStyles from "./letter.css";
import { LetterSheet } from "./letter-sheet";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: printStyles },
  { rel: "stylesheet", href: letterStyles },
];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "letter.tab");

/** GET /events/:eventId/letters/print?to=<invitation|all>&lang=… — one Giấy mời on A4, names and positions only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const search = new URL(request.url).searchParams;
  const loaded = await loadLetterFor(context.db, access.event.id, search);
  if (!loaded) throw notFound();
  const { options } = loaded;
  // The PDF and .docx links carry what this view was opened with (the saved settings fill in the rest there too).
  const given = Object.fromEntries([...search.entries()].filter(([k]) => k !== "lang"));
  return { eventId: access.event.id, lang: options.lang, given, letter: loaded.letter };
}

export default function LetterPrint() {
  const { eventId, lang, given, letter } = useLoaderData<typeof loader>();
  const query = (l: "vi" | "en") => letterQuery({ ...given, lang: l });
  const { t } = useT();
  const other = lang === "vi" ? "en" : "vi";
  return (
    <div className="print-root">
      <PageSize size="A4 portrait" />
      {/* Nghị định 30/2020/NĐ-CP: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */}
      <PageStyle css="@page { margin: 20mm 15mm 20mm 30mm; }" />
      <PrintToolbar backHref={`/events/${eventId}/letters`}>
        <a className="button secondary" href={`/events/${eventId}/letters/pdf${query(lang)}`}>
          {t("letter.pdf")}
        </a>
        <a className="button secondary" href={`/events/${eventId}/letters/docx${query(lang)}`} download>
          {t("letter.docx")}
        </a>
        <Link className="button secondary" to={`/events/${eventId}/letters/print${query(other)}`}>
          {t(other === "en" ? "letter.english" : "letter.vietnamese")}
        </Link>
      </PrintToolbar>
      {letter.untranslated.length ? <p className="letter-note">{t("letter.untranslated", { terms: letter.untranslated.join("; ") })}</p> : null}
      {/* A phone shows the sheet at its true size and scrolls it sideways, not the whole page. */}
      <div className="letter-scroll">
        <LetterSheet letter={letter} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
