/** Request bodies of API routes that have no form of their own (the OpenAPI document uses them too). */
import { z } from "zod";

/** POST /api/v1/events/:eventId/check-ins */
export const checkInApiSchema = z
  .object({
    invitationId: z.string({ invalid_type_error: "Must be an invitation id (a UUID)." }).uuid("Must be an invitation id (a UUID).").optional(),
    code: z
      .string({ invalid_type_error: "Must be the text of the guest's QR code." })
      .trim()
      .min(1, "Must be the text of the guest's QR code.")
      .max(500, "Must be the text of the guest's QR code.")
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.invitationId === undefined) === (v.code === undefined))
      ctx.addIssue({ code: "custom", path: ["invitationId"], message: 'Send either "invitationId" or "code" (the text of the QR code).' });
  });

/** POST /api/v1/events/:eventId/invitations/send */
export const invitationSendApiSchema = z
  .object({
    ids: z
      .array(z.string({ invalid_type_error: "Each id must be an invitation id (a UUID)." }).uuid("Each id must be an invitation id (a UUID)."), {
        invalid_type_error: "Send ids as an array of invitation ids.",
      })
      .min(1, "Send at least one invitation id.")
      .max(1000, "At most 1000 ids per request.")
      .optional(),
    all: z.literal(true, { errorMap: () => ({ message: 'Send "all": true, or a list of "ids".' }) }).optional(),
    requestId: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.all === undefined))
      ctx.addIssue({ code: "custom", path: ["ids"], message: 'Send either "ids" (a list of invitation ids) or "all": true.' });
  });

/**
 * POST and PATCH /api/v1/events/:eventId/invitations[/:id] and PATCH /api/v1/people/:id (the person's fields only),
 * for the document: the routes check bodies with the attendee form's own schema (attendeeFormSchema) under these
 * names (app/services/api-resources/invitations.server.ts maps them) and refuse other fields. `name` is required on POST.
 */
const text = z.string().nullable().optional();
export const personApiBodySchema = z
  .object({
    honorific: text,
    name: z.string().optional(),
    positions: z.array(z.string()).nullable().optional(),
    organization: text,
    email: text,
    phone: text,
    language: z.enum(["vi", "en"]).optional(),
    notes: text,
  })
  .strict();
export const invitationApiBodySchema = personApiBodySchema
  .extend({
    role: z.enum(["guest", "dignitary", "speaker", "signatory", "press", "staff"]).optional(),
    group: text,
    plusOnes: z.number().int().min(0).max(20).optional(),
    dietaryNeeds: text,
    accessNeeds: text,
  })
  .strict();
