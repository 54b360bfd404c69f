import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { equalsFirstSchema, precedenceOrderSchema } from "~/domain/protocol/dignitary.schema";
import { submittedOrder } from "~/domain/protocol/precedence-list";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { listInvitationsWithoutDignitary } from "~/models/dignitaries.server";
import { attendanceLineSchema } from "~/domain/ceremony/ceremony.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { addAttendanceLine, changeAttendanceLine, loadCeremony, removeAttendanceLine } from "~/services/ceremony.server";
import { loadPrecedence, markInvitationAsDignitary, resetToProposedOrder, saveManualOrder, setEqualsFirst } from "~/services/dignitaries.server";
import { isServiceError } from "~/utils/errors";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { AttendanceLines, type LineAnswer } from "./attendance-lines";
import { PrecedenceList } from "./precedence-list";
import styles from "./protocol.css";
import { revalidateWhenOutOfDate } from "~/utils/revalidate";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.dignitaries.title");

export const shouldRevalidate = revalidateWhenOutOfDate;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const [view, ceremony] = await Promise.all([loadPrecedence(context.db, access.event.id), loadCeremony(context.db, access.event.id)]);
  const roles = new Map(ceremony.people.map((p) => [p.id, p.roles]));
  const canUpdate =
    view.event.status !== "cancelled" &&
    canOnEvent(access.user, "event:update", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  return {
    eventId: view.event.id,
    timeZone: view.event.timeZone,
    eventDate: view.event.startsAt,
    equalsFirst: view.event.precedenceEqualsFirst,
    manual: view.manual,
    version: view.version,
    dignitaries: view.dignitaries.map((d) => ({
      id: d.id,
      place: d.place,
      proposedPlace: d.proposedPlace,
      moved: d.moved,
      rankReason: d.rankReason,
      tieBreak: d.tieBreak,
      positionCount: d.positions.length,
      fullAddress: d.address.full,
      shortAddress: d.address.short,
      organization: d.organization,
      delegation: d.delegation,
      side: d.side,
      sideId: d.sideId,
      roles: roles.get(d.id) ?? [],
      rankUnknown: d.rankUnknown,
      needsReview: d.needsReview,
      arrivalAt: d.arrivalAt,
      escortName: d.escortName,
      notes: d.notes,
    })),
    sides: ceremony.sides,
    documents: ceremony.documents.map((doc) => ({ id: doc.id, title: doc.title })),
    lines: ceremony.lines,
    candidates: canUpdate ? await listInvitationsWithoutDignitary(context.db, access.event.id) : [],
    canUpdate,
  };
}

type ActionResult = { ok: MessageKey | null; name?: string; error: string | null; line?: LineAnswer };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const raw = formDataToObject(await readForm(request), ["ids"]);
  const eventId = access.event.id;
  const fail = (error: string, status: number) => data<ActionResult>({ ok: null, error }, { status });
  try {
    // "move" is the Up/Down buttons without JavaScript: apply the step to the submitted order and save it.
    if (typeof raw.move === "string" || raw.intent === "order") {
      const parsed = precedenceOrderSchema.safeParse(raw);
      if (!parsed.success) return fail("errors.invalid", 400);
      const order = submittedOrder(parsed.data.ids, raw.move);
      if (order === "invalid") return fail("errors.invalid", 400);
      // A step past either end changes nothing: nothing to save.
      if (order === "unchanged") return data<ActionResult>({ ok: null, error: null });
      await saveManualOrder(context.db, access.user, eventId, order.ids, parsed.data.version);
      return data<ActionResult>({ ok: "protocol.order.saved", error: null });
    }
    if (raw.intent === "reset") {
      const version = typeof raw.version === "string" && /^[0-9a-f]{16}$/.test(raw.version) ? raw.version : null;
      await resetToProposedOrder(context.db, access.user, eventId, version);
      return data<ActionResult>({ ok: "protocol.order.resetDone", error: null });
    }
    if (raw.intent === "equalsFirst") {
      const parsed = equalsFirstSchema.safeParse(raw);
      if (!parsed.success) return fail("errors.choice", 400);
      await setEqualsFirst(context.db, access.user, eventId, parsed.data.equalsFirst);
      return data<ActionResult>({ ok: "protocol.tie.saved", error: null });
    }
    if (raw.intent === "line" || raw.intent === "removeLine") {
      const lineId = typeof raw.lineId === "string" && isUuid(raw.lineId) ? raw.lineId : null;
      const line = (fields: Record<string, string> | null, formError: string | null): LineAnswer => ({
        form: `line:${lineId ?? "new"}`,
        fieldErrors: fields,
        formError,
        values: raw,
      });
      try {
        if (raw.intent === "removeLine") {
          if (!lineId) return fail("errors.invalid", 400);
          await removeAttendanceLine(context.db, access.user, eventId, lineId);
          return data<ActionResult>({ ok: "ceremony.done.lineRemoved", error: null });
        }
        const parsed = attendanceLineSchema.safeParse(raw);
        if (!parsed.success) return data<ActionResult>({ ok: null, error: null, line: line(fieldErrors(parsed.error), "form.fixErrors") }, { status: 400 });
        if (lineId) await changeAttendanceLine(context.db, access.user, eventId, lineId, parsed.data);
        else await addAttendanceLine(context.db, access.user, eventId, parsed.data);
        return data<ActionResult>({ ok: lineId ? "ceremony.done.lineSaved" : "ceremony.done.lineCreated", error: null });
      } catch (error) {
        if (!isServiceError(error) || error.code !== "invalid") throw error;
        return data<ActionResult>({ ok: null, error: null, line: line(error.fields, error.message) }, { status: 422 });
      }
    }
    if (raw.intent === "mark") {
      if (typeof raw.invitationId !== "string" || !isUuid(raw.invitationId)) return fail("errors.choice", 400);
      const d = await markInvitationAsDignitary(context.db, access.user, eventId, raw.invitationId);
      return data<ActionResult>({ ok: "protocol.marked", name: d.name, error: null });
    }
    return fail("errors.invalid", 400);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = error.code === "not_found" ? 404 : error.code === "conflict" ? 409 : 422;
    return fail(error.message, status);
  }
}

const notices: Record<string, MessageKey> = {
  created: "protocol.created",
  updated: "protocol.updated",
  removed: "protocol.removed",
};

export default function DignitariesPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { eventId, dignitaries, canUpdate, candidates, manual, version, equalsFirst, sides, lines } = loaderData;
  const unresolved = dignitaries.filter((d) => d.needsReview);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError } = useT();
  const [params] = useSearchParams();
  const notice = notices[params.get("done") ?? ""];
  const busy = navigation.state !== "idle";
  return (
    <>
      <div className="protocol-toolbar">
        <h2 style={{ margin: 0 }}>{t("protocol.dignitaries.title")}</h2>
        <div className="actions">
          {canUpdate ? (
            <Link to={`/events/${eventId}/dignitaries/new`} className="button">
              {t("protocol.dignitaries.add")}
            </Link>
          ) : null}
          <Link to={`/events/${eventId}/dignitaries/print`} className="button secondary">
            {t("protocol.dignitaries.print")}
          </Link>
          <Link to={`/events/${eventId}/seating`} className="button secondary">
            {t("protocol.seating.title")}
          </Link>
        </div>
      </div>
      {notice && !actionData ? (
        <div className="notice notice-ok" role="status">
          {t(notice, { name: params.get("name") ?? "" })}
        </div>
      ) : null}
      {actionData?.ok ? (
        <div className="notice notice-ok" role="status">
          {t(actionData.ok, { name: actionData.name ?? "" })}
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.error)}
        </div>
      ) : null}
      {canUpdate ? <p className="protocol-intro muted">{t("protocol.dignitaries.intro")}</p> : null}
      {unresolved.length ? (
        <div className="notice notice-warn" role="status" data-testid="rank-unknown-notice">
          <p style={{ marginTop: 0 }}>
            {t("protocol.unresolved.notice", { count: unresolved.length, names: unresolved.map((d) => d.shortAddress).join("; ") })}
          </p>
          {canUpdate ? (
            <Form method="post">
              <input type="hidden" name="version" value={version} />
              {dignitaries.map((d) => (
                <input key={d.id} type="hidden" name="ids" value={d.id} />
              ))}
              <button type="submit" name="intent" value="order" className="button secondary" disabled={busy}>
                {t("protocol.unresolved.confirm")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {dignitaries.length === 0 ? (
        <p className="card muted">{t("protocol.dignitaries.empty")}</p>
      ) : (
        <PrecedenceList
          // A new version (someone saved, or a 409 reloaded the list) starts the arrangement afresh.
          key={version}
          data={loaderData}
          busy={busy}
        />
      )}
      {dignitaries.length || lines.length ? (
        <AttendanceLines people={dignitaries} lines={lines} sides={sides} canUpdate={canUpdate} answer={actionData?.line} />
      ) : null}
      {canUpdate ? (
        <section className="card settings-row" aria-label={t("protocol.tie.label")}>
          <Form method="post">
            <input type="hidden" name="intent" value="equalsFirst" />
            <div className="field">
              <label htmlFor="equalsFirst">{t("protocol.tie.label")}</label>
              <select id="equalsFirst" name="equalsFirst" defaultValue={equalsFirst} key={equalsFirst}>
                <option value="guests">{t("protocol.tie.guests")}</option>
                <option value="hosts">{t("protocol.tie.hosts")}</option>
              </select>
            </div>
            <button type="submit" className="button secondary" disabled={busy}>
              {t("protocol.tie.apply")}
            </button>
          </Form>
          {manual ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reset" />
              <input type="hidden" name="version" value={version} />
              <button type="submit" className="button secondary" disabled={busy}>
                {t("protocol.order.reset")}
              </button>
            </Form>
          ) : null}
          {candidates.length ? (
            <Form method="post">
              <input type="hidden" name="intent" value="mark" />
              <div className="field">
                <label htmlFor="mark-invitation">{t("protocol.mark.title")}</label>
                <select id="mark-invitation" name="invitationId" required>
                  {candidates.map((c) => (
                    <option key={c.invitationId} value={c.invitationId}>
                      {[c.honorific, c.fullName].filter(Boolean).join(" ")}
                      {c.organization ? ` — ${c.organization}` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button secondary" disabled={busy}>
                {t("protocol.mark.submit")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
