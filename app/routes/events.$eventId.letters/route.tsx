import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { canOnEvent } from "~/domain/access/permissions";
import { symbolOf } from "~/domain/letter/invitation-letter";
import { letterQuery } from "~/domain/letter/letter-options.schema";
import { LETTER_LINE_MAX, LETTER_PLACE_MAX, LETTER_SYMBOL_MAX, letterSettingsSchema, type LetterSettingsValues } from "~/domain/letter/letter-settings.schema";
import { useT } from "~/i18n/use-t";
import { loadLettersPage, saveLetterSettings } from "~/services/letters.server";
import { requireEventPermission } from "~/services/auth.server";
import { parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { lettersActionSchema, letterSettingsValues } from "./letters.schema";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "letter.tab");

/** GET /events/:eventId/letters — the invitees (names and positions only) with their Giấy mời, and the saved signer. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const page = await loadLettersPage(context.db, access.event.id);
  if (!page) throw notFound();
  const host = page.event.host;
  return {
    eventId: access.event.id,
    settings: page.settings,
    canEdit: canOnEvent(access.user, "event:update", { ownerId: access.event.createdBy, memberRole: access.memberRole }),
    hasHost: host !== null,
    defaultSymbol: host ? symbolOf(host, page.event.parent) : "",
    invitees: page.invitees.map((i) => ({ id: i.id, honorific: i.honorific, name: i.name, positions: i.positions, language: i.language })),
  };
}

/** POST — saves the signer, symbol, place and date of issue for every letter of the event (event:update). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const form = await parseForm(request, lettersActionSchema);
  const values = letterSettingsValues(form.values);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, values, saved: false }, { status: 400 });
  await saveLetterSettings(context.db, { id: access.user.id, name: access.user.name }, access.event.id, form.data);
  return { fieldErrors: null, values: null, saved: true };
}

function LetterLinks({ eventId, to, name, language }: { eventId: string; to: string; name: string; language: "vi" | "en" }) {
  const { t } = useT();
  const q = (lang: "vi" | "en") => letterQuery({ to, lang });
  const label = (lang: "vi" | "en") => t(lang === "en" ? "letter.english" : "letter.vietnamese");
  // The guest's own language first: the letter they will receive, then the other one.
  const langs: ("vi" | "en")[] = language === "en" ? ["en", "vi"] : ["vi", "en"];
  return (
    <span className="letter-links">
      {langs.map((lang, i) => (
        <span key={lang} lang={lang === "en" ? "en" : undefined}>
          {i ? <br /> : null}
          <strong>{label(lang)}:</strong>{" "}
          <Link to={`/events/${eventId}/letters/print${q(lang)}`} aria-label={`${t("letter.view")} (${label(lang)}) — ${name}`}>
            {t("letter.view")}
          </Link>
          {" · "}
          <a href={`/events/${eventId}/letters/pdf${q(lang)}`} aria-label={`${t("letter.pdf")} (${label(lang)}) — ${name}`}>
            {t("letter.pdf")}
          </a>
          {" · "}
          <a href={`/events/${eventId}/letters/docx${q(lang)}`} download aria-label={`${t("letter.docx")} (${label(lang)}) — ${name}`}>
            {t("letter.docx")}
          </a>
        </span>
      ))}
    </span>
  );
}

function SettingsForm({ defaults, serverErrors, defaultSymbol, readOnly }: { defaults: LetterSettingsValues; serverErrors: Record<string, string> | null; defaultSymbol: string; readOnly: boolean }) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(letterSettingsSchema, { defaultValues: defaults, serverErrors });
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="stack" aria-label={t("letter.settings")} replace>
      <FormErrorSummary show={!!serverErrors} />
      <fieldset disabled={readOnly} className="plain">
        <SelectField
          form={form}
          name="authority"
          label={t("letter.field.authority")}
          options={[
            { value: "", label: t("letter.authority.none") },
            { value: "TM", label: t("letter.authority.TM") },
            { value: "KT", label: t("letter.authority.KT") },
          ]}
        />
        <TextField form={form} name="onBehalfOf" label={t("letter.field.onBehalfOf")} hint={t("letter.field.onBehalfOfHint")} maxLength={LETTER_LINE_MAX} optional />
        <TextField form={form} name="position" label={t("letter.field.position")} maxLength={LETTER_LINE_MAX} optional />
        <TextField form={form} name="signerName" label={t("letter.field.signer")} maxLength={LETTER_LINE_MAX} optional />
        <TextField form={form} name="symbol" label={t("letter.field.symbol")} hint={t("letter.field.symbolHint", { symbol: defaultSymbol || "…" })} maxLength={LETTER_SYMBOL_MAX} optional />
        <TextField form={form} name="place" label={t("letter.field.place")} maxLength={LETTER_PLACE_MAX} optional />
        <TextField form={form} name="issuedOn" type="date" label={t("letter.field.date")} hint={t("letter.field.dateHint")} optional />
        {readOnly ? null : (
          <div>
            <button type="submit" className="button" disabled={busy}>
              {t("letter.apply")}
            </button>
          </div>
        )}
      </fieldset>
    </Form>
  );
}

export default function LettersPage() {
  const { eventId, settings, canEdit, hasHost, defaultSymbol, invitees } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const defaults = result?.values ?? settings;
  return (
    <section>
      <h2>{t("letter.title")}</h2>
      <p className="muted">{t("letter.intro")}</p>
      {hasHost ? null : <p className="hint">{t("letter.noHost")}</p>}
      <h3>{t("letter.settings")}</h3>
      {result?.saved ? (
        <Notice as="p" tone="ok">
          {t("letter.saved")}
        </Notice>
      ) : null}
      {canEdit ? null : <p className="hint">{t("letter.readOnly")}</p>}
      {/* A new key per answer: the inputs show what the server kept (what was typed, on an error). */}
      <SettingsForm key={JSON.stringify(result ?? {})} defaults={defaults} serverErrors={result?.fieldErrors ?? null} defaultSymbol={defaultSymbol} readOnly={!canEdit} />
      <h3>{t("letter.toMany")}</h3>
      <p>
        <LetterLinks eventId={eventId} to="all" name={t("letter.toMany")} language="vi" />
      </p>
      <h3>{t("letter.invitees")}</h3>
      {invitees.length === 0 ? (
        <p className="muted">{t("letter.noInvitees")}</p>
      ) : (
        <table className="list" data-testid="letter-invitees">
          <thead>
            <tr>
              <th>{t("letter.col.name")}</th>
              <th>{t("letter.col.letter")}</th>
            </tr>
          </thead>
          <tbody>
            {invitees.map((i) => (
              <tr key={i.id}>
                <td>
                  {[i.honorific, i.name].filter(Boolean).join(" ")}
                  {i.positions.length ? <div className="muted">{i.positions.join(", ")}</div> : null}
                  <div className="muted">{t("letter.inLanguage", { lang: t(i.language === "en" ? "letter.english" : "letter.vietnamese") })}</div>
                </td>
                <td>
                  <LetterLinks eventId={eventId} to={i.id} name={i.name} language={i.language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
