import { Form, Link, useSubmit } from "@remix-run/react";
import { invitationRoles, invitationStatuses } from "~/domain/attendees/attendee.schema";
import { useT } from "~/i18n/use-t";
import { hasFilters, sorts, type ListParams } from "~/components/attendees/list-params";

/** Search, status, role, group and sort of the attendee list: a GET form (a select applies itself with JavaScript). */
export function AttendeeFilters({ list, groups, personal, base }: { list: ListParams; groups: string[]; personal: boolean; base: string }) {
  const { t } = useT();
  const submit = useSubmit();
  return (
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
  );
}
