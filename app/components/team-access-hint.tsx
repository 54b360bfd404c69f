import { useT } from "~/i18n/use-t";

/**
 * Shown to someone who may read an event but not work on this part of it (photos, press): who can add them to
 * the event's team, named, with their e-mail address.
 */
export function TeamAccessHint({ managers }: { managers: { name: string; email: string; as: "organizer" | "admin" }[] }) {
  const { t } = useT();
  return (
    <div className="notice notice-warn team-access-hint" role="note" data-testid="team-access-hint">
      <p style={{ margin: 0 }}>{t("access.notInTeam")}</p>
      {managers.length ? (
        <ul style={{ margin: ".4rem 0 0", paddingLeft: "1.2rem" }}>
          {managers.map((m) => (
            <li key={m.email}>
              {m.name} ({t(m.as === "organizer" ? "access.asOrganizer" : "access.asAdmin")}) — <a href={`mailto:${m.email}`}>{m.email}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p style={{ margin: ".4rem 0 0" }}>{t("access.askAdmin")}</p>
      )}
    </div>
  );
}
