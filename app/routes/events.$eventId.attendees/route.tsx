import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { companionsComing } from "~/domain/rsvp/companions";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { listDeputies } from "~/models/delegation.server";
import { acceptDeputy, pendingDeputyProposals, refuseDeputy } from "~/services/delegation.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { attendeesActionSchema } from "./attendees.schema";
import { AttendeeFilters } from "./attendee-filters";
import { AttendeeTable } from "./attendee-table";
import { DeputyQueue } from "./deputy-queue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { invitationStatuses } from "~/domain/attendees/attendee.schema";
import { formatDate, formatTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { countEventInvitations, listEventGroups, listEventInvitations } from "~/models/invitations.server";
import { replySummaries, type ReplySummary } from "~/services/reply-ledger.server";
import { requireEventPermission, seesPersonalData } from "~/services/auth.server";
import type { loader as eventLoader } from "../events.$eventId/route";
import { Notice } from "~/components/ui/notice";
import styles from "~/components/attendees/attendees.css";
import { decodeListCursor, pagerOf } from "./list-cursor.server";
import { hasFilters, listQuery, PAGE_SIZE, parseListParams, type ListParams } from "~/components/attendees/list-params";
import { ListPager } from "./pager";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const eventId = access.event.id;
  // Viewers and staff outside the team read names, positions, organizations and roles: no email, no export.
  const personal = seesPersonalData(access);
  const list = parseListParams(new URL(request.url).searchParams);
  const at = decodeListCursor(list.pageCursor, list.sort);
  const [page, counts, groups, proposals, deputies] = await Promise.all([
    listEventInvitations(context.db, eventId, { ...list, searchEmail: personal, limit: PAGE_SIZE, cursor: at?.cursor ?? null }),
    countEventInvitations(context.db, eventId),
    listEventGroups(context.db, eventId),
    pendingDeputyProposals(context.db, eventId),
    listDeputies(context.db, eventId),
  ]);
  const nameOf = (p: { honorific: string | null; fullName: string }) => [p.honorific, p.fullName].filter(Boolean).join(" ");
  const delegatedTo = new Map(deputies.map((d) => [d.principalInvitationId, nameOf(d.deputy)]));
  const standsInFor = new Map(deputies.map((d) => [d.invitationId, principalInPhrase(d.principal)]));
  // The mailed answers, the web/mail conflicts and the bounces of this page (docs/decisions/027-calendar-replies.md).
  const replies = await replySummaries(
    context.db,
    eventId,
    page.items.map((i) => i.id),
  );
  return {
    eventId,
    list,
    total: page.total,
    pager: pagerOf(list.sort, at, page),
    counts,
    groups,
    // Identifies this showing of the page, so a double click on "send to selected" sends once.
    requestId: crypto.randomUUID(),
    personal,
    canManage: canOnEvent(access.user, "attendees:manage", { ownerId: access.event.createdBy, memberRole: access.memberRole }),
    items: page.items.map((i) => ({
      id: i.id,
      honorific: i.person.honorific,
      fullName: i.person.fullName,
      position: i.person.positions[0] ?? null,
      organization: i.person.organization,
      ...(personal ? { email: i.person.email } : {}),
      role: i.role,
      groupLabel: i.groupLabel,
      plusOnes: i.plusOnes,
      companions: companionsComing(i),
      delegatedTo: delegatedTo.get(i.id) ?? null,
      standsInFor: standsInFor.get(i.id) ?? null,
      status: i.status,
      respondedAt: i.respondedAt,
      withdrawnAt: i.withdrawnAt,
      reply: replyView(replies.get(i.id), personal),
    })),
    proposals: proposals.map((p) => ({
      id: p.id,
      principal: nameOf(p.principal),
      principalPosition: p.principal.positions[0] ?? null,
      deputy: nameOf(p),
      deputyPosition: p.positions[0] ?? null,
      deputyOrganization: p.organization,
      // The deputy's email is personal data: the team sees it, viewers do not.
      deputyEmail: personal ? p.email : null,
      note: personal ? p.note : null,
      source: p.source,
      createdAt: p.createdAt,
    })),
  };
}

/** Accept or refuse a deputy proposal from the queue. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const form = await parseForm(request, attendeesActionSchema);
  const proposalId = typeof form.values.proposalId === "string" ? form.values.proposalId : "";
  const fail = (status: number, message: string) => data({ ok: false as const, proposalId, message, notice: null }, { status });
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) return fail(400, "delegation.errors.notFound");
  if (!form.success) return fail(400, "errors.invalid");
  const input = form.data;
  const actor = { id: access.user.id, name: access.user.name };
  const where = { eventId: access.event.id, proposalId: input.proposalId };
  const outcome = await attempt(async () => {
    if (input.intent === "deputy-accept") {
      const done = await acceptDeputy(context.db, actor, where, { appUrl: context.appUrl });
      const kind: DeputyNotice["kind"] = done.invitationMail === "no_email" ? "acceptedNoEmail" : "accepted";
      return { kind, deputyInvitationId: done.deputyInvitationId };
    }
    await refuseDeputy(context.db, actor, { ...where, reason: input.reason ?? null }, { appUrl: context.appUrl });
    return { kind: "refused", deputyInvitationId: null } satisfies DeputyNotice;
  });
  if (!outcome.ok) return fail(outcome.status, Object.values(outcome.error.fields)[0] ?? outcome.error.message);
  return { ok: true as const, proposalId, message: null, notice: outcome.value as DeputyNotice };
}

interface DeputyNotice {
  kind: "accepted" | "acceptedNoEmail" | "refused";
  deputyInvitationId: string | null;
}

/** What a reader sees of the answers and mail: the note, the bounce's reason (it names the address) only with personal data. */
function replyView(summary: ReplySummary | undefined, personal: boolean) {
  if (!summary) return null;
  return {
    mail: summary.mail
      ? {
          partstat: summary.mail.partstat,
          client: summary.mail.client,
          answeredAt: summary.mail.answeredAt,
          applied: summary.mail.applied,
          outcome: summary.mail.outcome,
          guests: summary.mail.guests,
          delegatedTo: personal ? summary.mail.delegatedTo : null,
          comment: personal ? summary.mail.comment : null,
        }
      : null,
    conflict: summary.conflict,
    bounce: summary.bounce ? { at: summary.bounce.at, reason: personal ? summary.bounce.reason : null } : null,
  };
}

export default function AttendeesPage() {
  const { eventId, list, total, pager, counts, groups, canManage, personal, items, requestId, proposals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const layout = useRouteLoaderData<typeof eventLoader>("routes/events.$eventId");
  const zone = layout?.event.timeZone ?? "Asia/Ho_Chi_Minh";
  const { t, locale } = useT();
  const number = (n: number) => n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
  const at = (d: Date | string) => `${formatTime(new Date(d), zone)} ${formatDate(new Date(d), zone)}`;
  const base = `/events/${eventId}/attendees`;
  const from = pager.start + 1;
  const statusLink = (status: ListParams["status"]) => `${base}${listQuery(list, { status, pageCursor: null })}`;
  const exportQuery = listQuery(list, { pageCursor: null });

  return (
    <section aria-labelledby="attendees-title">
      {actionData?.ok && actionData.notice ? (
        <Notice tone="ok" data-testid="deputy-notice">
          {t(`delegation.queue.done.${actionData.notice.kind}`)}
          {actionData.notice.deputyInvitationId ? (
            <>
              {" "}
              <Link to={`${base}/${actionData.notice.deputyInvitationId}`}>{t("delegation.queue.openDeputy")}</Link>
            </>
          ) : null}
        </Notice>
      ) : null}
      <DeputyQueue
        items={proposals}
        canManage={canManage}
        at={at}
        error={actionData && !actionData.ok ? { proposalId: actionData.proposalId, message: actionData.message } : null}
      />
      <div className="att-head">
        <h2 id="attendees-title">{t("attendees.title")}</h2>
        <div className="actions">
          {canManage ? (
            <>
              <Link to={`${base}/new`} className="button">
                {t("attendees.add")}
              </Link>
              <Link to={`${base}/import`} className="button secondary">
                {t("attendees.importCsv")}
              </Link>
            </>
          ) : null}
          {personal ? (
            <a href={`${base}/export.csv${exportQuery}`} className="button secondary" download>
              {t("attendees.exportCsv")}
            </a>
          ) : null}
          <Link to={`${base}/print${exportQuery}`} className="button secondary">
            {t("attendees.printView")}
          </Link>
        </div>
      </div>

      {personal ? null : (
        <p className="muted" data-testid="personal-data-hidden">
          {t("privacy.hiddenNote")}
        </p>
      )}
      <ul className="att-counts" aria-label={t("attendees.counts")} data-testid="attendee-counts">
        <li>
          <Link to={statusLink(null)} aria-current={list.status === null ? "true" : undefined} data-testid="count-active">
            {t("attendees.counts.active")} <strong>{number(counts.active)}</strong>
          </Link>
        </li>
        {invitationStatuses.map((s) => (
          <li key={s}>
            <Link to={statusLink(s)} aria-current={list.status === s ? "true" : undefined} data-testid={`count-${s}`}>
              {t(`attendees.status.${s}`)} <strong>{number(counts[s])}</strong>
            </Link>
          </li>
        ))}
        <li>
          <Link to={statusLink("withdrawn")} aria-current={list.status === "withdrawn" ? "true" : undefined} data-testid="count-withdrawn">
            {t("attendees.status.withdrawn")} <strong>{number(counts.withdrawn)}</strong>
          </Link>
        </li>
        <li>
          <Link to={statusLink("bounced")} aria-current={list.status === "bounced" ? "true" : undefined} data-testid="count-bounced">
            {t("attendees.status.bounced")} <strong>{number(counts.bounced)}</strong>
          </Link>
        </li>
      </ul>

      <AttendeeFilters list={list} groups={groups} personal={personal} base={base} />

      {items.length === 0 ? (
        <p className="card muted">
          {list.q ? t("attendees.emptySearch", { q: list.q }) : hasFilters(list) ? t("attendees.emptyFilter") : t("attendees.empty")}
        </p>
      ) : (
        <>
          <p className="att-summary muted" data-testid="attendee-total">
            <span>{t("attendees.showing", { from: number(from), to: number(from + items.length - 1), total: number(total) })}</span>
          </p>
          <AttendeeTable items={items} canManage={canManage} base={base} at={at} />
          {canManage ? (
            <Form method="post" action={`/events/${eventId}/mail`} id="send-selected" className="actions">
              <input type="hidden" name="intent" value="send-selected" />
              <input type="hidden" name="requestId" value={requestId} />
              <button type="submit" className="button secondary">
                {t("attendees.sendSelected")}
              </button>
            </Form>
          ) : null}
          <ListPager base={base} list={list} start={pager.start} total={total} previous={pager.previous} next={pager.next} />
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
