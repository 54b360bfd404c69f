import { Form, useNavigation } from "@remix-run/react";
import { useId, useRef, useState, type ReactNode } from "react";
import { Field, FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { Notice } from "~/components/ui/notice";
import { countWords } from "~/domain/press/markdown";
import { pressEditSchema, type PressEditFormValues } from "~/domain/press/press.schema";
import { useT } from "~/i18n/use-t";
import { PressPreview, type EditorPhoto } from "./preview";

/** The photo's markdown: `![caption](photo:<id>)`, brackets in the caption escaped. */
export function photoMarkdown(photo: { id: string; caption: string | null }): string {
  const caption = (photo.caption ?? "").replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, " ").trim();
  return `![${caption}](photo:${photo.id})`;
}

/** Inserts a block at the cursor as a paragraph of its own (blank lines around it as needed). */
function insertBlock(el: HTMLTextAreaElement, block: string): string {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const before = el.value.slice(0, start);
  const after = el.value.slice(end);
  const pre = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const post = after === "" || after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  el.setRangeText(`${pre}${block}${post}`, start, end, "end");
  return el.value;
}

export interface EditorProps {
  defaults: PressEditFormValues;
  serverErrors: Record<string, string> | null;
  formError: string | null;
  photos: EditorPhoto[];
  /** The label of the save button (approval lapses / correction). */
  saveLabel: string;
  warning: string | null;
  /** A conflict is shown: offer to overwrite the current version knowingly instead of a plain save. */
  overwriteVersion: number | null;
  children?: ReactNode;
}

export function PressEditor({ defaults, serverErrors, formError, photos, saveLabel, warning, overwriteVersion, children }: EditorProps) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(pressEditSchema, { defaultValues: defaults, serverErrors });
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "comment";
  const [picking, setPicking] = useState(false);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const bodyId = useId();
  const bodyReg = form.register("body");
  // The preview follows the fields (react-hook-form read them from the DOM, so text typed before the scripts
  // loaded is previewed too).
  const title = form.watch("title") ?? defaults.title;
  const body = form.watch("body") ?? defaults.body;
  const byline = form.watch("byline") ?? defaults.byline;

  const insertPhoto = (photo: EditorPhoto) => {
    const el = textarea.current;
    if (!el) return;
    el.focus();
    const value = insertBlock(el, photoMarkdown(photo));
    form.setValue("body", value, { shouldDirty: true });
    setPicking(false);
  };

  const bodyError = form.formState.errors.body?.message;
  const words = countWords(body);
  return (
    <div className="press-layout">
      <Form method="post" noValidate onSubmit={onSubmit} className="press-editor card" aria-label={t("press.editor.title")}>
        <FormErrorSummary show={!!formError || Object.keys(form.formState.errors).length > 0} message={formError ?? undefined} />
        <input type="hidden" defaultValue={defaults.version} {...form.register("version")} />
        {overwriteVersion !== null ? <input type="hidden" name="overwriteVersion" value={overwriteVersion} /> : null}
        <TextField
          form={form}
          name="title"
          label={t("press.field.title")}
          autoComplete="off"
        />
        <Field label={t("press.field.body")} id={bodyId} error={typeof bodyError === "string" ? bodyError : undefined} hint={t("press.field.bodyHint")}>
          <div className="press-toolbar">
            <button type="button" className="button secondary" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
              {t("press.photo.insert")}
            </button>
            <span className="press-wordcount muted" data-testid="press-word-count" aria-live="polite">
              {t("press.editor.words", { count: words })}
            </span>
          </div>
          {picking ? (
            <div className="press-photo-picker" role="group" aria-label={t("press.photo.pick")}>
              <div className="press-toolbar">
                <strong>{t("press.photo.pick")}</strong>
                <button type="button" className="button secondary" onClick={() => setPicking(false)}>
                  {t("press.photo.close")}
                </button>
              </div>
              {photos.length === 0 ? (
                <p className="muted">{t("press.photo.none")}</p>
              ) : (
                <ul className="press-photo-grid">
                  {photos.map((p) => (
                    <li key={p.id}>
                      <button type="button" onClick={() => insertPhoto(p)} data-photo-id={p.id}>
                        <img src={p.thumbUrl} alt="" loading="lazy" />
                        <span>{p.caption ?? p.id}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
          <textarea
            id={bodyId}
            className="press-body"
            defaultValue={defaults.body}
            spellCheck
            {...bodyReg}
            ref={(el) => {
              bodyReg.ref(el);
              textarea.current = el;
            }}
            aria-invalid={bodyError ? true : undefined}
          />
        </Field>
        <TextField
          form={form}
          name="byline"
          label={t("press.field.byline")}
          optional
          autoComplete="off"
        />
        {warning ? (
          <Notice tone="warn" role="note">
            {warning}
          </Notice>
        ) : null}
        <div className="actions">
          {overwriteVersion !== null ? (
            <button type="submit" name="intent" value="overwrite" className="button danger" disabled={busy}>
              {t("press.conflict.overwrite", { version: overwriteVersion })}
            </button>
          ) : (
            <button type="submit" name="intent" value="save" className="button" disabled={busy}>
              {saveLabel}
            </button>
          )}
          {children}
        </div>
        <noscript>
          <p className="muted">{photos.map((p) => photoMarkdown(p)).join("  ")}</p>
        </noscript>
      </Form>
      <section aria-labelledby={`${bodyId}-preview`}>
        <h3 id={`${bodyId}-preview`} className="muted">
          {t("press.editor.preview")}
        </h3>
        <PressPreview title={title} body={body} byline={byline} photos={photos} />
      </section>
    </div>
  );
}
