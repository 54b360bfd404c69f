import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { listQuery, PAGE_SIZE, type ListParams } from "~/components/attendees/list-params";

/** Previous / next links of the attendee list (keyset cursors from the loader) and "page 2 / 60". */
export function ListPager(props: { base: string; list: ListParams; start: number; total: number; previous: string | null; next: string | null }) {
  const { t, locale } = useT();
  const number = (n: number) => n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
  const pageCount = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  const page = Math.min(pageCount, Math.floor(props.start / PAGE_SIZE) + 1);
  if (!props.previous && !props.next) return null;
  return (
    <nav className="pagination" aria-label={t("pagination.page", { page })}>
      {props.previous ? <Link to={`${props.base}${listQuery(props.list, { pageCursor: props.previous })}`}>← {t("action.previous")}</Link> : <span />}
      <span>
        {number(page)} / {number(pageCount)}
      </span>
      {props.next ? <Link to={`${props.base}${listQuery(props.list, { pageCursor: props.next })}`}>{t("action.next")} →</Link> : <span />}
    </nav>
  );
}
