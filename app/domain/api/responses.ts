/**
 * What the JSON API answers, as zod schemas: the OpenAPI document (app/utils/openapi.server.ts) is generated
 * from these and from the request schemas the routes parse; the e2e suite validates real answers against it.
 * Every object is `.strict()`: an undocumented field fails validation. Other resources: ./resources.ts,
 * ./ceremony-json.ts, ./webhook-json.ts.
 */
import { z } from "zod";

const instant = z.string().datetime({ offset: true });
const uuid = z.string().uuid();

/** The error body; some errors add fields beside `error` (each operation's own schema says which). */
export const apiErrorBodySchema = z.object({
    error: z
      .object({
        code: z.enum([
          "bad_request",
          "unauthorized",
          "forbidden",
          "not_found",
          "method_not_allowed",
          "conflict",
          "payload_too_large",
          "unsupported_media_type",
          "invalid",
          "internal",
        ]),
        message: z.string(),
        fields: z.record(z.string()),
      })
      .strict(),
  });

export const apiErrorSchema = apiErrorBodySchema.strict();

export const organizationJsonSchema = z
  .object({
    id: uuid,
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    shortName: z.string().nullable(),
    parentId: uuid.nullable(),
  })
  .strict();

export const sideJsonSchema = z
  .object({
    id: uuid,
    kind: z.enum(["host", "guest", "leaders"]),
    organizationId: uuid.nullable(),
    organizationName: z.string().nullable(),
    labelVi: z.string().nullable(),
    labelEn: z.string().nullable(),
    headPersonId: uuid.nullable(),
    language: z.string(),
    order: z.number().int(),
  })
  .strict();

const documentJsonSchema = z
  .object({
    id: uuid,
    kind: z.enum(["programme", "regulation", "memorandum", "contract", "agreement", "other"]),
    title: z.string(),
    titleEn: z.string().nullable(),
    periodStart: z.number().int().nullable(),
    periodEnd: z.number().int().nullable(),
    aims: z.string().nullable(),
    originals: z.number().int().nullable(),
    languages: z.array(z.string()),
    order: z.number().int(),
    parties: z.array(z.object({ sideId: uuid, organizationId: uuid.nullable(), signatoryIds: z.array(uuid) }).strict()),
    partyIds: z.array(uuid),
  })
  .strict();

export const eventJsonSchema = z
  .object({
    id: uuid,
    title: z.string(),
    titleEn: z.string().nullable(),
    kind: z.enum(["signing_ceremony", "conference", "meeting", "reception", "other"]),
    status: z.enum(["draft", "scheduled", "completed", "cancelled"]),
    startsAt: instant,
    endsAt: instant,
    timeZone: z.string(),
    venue: z.object({ name: z.string().nullable(), nameEn: z.string().nullable(), address: z.string().nullable(), room: z.string().nullable() }).strict(),
    description: z.string().nullable(),
    capacity: z.number().int().nullable(),
    hostOrganizationId: uuid.nullable(),
    partnerOrganizationIds: z.array(uuid),
    startPrecision: z.enum(["time", "date"]),
    occasion: z.string().nullable(),
    occasionEn: z.string().nullable(),
    context: z.string().nullable(),
    contextEn: z.string().nullable(),
    sides: z.array(sideJsonSchema),
    documents: z.array(documentJsonSchema),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    cancelledAt: instant.nullable(),
  })
  .strict();

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z
    .object({ data: z.array(item), nextCursor: z.string().nullable().optional(), total: z.number().int().min(0).optional() })
    .strict();
}

const usedBy = z.object({ total: z.number().int(), events: z.array(z.object({ id: uuid, title: z.string() }).strict()) }).strict();
/** 409 on DELETE /organizations/{id}: what still uses it. */
export const organizationInUseJsonSchema = apiErrorBodySchema
  .extend({
    usedBy: z
      .object({
        host: usedBy,
        partner: usedBy,
        agreementParty: usedBy,
        children: z.object({ total: z.number().int(), organizations: z.array(z.object({ id: uuid, nameVi: z.string() }).strict()) }).strict(),
        people: z.number().int(),
        dignitaries: z.number().int(),
      })
      .strict(),
  })
  .strict();
