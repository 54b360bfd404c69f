import { useMemo } from "react";
import { renderPressMarkdown } from "~/domain/press/markdown";
import { useT } from "~/i18n/use-t";

export interface EditorPhoto {
  id: string;
  thumbUrl: string;
  webUrl: string;
  caption: string | null;
  credit: string | null;
}

/**
 * The live preview. renderPressMarkdown (app/domain/press/markdown.ts) is safe by construction: raw HTML is
 * escaped, only http(s)/mailto/relative links survive, images only as event photos or /media/ paths.
 */
export function PressPreview({ title, body, byline, photos }: { title: string; body: string; byline: string; photos: EditorPhoto[] }) {
  const { t } = useT();
  const html = useMemo(() => {
    const byId = new Map(photos.map((p) => [p.id, p]));
    return renderPressMarkdown(body, {
      photo: (id) => {
        const p = byId.get(id);
        return p ? { url: p.webUrl, caption: p.caption, credit: p.credit } : null;
      },
      photoNotFound: t("press.photo.missing"),
      markLead: true,
    });
  }, [body, photos, t]);
  return (
    <article className="press-preview" data-testid="press-preview" aria-label={t("press.editor.preview")}>
      <h1 className="press-preview-title">{title}</h1>
      <div className="press-preview-body" dangerouslySetInnerHTML={{ __html: html }} />
      {byline.trim() ? <p className="press-preview-byline">{byline}</p> : null}
    </article>
  );
}
