import { Link } from "@remix-run/react";
import { AttendeeStatusBadge, ReplyNotes, type ReplyNotesData } from "~/components/attendees/attendee-ui";
import type { InvitationRole, InvitationStatus } from "~/domain/attendees/attendee.schema";
import { useT } from "~/i18n/use-t";

export interface AttendeeRowData {
  id: string;
  honorific: string | null;
  fullName: string;
  position: string | null;
  organization: string | null;
  email?: string | null;
  role: InvitationRole;
  groupLabel: string | null;
  plusOnes: number;
  companions: string[];
  delegatedTo: string | null;
  standsInFor: string | null;
  status: InvitationStatus;
  respondedAt: Date | string | null;
  withdrawnAt: Date | string | null;
  reply: ReplyNotesData | null;
}

/** One page of the attendee list; with attendees:manage, a checkbox per row (for "send to selected") and an edit link. */
export function AttendeeTable({ items, canManage, base, at }: { items: AttendeeRowData[]; canManage: boolean; base: string; at: (d: Date | string) => string }) {
  const { t } = useT();
  return (
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
  );
}
