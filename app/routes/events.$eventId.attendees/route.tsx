import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { companionsComing } from "~/domain/rsvp/companions";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { listDeputies } from "~/models/delegation.server";
import { acceptDeputy, pendingDeputyProposals, refuseDeputy } from "~/services/delegation.server";
import { isServiceError } from "~/utils/errors";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { DeputyQueue } from "./deputy-queue";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { invitationRoles, invitationStatuses } from "~/domain/attendees/attendee.schema";
import { formatDate, formatTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { countEventInvitations, listEventGroups, listEventInvitations } from "~/models/invitations.server";
import { replySummaries, type ReplySummary } from "~/services/reply-ledger.server";
import { requireEventPermission, seesPersonalData } from "~/services/auth.server";
import type { loader as eventLoader } from "../events.$eventId/route";
import { AttendeeStatusBadge, ReplyNotes, savedNotices } from "./attendee-ui";
import styles from "./attendees.css";
import { decodeListCursor, pagerOf } from "./list-cursor.server";
import { hasFilters, listQuery, PAGE_SIZE, parseListParams, sorts, type ListParams } from "./list-params";
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
  const raw = formDataToObject(await readForm(request));
  const proposalId = typeof raw.proposalId === "string" ? raw.proposalId : "";
  const actor = { id: access.user.id, name: access.user.name };
  const fail = (status: number, message: string) => data({ ok: false as const, proposalId, message, notice: null }, { status });
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) return fail(400, "delegation.errors.notFound");
  try {
    if (raw.intent === "deputy-accept") {
      const done = await acceptDeputy(context.db, actor, { eventId: access.event.id, proposalId }, { appUrl: context.appUrl });
      return { ok: true as const, proposalId, message: null, notice: { kind: (done.invitationMail === "no_email" ? "acceptedNoEmail" : "accepted") as "accepted" | "acceptedNoEmail", deputyInvitationId: done.deputyInvitationId } };
    }
    if (raw.intent === "deputy-refuse") {
      await refuseDeputy(context.db, actor, { eventId: access.event.id, proposalId, reason: typeof raw.reason === "string" ? raw.reason : null }, { appUrl: context.appUrl });
      return { ok: true as const, proposalId, message: null, notice: { kind: "refused" as const, deputyInvitationId: null } };
    }
    return fail(400, "errors.invalid");
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const message = Object.values(error.fields)[0] ?? error.message;
    return fail(error.code === "not_found" ? 404 : error.code === "invalid" ? 400 : 409, message);
  }
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
  const [search] = useSearchParams();
  const submit = useSubmit();
  const number = (n: number) => n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
  const at = (d: Date | string) => `${formatTime(new Date(d), zone)} ${formatDate(new Date(d), zone)}`;
  const base = `/events/${eventId}/attendees`;
  const saved = savedNotices[(search.get("saved") ?? "") as keyof typeof savedNotices];
  const from = pager.start + 1;
  const statusLink = (status: ListParams["status"]) => `${base}${listQuery(list, { status, pageCursor: null })}`;
  const exportQuery = listQuery(list, { pageCursor: null });

  return (
    <section aria-labelledby="attendees-title">
      {saved ? (
        <div className="notice notice-ok" role="status">
          {t(saved, { name: search.get("who") ?? "" })}
        </div>
      ) : null}
      {actionData?.ok && actionData.notice ? (
        <div className="notice notice-ok" role="status" data-testid="deputy-notice">
          {t(`delegation.queue.done.${actionData.notice.kind}`)}
          {actionData.notice.deputyInvitationId ? (
            <>
              {" "}
              <Link to={`${base}/${actionData.notice.deputyInvitationId}`}>{t("delegation.queue.openDeputy")}</Link>
            </>
          ) : null}
        </div>
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

      <Form method="get" className="att-filters" role="search" aria-label={t("attendees.filters")}>
        <label className="att-search">
          {t("action.search")}
          <input type="search" name="q" defaultValue={list.q} placeholder={t(personal ? "attendees.searchPlaceholder" : "privacy.searchPlaceholderNoEmail")} maxLength={200} />
        </label>
        <label>
          {t("attendees.filter.status")}
          <select name="status" defaultValue={list.status ?? ""} onChange={(e) => submit(e.currentTarget.form)}>
            <option value="">{t("attendees.filter.allActive")}</option>
            {invitationStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`attendees.status.${s}`)}
              </option>
            ))}
            <option value="withdrawn">{t("attendees.status.withdrawn")}</option>
            <option value="bounced">{t("attendees.status.bounced")}</option>
          </select>
        </label>
        <label>
          {t("attendees.filter.role")}
          <select name="role" defaultValue={list.role ?? ""} onChange={(e) => submit(e.currentTarget.form)}>
            <option value="">{t("attendees.filter.allRoles")}</option>
            {invitationRoles.map((r) => (
              <option key={r} value={r}>
                {t(`attendees.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("attendees.filter.group")}
          <select name="group" defaultValue={list.group ?? ""} onChange={(e) => submit(e.currentTarget.form)}>
            <option value="">{t("attendees.filter.allGroups")}</option>
            {list.group && !groups.includes(list.group) ? <option value={list.group}>{list.group}</option> : null}
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("attendees.filter.sort")}
          <select name="sort" defaultValue={list.sort} onChange={(e) => submit(e.currentTarget.form)}>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`attendees.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="att-filter-buttons">
          <button type="submit" className="button">
            {t("attendees.filter.apply")}
          </button>
          {hasFilters(list) ? (
            <Link to={base} className="button secondary">
              {t("attendees.filter.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      {items.length === 0 ? (
        <p className="card muted">
          {list.q ? t("attendees.emptySearch", { q: list.q }) : hasFilters(list) ? t("attendees.emptyFilter") : t("attendees.empty")}
        </p>
      ) : (
        <>
          <p className="att-summary muted" data-testid="attendee-total">
            <span>{t("attendees.showing", { from: number(from), to: number(from + items.length - 1), total: number(total) })}</span>
          </p>
          <table className="list att-table">
            <thead>
              <tr>
                {canManage ? (
                  <th scope="col">
                    <span className="att-visually-hidden">{t("attendees.select")}</span>
                  </th>
                ) : null}
                <th scope="col">{t("attendees.field.fullName")}</th>
                <th scope="col" className="hide-sm">
                  {t("attendees.field.organization")}
                </th>
                <th scope="col" className="hide-sm">
                  {t("attendees.field.role")}
                </th>
                <th scope="col" className="hide-sm">
                  {t("attendees.field.groupLabel")}
                </th>
                <th scope="col">{t("attendees.field.status")}</th>
                {canManage ? (
                  <th scope="col">
                    <span className="att-visually-hidden">{t("action.edit")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className={i.withdrawnAt ? "att-withdrawn" : undefined}>
                  {canManage ? (
                    <td>
                      {i.withdrawnAt ? null : (
                        <input
                          type="checkbox"
                          name="invitationId"
                          value={i.id}
                          form="send-selected"
                          aria-label={`${t("attendees.select")}: ${i.fullName}`}
                        />
                      )}
                    </td>
                  ) : null}
                  <td>
                    <div className="att-name">
                      {i.honorific ? <span className="att-honorific">{i.honorific} </span> : null}
                      {i.fullName}
                    </div>
                    {i.position ? <div className="att-sub">{i.position}</div> : null}
                    {i.organization ? <div className="att-sub att-show-sm">{i.organization}</div> : null}
                    {"email" in i && i.email ? <div className="att-sub hide-sm">{i.email}</div> : null}
                    {i.standsInFor ? <div className="att-sub" data-testid="stands-in-for">{t("delegation.onBehalfOf", { name: i.standsInFor })}</div> : null}
                    {i.delegatedTo ? <div className="att-sub" data-testid="delegated-to">{t("delegation.delegatedTo", { name: i.delegatedTo })}</div> : null}
                    {i.plusOnes > 0 ? <div className="att-sub">{t("attendees.plusOnesShort", { count: i.plusOnes })}</div> : null}
                    {i.companions.length ? (
                      <div className="att-sub" data-testid="companions">
                        {t("companions.short", { count: i.companions.length, names: i.companions.join(", ") })}
                      </div>
                    ) : null}
                  </td>
                  <td className="hide-sm">{i.organization ?? "—"}</td>
                  <td className="hide-sm">{t(`attendees.role.${i.role}`)}</td>
                  <td className="hide-sm">{i.groupLabel ?? "—"}</td>
                  <td>
                    <AttendeeStatusBadge status={i.status} withdrawn={!!i.withdrawnAt} />
                    <div className="att-sub">
                      {i.withdrawnAt
                        ? t("attendees.withdrawnAt", { time: at(i.withdrawnAt) })
                        : i.respondedAt
                          ? t("attendees.answeredAt", { time: at(i.respondedAt) })
                          : null}
                    </div>
                    {i.reply ? <ReplyNotes reply={i.reply} at={at} /> : null}
                  </td>
                  {canManage ? (
                    <td className="att-edit">
                      <Link to={`${base}/${i.id}`} aria-label={`${t("action.edit")}: ${i.fullName}`}>
                        {t("action.edit")}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
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
