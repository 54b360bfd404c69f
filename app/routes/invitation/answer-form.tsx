import { Form, useNavigation } from "@remix-run/react";
import { FormErrorSummary, TextAreaField, useSchemaForm } from "~/components/forms";
import type { RsvpIntent } from "~/domain/rsvp/answer-window";
import { COMMENT_MAX, rsvpFormSchema } from "~/domain/rsvp/rsvp.schema";
import { useT } from "~/i18n/use-t";

const intents: { intent: RsvpIntent; className: string }[] = [
  { intent: "accept", className: "rsvp-accept" },
  { intent: "decline", className: "rsvp-decline" },
  { intent: "maybe", className: "rsvp-maybe" },
];

/** The answer itself: an optional comment and one button per answer (loaded apart from the page: lazy-part.ts). */
export function AnswerForm({
  comment,
  current,
  closesAt,
  fieldErrors,
}: {
  comment: string | null;
  current: RsvpIntent | null;
  closesAt: string;
  fieldErrors: Record<string, string> | null | undefined;
}) {
  const navigation = useNavigation();
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(rsvpFormSchema, {
    defaultValues: { comment: comment ?? "" },
    serverErrors: fieldErrors,
  });
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="stack">
      <FormErrorSummary show={!!fieldErrors} />
      <TextAreaField form={form} name="comment" label={t("rsvp.comment")} hint={t("rsvp.commentHint")} optional rows={3} maxLength={COMMENT_MAX} />
      <p>{t("rsvp.choose")}</p>
      <div className="rsvp-buttons" role="group" aria-label={t("rsvp.answer.heading")}>
        {intents.map(({ intent, className }) => (
          <button
            key={intent}
            type="submit"
            name="intent"
            value={intent}
            className={`button rsvp-button ${className}`}
            aria-pressed={current === intent}
            disabled={busy}
          >
            {current === intent ? "✓ " : ""}
            {t(`rsvp.intent.${intent}`)}
          </button>
        ))}
      </div>
      <p className="hint">{t("rsvp.changeUntil", { time: closesAt })}</p>
    </Form>
  );
}
