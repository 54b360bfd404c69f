import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";

/**
 * Shown to someone who may read an event but not work on this part of it (photos, press): who can add them to
 * the event's team, named, with their e-mail address.
 */
export function TeamAccessHint({ managers }: { managers: { name: string; email: string; as: "organizer" | "admin" }[] }) {
  const { t } = useT();
  return (
    <Notice tone="warn" className="team-access-hint" role="note" data-testid="team-access-hint">
      <p className="flush">{t("access.notInTeam")}</p>
      {managers.length ? (
        <ul className="tight-list team-access-list">
          {managers.map((m) => (
            <li key={m.email}>
              {m.name} ({t(m.as === "organizer" ? "access.asOrganizer" : "access.asAdmin")}) — <a href={`mailto:${m.email}`}>{m.email}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="flush team-access-list">{t("access.askAdmin")}</p>
      )}
    </Notice>
  );
}
