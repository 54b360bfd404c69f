import { data } from "@remix-run/node";
import type { Db } from "#db/client.server";
import { fieldErrors } from "~/domain/forms/fields";
import { isRsvpIntent } from "~/domain/rsvp/answer-window";
import { companionsFormSchema } from "~/domain/rsvp/companions";
import { getInviteeInvitation } from "~/models/rsvp.server";
import { privateHeaders } from "~/components/invitation/invitation-cookie.server";
import { proposeDeputy, setCompanions } from "~/services/delegation.server";
import { respondToInvitation } from "~/services/rsvp.server";
import { attempt, parseForm, type ParsedForm } from "~/utils/action-kit.server";
import type { FormResult } from "./deputy-and-companions";
import { invitationActionSchema } from "./invitation.schema";

/**
 * The action's parse and its three kinds of answer (the answer, the companions, a deputy). Here, not in route.tsx,
 * so that the page's scripts do not carry the schemas: a module-level zod schema imported by the route stays in
 * its browser bundle even when only the action uses it (the forms load theirs apart, lazy-part.ts).
 */
export function parseInvitationForm(request: Request) {
  return parseForm(request, invitationActionSchema);
}

type InvitationForm = ParsedForm<typeof invitationActionSchema>;

export async function runInvitationAction(db: Db, invitationId: string, form: InvitationForm) {
  const intent = form.values.intent;
  if (intent === "companions" || intent === "deputy") return extraAnswer(db, invitationId, intent, form);
  if (!isRsvpIntent(intent)) {
    return data({ error: "rsvp.errors.intent", fieldErrors: null, saved: null }, { status: 400, headers: privateHeaders });
  }
  if (!form.success) {
    return data({ error: null, fieldErrors: form.fieldErrors, saved: null }, { status: 400, headers: privateHeaders });
  }
  const answer = form.data;
  if (answer.intent === "companions" || answer.intent === "deputy") {
    return data({ error: "rsvp.errors.intent", fieldErrors: null, saved: null }, { status: 400, headers: privateHeaders });
  }
  const outcome = await attempt(() => respondToInvitation(db, { invitationId, intent: answer.intent, comment: answer.comment }));
  if (!outcome.ok) {
    const { error } = outcome;
    return data(
      { error: error.message, fieldErrors: Object.keys(error.fields).length ? error.fields : null, saved: null },
      { status: outcome.status, headers: privateHeaders },
    );
  }
  return data({ error: null, fieldErrors: null, saved: outcome.value.status }, { headers: privateHeaders });
}

type ExtraResult = FormResult & { saved: string | null };

/** The companions and deputy forms: the same schemas as in the browser, then the service; a mistake keeps what was typed. */
async function extraAnswer(db: Db, invitationId: string, intent: "companions" | "deputy", form: InvitationForm) {
  const values = Object.fromEntries(
    Object.entries(form.values).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "intent"),
  );
  const fail = (status: number, error: string | null, fields: Record<string, string> | null) =>
    data({ form: intent, error, fieldErrors: fields, values, saved: null } satisfies ExtraResult, { status, headers: privateHeaders });
  const done = (saved: string) =>
    data({ form: intent, error: null, fieldErrors: null, values: null, saved } satisfies ExtraResult, { headers: privateHeaders });
  const outcome = await attempt(async () => {
    if (intent === "companions") {
      const row = await getInviteeInvitation(db, invitationId);
      if (!row) return fail(404, "rsvp.invalid.title", null);
      const parsed = companionsFormSchema(row.invitation.plusOnes).safeParse(form.values);
      if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
      const names = await setCompanions(db, { invitationId, names: parsed.data.names });
      return done(String(names.length));
    }
    if (!form.success) return fail(400, null, form.fieldErrors);
    if (form.data.intent !== "deputy") return fail(400, "rsvp.errors.intent", null);
    const d = form.data;
    const { proposal } = await proposeDeputy(db, {
      invitationId,
      source: "web",
      deputy: { honorific: d.honorific, name: d.fullName, position: d.position, organization: d.organization, email: d.email, note: d.note },
    });
    return done([proposal.honorific, proposal.fullName].filter(Boolean).join(" "));
  });
  if (outcome.ok) return outcome.value;
  const fields = Object.keys(outcome.error.fields).length ? outcome.error.fields : null;
  return fail(outcome.status, fields ? null : outcome.error.message, fields);
}

