import { useT } from "~/i18n/use-t";
import type { SeatingLoaderData } from "./route";

/** Deputies in their principal's seat, and the companions who come with their invitee (docs/decisions/028). */
export function PartyChanges({ data }: { data: SeatingLoaderData }) {
  const { t } = useT();
  const deputies = Object.entries(data.standsInFor);
  const companions = Object.entries(data.companions);
  if (!deputies.length && !companions.length) return null;
  const total = companions.reduce((n, [, names]) => n + names.length, 0);
  return (
    <section className="card" aria-labelledby="party-changes" data-testid="seating-party-changes">
      <h3 id="party-changes">
        {t("seating.party.heading")}
      </h3>
      {deputies.length ? (
        <ul data-testid="seating-deputies">
          {deputies.map(([id, principal]) => (
            <li key={id}>{t("seating.party.deputy", { name: data.labels[id] ?? "?", principal })}</li>
          ))}
        </ul>
      ) : null}
      {deputies.length ? <p className="hint">{t("seating.party.deputyHint")}</p> : null}
      {companions.length ? (
        <>
          <p>{t("seating.party.companions", { count: total })}</p>
          <ul data-testid="seating-companions">
            {companions.map(([id, names]) => (
              <li key={id}>{t("seating.party.companionsOf", { host: data.labels[id] ?? "?", names: names.join(", ") })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
