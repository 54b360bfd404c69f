import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LiveCounts, useLiveCounts } from "~/components/live-counts";
import { formatDate, formatPeriod, formatRange, weekdayEn, weekdayVi, zoneOffsetLabel } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { attendanceCounts } from "~/services/check-in.server";
import { requireEventPermission } from "~/services/auth.server";
import type { loader as eventLoader } from "../events.$eventId/route";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  return { eventId: access.event.id, counts: await attendanceCounts(context.db, access.event.id) };
}

/** The browser's zone, known only after hydration; null on the server and before. */
function useBrowserTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return zone;
}

export default function EventOverview() {
  const layout = useRouteLoaderData<typeof eventLoader>("routes/events.$eventId");
  const own = useLoaderData<typeof loader>();
  const counts = useLiveCounts(own.eventId, own.counts);
  const { t, locale } = useT();
  const browserZone = useBrowserTimeZone();
  if (!layout) return null;
  const { event } = layout;
  const startsAt = new Date(event.startsAt);
  const endsAt = new Date(event.endsAt);
  const orgName = (o: { nameVi: string; nameEn: string | null }) => (locale === "en" && o.nameEn ? o.nameEn : o.nameVi);
  const otherZone = browserZone && zoneOffsetLabel(startsAt, browserZone) !== zoneOffsetLabel(startsAt, event.timeZone);
  const venue = [event.venueRoom, event.venueName, event.venueAddress].filter(Boolean).join(", ");
  return (
    <>
    <LiveCounts counts={counts} />
    <div className="grid-2 align-start">
      <section className="card">
        <dl className="facts">
          <dt>{t("event.field.kind")}</dt>
          <dd>{t(`kind.${event.kind}`)}</dd>
          <dt>{t("event.section.when")}</dt>
          <dd>
            <span data-testid="event-when">
              {event.startPrecision === "date"
                ? t("event.dateOnlyWhen", {
                    weekday: locale === "en" ? weekdayEn(startsAt, event.timeZone) : weekdayVi(startsAt, event.timeZone),
                    date: formatDate(startsAt, event.timeZone),
                  })
                : formatRange(startsAt, endsAt, event.timeZone, locale)}
            </span>{" "}
            <span className="muted">
              ({event.timeZone}, {zoneOffsetLabel(startsAt, event.timeZone)})
            </span>
            {otherZone && browserZone && event.startPrecision !== "date" ? (
              <div className="muted" data-testid="event-when-local">
                {t("event.yourZone", { time: `${formatRange(startsAt, endsAt, browserZone, locale)} (${browserZone})` })}
              </div>
            ) : null}
          </dd>
          {event.occasion ? (
            <>
              <dt>{t("event.field.occasion")}</dt>
              <dd data-testid="event-occasion">{locale === "en" && event.occasionEn ? event.occasionEn : event.occasion}</dd>
            </>
          ) : null}
          {event.context ? (
            <>
              <dt>{t("event.field.context")}</dt>
              <dd data-testid="event-context">{locale === "en" && event.contextEn ? event.contextEn : event.context}</dd>
            </>
          ) : null}
          <dt>{t("event.section.where")}</dt>
          <dd>{venue || <span className="muted">{t("event.noVenue")}</span>}</dd>
          <dt>{t("event.field.host")}</dt>
          <dd>{event.host ? orgName(event.host) : "—"}</dd>
          <dt>{t("event.field.partners")}</dt>
          <dd>{event.partners.length ? event.partners.map(orgName).join("; ") : "—"}</dd>
          {event.capacity ? (
            <>
              <dt>{t("event.field.capacity")}</dt>
              <dd>{t("event.capacityValue", { count: event.capacity })}</dd>
            </>
          ) : null}
        </dl>
        {event.description ? <p className="prose">{event.description}</p> : null}
        <p className="actions">
          <a href={`/events/${event.id}/calendar.ics`} download className="button secondary">
            {t("calendar.download")}
          </a>
        </p>
      </section>
      {event.kind === "signing_ceremony" ? (
        <section className="card" aria-labelledby="agreement-heading">
          <h2 id="agreement-heading" className="flush-top">
            {t("event.section.agreement")}
          </h2>
          {event.documents.length ? (
            event.documents.map((d) => (
              <div key={d.id}>
                <p>
                  <strong>{d.title}</strong> <span className="muted">({t(`document.kind.${d.kind}`)})</span>
                </p>
                <dl className="facts">
                  {d.periodStart ? (
                    <>
                      <dt>{t("agreement.period")}</dt>
                      <dd>{formatPeriod(d.periodStart, d.periodEnd)}</dd>
                    </>
                  ) : null}
                  <dt>{t("agreement.parties")}</dt>
                  <dd>
                    {d.partySideIds.length
                      ? d.partySideIds
                          .map((id) => event.sides.find((s) => s.id === id))
                          .map((s) => (s?.organization ? orgName(s.organization) : (s?.labelVi ?? "")))
                          .join("; ")
                      : "—"}
                  </dd>
                  <dt>{t("agreement.originals")}</dt>
                  <dd>{d.originals ?? "—"}</dd>
                </dl>
                {d.aims ? <p className="prose">{d.aims}</p> : null}
              </div>
            ))
          ) : (
            <p className="muted">{t("agreement.none")}</p>
          )}
        </section>
      ) : null}
    </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
