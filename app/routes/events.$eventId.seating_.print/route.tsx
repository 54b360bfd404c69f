import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime, formatWhen } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { loadSeating } from "~/services/seating.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { PageSize, PrintToolbar } from "~/components/print/print-toolbar";
import printStyles from "~/components/print/print.css";
import chartStyles from "./chart-print.css";
import { PageStyle } from "~/components/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: printStyles },
  { rel: "stylesheet", href: chartStyles },
];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.print.chartTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const view = await loadSeating(context.db, access.event.id);
  const e = view.precedence.event;
  const size = new URL(request.url).searchParams.get("size") === "A3" ? "A3" : "A4";
  return {
    size,
    event: {
      id: e.id,
      title: e.title,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      startPrecision: e.startPrecision,
      timeZone: e.timeZone,
      venue: [e.venueRoom, e.venueName, e.venueAddress].filter(Boolean).join(", "),
    },
    printedAt: new Date(),
    tables: view.tables,
    labels: view.labels,
    companionOf: view.companionOf,
  } as const;
}

type Table = ReturnType<typeof useLoaderData<typeof loader>>["tables"][number];

/** A4 or A3 landscape: the stage at the top, then the guest rows, as the audience sees them. */
export default function SeatingChartPrint() {
  const { size, event, tables, labels, companionOf, printedAt } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  // A companion: "Nguyễn Văn C — khách của ông B".
  const whoOf = (key: string) => (companionOf[key] ? t("companions.seatingLabel", companionOf[key]) : (labels[key] ?? ""));
  const seat = (table: Table, s: Table["seats"][number]) => {
    const who = s.invitationId ? whoOf(s.invitationId) : "";
    const role = s.role ?? "";
    const party = s.party ? (locale === "en" && s.party.nameEn ? s.party.nameEn : s.party.nameVi) : null;
    return (
      <div key={s.index} className={`chart-seat ${who ? "" : "empty"} ${role}`} data-testid="chart-seat">
        <span className="no">
          {s.index + 1}
          {role === "signer" ? ` · ${t("protocol.seat.signer")}` : s.rank ? ` · ${t("protocol.seat.rank", { n: s.rank })}` : ""}
        </span>
        {party ? <span className="party">{party}</span> : null}
        <span className="who">{who || "—"}</span>
      </div>
    );
  };
  const block = (table: Table) => {
    const front = table.seats.slice(0, table.frontSeats);
    const behind = table.seats.slice(table.frontSeats);
    return (
      <section key={table.id} className="chart-table">
        <h2>{table.name}</h2>
        {table.document ? <p className="chart-document">{table.document.title}</p> : null}
        {behind.length ? <div className="chart-row">{behind.map((s) => seat(table, s))}</div> : null}
        <div className="chart-row">{front.map((s) => seat(table, s))}</div>
        {table.kind === "signing" ? <div className="chart-desk" /> : null}
      </section>
    );
  };
  const stage = [...tables.filter((x) => x.kind === "presidium"), ...tables.filter((x) => x.kind === "signing")];
  const hall = tables.filter((x) => x.kind === "row");
  return (
    <div className="print-root">
      <PageSize size={`${size} landscape`} />
      <PageStyle css="@page { margin: 10mm; }" />
      <PrintToolbar backHref={`/events/${event.id}/seating`}>
        <Link to={size === "A3" ? "." : "?size=A3"} className="button secondary">
          {size === "A3" ? t("protocol.seating.printA4") : t("protocol.seating.printA3")}
        </Link>
      </PrintToolbar>
      <article className={`paper chart ${size === "A3" ? "a3" : "a4"}`} data-testid="print-sheet">
        <h1>{t("protocol.print.chartTitle")}</h1>
        <p className="paper-sub">{event.title}</p>
        <p className="paper-meta">
          {formatWhen(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, locale, event.startPrecision)}
          {event.venue ? ` · ${event.venue}` : ""}
        </p>
        {tables.length === 0 ? <p>{t("protocol.seating.empty")}</p> : null}
        <div className="chart-stage">{t("protocol.seating.stage")}</div>
        {stage.map(block)}
        <div className="chart-audience">{t("protocol.seating.audience")}</div>
        {hall.map(block)}
        <p className="chart-legend">
          {t("protocol.print.viewpoint")} · {t("protocol.print.printedAt", { time: formatDateTime(new Date(printedAt), event.timeZone, locale) })}
        </p>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
