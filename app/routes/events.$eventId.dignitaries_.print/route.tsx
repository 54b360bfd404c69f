import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime, formatWhen } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { loadPrecedence } from "~/services/dignitaries.server";
import { requireEventPermission } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { arrivalText } from "~/domain/protocol/arrival-text";
import { PageSize, PrintToolbar } from "~/components/print/print-toolbar";
import styles from "~/components/print/print.css";
import { PageStyle } from "~/components/nonce";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.print.listTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const view = await loadPrecedence(context.db, access.event.id);
  const e = view.event;
  return {
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
    dignitaries: view.dignitaries.map((d) => ({
      id: d.id,
      place: d.place,
      fullAddress: d.address.full,
      organization: d.organization,
      delegation: d.delegation,
      arrivalAt: d.arrivalAt,
      escortName: d.escortName,
      notes: d.notes,
    })),
  };
}

/** A4 portrait: the dignitaries in precedence order with arrival times and escorts. */
export default function DignitaryListPrint() {
  const { event, dignitaries, printedAt } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  return (
    <div className="print-root">
      <PageSize size="A4 portrait" />
      <PageStyle css="@page { margin: 14mm 12mm; }" />
      <PrintToolbar backHref={`/events/${event.id}/dignitaries`} />
      <article className="paper a4-portrait" data-testid="print-sheet">
        <h1>{t("protocol.print.listTitle")}</h1>
        <p className="paper-sub">{event.title}</p>
        <p className="paper-meta">
          {formatWhen(new Date(event.startsAt), new Date(event.endsAt), event.timeZone, locale, event.startPrecision)}
          {event.venue ? ` · ${event.venue}` : ""}
        </p>
        {dignitaries.length === 0 ? (
          <p>{t("protocol.dignitaries.empty")}</p>
        ) : (
          <table className="print-list">
            <colgroup>
              <col className="c-num" />
              <col className="c-who" />
              <col className="c-org" />
              <col className="c-time" />
              <col className="c-escort" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>{t("protocol.col.place")}</th>
                <th>{t("protocol.col.dignitary")}</th>
                <th>{t("protocol.col.organization")}</th>
                <th>{t("protocol.col.arrival")}</th>
                <th>{t("protocol.col.escort")}</th>
                <th>{t("protocol.col.notes")}</th>
              </tr>
            </thead>
            <tbody>
              {dignitaries.map((d) => (
                <tr key={d.id}>
                  <td className="num">{d.place}</td>
                  <td>{d.fullAddress}</td>
                  <td>
                    {d.organization ?? ""}
                    {d.delegation ? <div className="delegation">{d.delegation}</div> : null}
                  </td>
                  <td className="time">{arrivalText(d.arrivalAt, event.timeZone, event.startsAt)}</td>
                  <td>{d.escortName ?? ""}</td>
                  <td>{d.notes ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="printed-at">{t("protocol.print.printedAt", { time: formatDateTime(new Date(printedAt), event.timeZone, locale) })}</p>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
