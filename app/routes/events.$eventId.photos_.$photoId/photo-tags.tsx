import { Form, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { PhotoPageData } from "./route";

/** Who is in the photo: the list, and for the team a search of the event's guests to tag or untag them. */
export function PhotoTags({ loaded }: { loaded: PhotoPageData }) {
  const { photo, canManage, candidates, q } = loaded;
  const navigation = useNavigation();
  const { t } = useT();
  const busy = navigation.state !== "idle";
  return (
    <section className="card" aria-labelledby="tags-title">
      <h3 id="tags-title">{t("photos.tags.title")}</h3>
      {photo.tags.length === 0 ? <p className="muted">{t("photos.tags.none")}</p> : null}
      <ul className="tag-list" data-testid="tag-list">
        {photo.tags.map((tag) => (
          <li key={tag.invitationId}>
            <span>
              {tag.name}
              {tag.organization ? <span className="org">{tag.organization}</span> : null}
            </span>
            {canManage ? (
              <TagButton intent="untag" invitationId={tag.invitationId} version={photo.version} q={q} busy={busy} label={t("photos.tags.removeLabel", { name: tag.name })}>
                {t("photos.tags.remove")}
              </TagButton>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <>
          <Form method="get" className="tag-search" role="search">
            <div className="field">
              <label htmlFor="tag-q">{t("photos.tags.search")}</label>
              <input id="tag-q" type="search" name="q" defaultValue={q} key={q} maxLength={200} aria-describedby="tag-q-hint" />
            </div>
            <button type="submit" className="button secondary">
              {t("photos.tags.searchSubmit")}
            </button>
          </Form>
          <p className="hint muted small-text" id="tag-q-hint">
            {t("photos.tags.hint")}
          </p>
          {q && candidates.length === 0 ? <p className="muted">{t("photos.tags.noResults")}</p> : null}
          {candidates.length ? (
            <ul className="tag-list" data-testid="tag-candidates">
              {candidates.map((c) => (
                <li key={c.invitationId}>
                  <span>
                    {c.name}
                    {c.organization ? <span className="org">{c.organization}</span> : null}
                  </span>
                  <TagButton intent="tag" invitationId={c.invitationId} version={photo.version} q={q} busy={busy} label={t("photos.tags.addLabel", { name: c.name })}>
                    {t("photos.tags.add")}
                  </TagButton>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function TagButton(props: { intent: "tag" | "untag"; invitationId: string; version: number; q: string; busy: boolean; label: string; children: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="invitationId" value={props.invitationId} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="q" value={props.q} />
      <button type="submit" className={props.intent === "tag" ? "button small" : "button secondary small"} disabled={props.busy} aria-label={props.label}>
        {props.children}
      </button>
    </Form>
  );
}
