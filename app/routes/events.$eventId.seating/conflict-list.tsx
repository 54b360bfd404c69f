import { Form, useNavigation } from "@remix-run/react";
import { conflictText } from "~/domain/protocol/conflict-text";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";
import type { SeatingLoaderData } from "./route";

/** Conflicts are shown, not refused: a plan may be unfinished. */
export function ConflictList({ data }: { data: SeatingLoaderData }) {
  const { t } = useT();
  const busy = useNavigation().state !== "idle";
  if (data.tables.length === 0) return null;
  const away = data.unavailableSeated;
  return (
    <>
      {away.length ? (
        <Notice tone="warn" as="section" role="region" data-testid="unavailable-seated" aria-labelledby="unavailable-heading">
          <strong id="unavailable-heading">{t("protocol.seating.unavailableTitle", { count: away.length })}</strong>
          <p className="conflict-names">{away.map((a) => data.labels[a.invitationId] ?? "?").join("; ")}</p>
          {data.canUpdate ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="propose" />
              <button type="submit" className="button" disabled={busy}>
                {t("protocol.seating.reproposeFree")}
              </button>
            </Form>
          ) : null}
        </Notice>
      ) : null}
      {data.conflicts.length === 0 ? (
        <Notice tone="ok" as="p" data-testid="conflicts">
          {t("protocol.conflicts.none")}
        </Notice>
      ) : (
        <Notice tone="warn" as="section" role="region" data-testid="conflicts" aria-labelledby="conflicts-heading">
          <strong id="conflicts-heading">{t("protocol.conflicts.title")}</strong>
          <ul className="conflict-list">
            {data.conflicts.map((c, i) => (
              <li key={i}>{conflictText(c, data.tables, data.labels, t)}</li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}
