import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** The two administrator pages on personal data: the people directory (access, erasure) and retention. */
export function PrivacyTabs() {
  const { t } = useT();
  return (
    <nav className="actions flush-top space-below" aria-label={t("nav.personalData")}>
      <NavLink to="/admin/people" end={false} className={({ isActive }) => `button ${isActive ? "" : "secondary"}`}>
        {t("privacy.tabs.people")}
      </NavLink>
      <NavLink to="/admin/retention" className={({ isActive }) => `button ${isActive ? "" : "secondary"}`}>
        {t("privacy.tabs.retention")}
      </NavLink>
    </nav>
  );
}
