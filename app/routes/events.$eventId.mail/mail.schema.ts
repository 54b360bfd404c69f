import { z } from "zod";

/**
 * The forms of the "Send invitations" page (POST /events/:eventId/mail), client-safe. One `intent` per button.
 * Other pages may post here too — the attendees list sends a selection with:
 *   intent=send-selected, invitationId=<uuid> (repeated), requestId=<any id made when the page was shown>
 * A send without confirmed=1 queues nothing: it answers the confirmation step (the count and the email as
 * the invitees will see it), whose button posts the same fields with confirmed=1.
 */
const uuid = z.string().uuid("errors.invalid");
const requestId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.invalid")
  .optional()
  .or(z.literal("").transform(() => undefined));

/** The "schedule a reminder" form's own field (the browser validates it; `intent` is a hidden input). */
export const scheduleReminderSchema = z.object({
  daysBefore: z.union([z.string(), z.number()]).transform((value, ctx) => {
    const n = typeof value === "number" ? value : /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 60) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "mail.error.daysBefore" });
      return z.NEVER;
    }
    return n;
  }),
});
export type ScheduleReminderValues = z.input<typeof scheduleReminderSchema>;

const confirmed = z
  .literal("1")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const mailActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send-not-sent"), confirmed }),
  z.object({ intent: z.literal("send-all"), requestId, confirmed }),
  z.object({
    intent: z.literal("send-selected"),
    invitationId: z.array(uuid).min(1, "mail.error.noSelection").max(5000, "errors.invalid"),
    requestId,
    confirmed,
  }),
  z.object({ intent: z.literal("remind-now") }),
  scheduleReminderSchema.extend({ intent: z.literal("schedule-reminder") }),
  z.object({ intent: z.literal("cancel-reminder"), reminderId: uuid }),
]);
export type MailAction = z.output<typeof mailActionSchema>;
