import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate, formatWhen, formatTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { getEventDetail } from "~/models/events.server";
import { countEventInvitationsMatching, getInvitationsByIds, listEventInvitationIds } from "~/models/invitations.server";
import { requireEventPermission, seesPersonalData } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";
import styles from "~/components/attendees/attendees.css";
import { listQuery, parseListParams } from "~/components/attendees/list-params";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** A4 pages of a few hundred rows each are already thick: beyond this, filter first. */
const MAX_PRINT_ROWS = 2000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const event = await getEventDetail(context.db, access.event.id);
  if (!event) throw notFound();
  const list = { ...parseListParams(new URL(request.url).searchParams), searchEmail: seesPersonalData(access) };
  const [ids, total] = await Promise.all([
    listEventInvitationIds(context.db, event.id, { ...list, limit: MAX_PRINT_ROWS }),
    countEventInvitationsMatching(context.db, event.id, list),
  ]);
  const rows = await getInvitationsByIds(context.db, ids);
  return {
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      startPrecision: event.startPrecision,
      timeZone: event.timeZone,
      venue: [event.venueRoom, event.venueName, event.venueAddress].filter(Boolean).join(", "),
    },
    list,
    total,
    printedAt: new Date(),
    rows: rows.map((i) => ({
      id: i.id,
      honorific: i.person.honorific,
      fullName: i.person.fullName,
      positions: i.person.positions,
      organization: i.person.organization,
      groupLabel: i.groupLabel,
      role: i.role,
      status: i.status,
      plusOnes: i.plusOnes,
      withdrawn: i.withdrawnAt !== null,
    })),
  };
}

export default function AttendeesPrint() {
  const { event, list, total, printedAt, rows } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const zone = event.timeZone;
  const printed = new Date(printedAt);
  const filters = [
    list.status ? t(`attendees.status.${list.status}`) : null,
    list.role ? t(`attendees.role.${list.role}`) : null,
    list.group,
    list.q ? t("attendees.print.search", { q: list.q }) : null,
  ].filter(Boolean);
  return (
    <div className="att-print-root">
      <div className="att-print-tools">
        <Link to={`/events/${event.id}/attendees${listQuery(list, { pageCursor: null })}`}>← {t("attendees.print.back")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("attendees.print.print")}
        </button>
      </div>
      <div className="att-paper-scroll">
        <article className="att-paper" data-testid="attendee-sheet">
          <h1>{t("attendees.print.title")}</h1>
          <p className="att-paper-event">{event.title}</p>
          <p className="att-paper-meta">
            {formatWhen(new Date(event.startsAt), new Date(event.endsAt), zone, locale, event.startPrecision)}
            {event.venue ? ` · ${event.venue}` : ""}
          </p>
          {filters.length ? (
            <p className="att-paper-note">{t("attendees.print.filtered", { filters: filters.join("; ") })}</p>
          ) : null}
          {total > rows.length ? (
            <p className="att-paper-note">{t("attendees.print.truncated", { count: rows.length })}</p>
          ) : null}
          <table>
            <colgroup>
              <col className="c-num" />
              <col className="c-who" />
              <col className="c-org" />
              <col className="c-group" />
              <col className="c-status" />
              <col className="c-sign" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t("attendees.print.number")}</th>
                <th scope="col">{t("attendees.field.fullName")}</th>
                <th scope="col">{t("attendees.field.organization")}</th>
                <th scope="col">{t("attendees.field.groupLabel")}</th>
                <th scope="col">{t("attendees.field.status")}</th>
                <th scope="col">{t("attendees.print.signature")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, index) => (
                <tr key={r.id}>
                  <td className="num">{index + 1}</td>
                  <td>
                    <strong>
                      {r.honorific ? `${r.honorific} ` : ""}
                      {r.fullName}
                    </strong>
                    {r.positions.map((p, i) => (
                      <div key={i} className="att-paper-position">
                        {p}
                      </div>
                    ))}
                    {r.role !== "guest" ? <div className="att-paper-position">({t(`attendees.role.${r.role}`)})</div> : null}
                    {r.plusOnes > 0 ? (
                      <div className="att-paper-position">{t("attendees.plusOnesShort", { count: r.plusOnes })}</div>
                    ) : null}
                  </td>
                  <td>{r.organization ?? ""}</td>
                  <td>{r.groupLabel ?? ""}</td>
                  <td>{r.withdrawn ? t("attendees.withdrawnBadge") : t(`attendees.status.${r.status}`)}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          <div className="att-paper-foot">
            <span>{t("attendees.print.total", { count: total.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB") })}</span>
            <span>{t("attendees.print.printed", { time: `${formatTime(printed, zone)} ${formatDate(printed, zone)}` })}</span>
          </div>
        </article>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
