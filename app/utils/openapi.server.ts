/**
 * The OpenAPI 3.1 document of /api/v1, generated (@asteasolutions/zod-to-openapi) from the zod schemas the
 * routes parse and the response schemas in app/domain/api. Served at /api/v1/openapi.json; a test fails when a
 * route under app/routes/api.v1.* (or one of its methods) is missing here, and the e2e suite validates real
 * answers against it. Adding a route: add its operations to `operations` below.
 */
import { glossaryEntrySchema } from "~/domain/glossary/glossary.schema";
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodTypeAny } from "zod";
import { agendaItemApiCreateSchema, agendaItemApiPatchSchema } from "~/domain/agenda/agenda-item.schema";
import {
  agendaItemCeremonySchema,
  attendanceLineSchema,
  documentSchema,
  partySignatoriesSchema,
  personCeremonyApiSchema,
  sideMoveSchema,
  sideSchema,
} from "~/domain/ceremony/ceremony.schema";
import { ceremonyCreatedJsonSchema, ceremonyJsonSchema, seatingJsonSchema } from "~/domain/api/ceremony-json";
import { checkInApiSchema, invitationApiBodySchema, invitationSendApiSchema, personApiBodySchema } from "~/domain/api/requests";
import {
  agendaItemJsonSchema,
  agendaJsonSchema,
  alreadyCheckedInJsonSchema,
  alreadyInvitedJsonSchema,
  checkInJsonSchema,
  dignitaryJsonSchema,
  dignitaryListJsonSchema,
  galleryJsonSchema,
  glossaryEntryJsonSchema,
  glossaryJsonSchema,
  importReportJsonSchema,
  invitationCreatedJsonSchema,
  invitationJsonSchema,
  invitationLinkJsonSchema,
  invitationWithdrawnJsonSchema,
  personDetailJsonSchema,
  personErasureJsonSchema,
  personExportJsonSchema,
  personJsonSchema,
  photoJsonSchema,
  pressCommentJsonSchema,
  pressConflictJsonSchema,
  pressRedraftedJsonSchema,
  pressSavedJsonSchema,
  pressSummaryJsonSchema,
  pressTransitionedJsonSchema,
  pressVersionJsonSchema,
  pressVersionWithDiffJsonSchema,
  sendReportJsonSchema,
} from "~/domain/api/resources";
import { apiErrorSchema, eventJsonSchema, listOf, organizationInUseJsonSchema, organizationJsonSchema } from "~/domain/api/responses";
import {
  webhookCreatedSchema,
  webhookDeliveryJsonSchema,
  webhookJsonSchema,
  webhookSecretSchema,
} from "~/domain/api/webhook-json";
import { eventApiCreateSchema, eventApiPatchSchema } from "~/domain/events/event.schema";
import { organizationSchema } from "~/domain/organizations/organization.schema";
import { photoApiPatchSchema } from "~/domain/photos/photo.schema";
import { pressApiCreateSchema, pressApiPatchSchema, pressApiTransitionSchema, pressCommentSchema, pressRegenerateSchema } from "~/domain/press/press.schema";
import { dignitaryApiCreateSchema, dignitaryApiPatchSchema } from "~/domain/protocol/dignitary.schema";
import { webhookCreateSchema, webhookPatchSchema } from "~/domain/webhooks/webhook.schema";

// Adds .openapi() to zod's prototypes (the registry calls it on every schema it names); server-only.
extendZodWithOpenApi(z);

type Method = "get" | "post" | "put" | "patch" | "delete";

interface Operation {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** A JSON body (or another media type). */
  body?: ZodTypeAny;
  bodyType?: string;
  /** Success status → schema (null: no body). */
  ok: Record<number, ZodTypeAny | null>;
  /** Error statuses whose body adds to the generic Error (e.g. a 409 naming what conflicts). */
  errors?: Record<number, ZodTypeAny>;
  query?: Record<string, ZodTypeAny>;
}

const Event = eventJsonSchema;
const Organization = organizationJsonSchema;
const Webhook = webhookJsonSchema;
const page = (item: ZodTypeAny) => listOf(item);
const limitCursor = { limit: z.string().optional(), cursor: z.string().optional() };

/** Every API operation. Keep in step with app/routes/api.v1.* (the openapi test says when not). */
export const operations: Operation[] = [
  { method: "get", path: "/api/v1/openapi.json", tag: "meta", summary: "This document", ok: { 200: z.object({ openapi: z.literal("3.1.0") }).passthrough() } },

  { method: "get", path: "/api/v1/events", tag: "events", summary: "List events, newest start first", query: limitCursor, ok: { 200: page(Event) } },
  { method: "post", path: "/api/v1/events", tag: "events", summary: "Create an event", body: eventApiCreateSchema, ok: { 201: Event } },
  { method: "get", path: "/api/v1/events/{eventId}", tag: "events", summary: "Read an event", ok: { 200: Event } },
  { method: "patch", path: "/api/v1/events/{eventId}", tag: "events", summary: "Change an event", body: eventApiPatchSchema, ok: { 200: Event } },
  { method: "post", path: "/api/v1/events/{eventId}/cancel", tag: "events", summary: "Cancel an event", ok: { 200: Event } },

  { method: "get", path: "/api/v1/organizations", tag: "organizations", summary: "List organizations", ok: { 200: page(Organization) } },
  { method: "post", path: "/api/v1/organizations", tag: "organizations", summary: "Create an organization", body: organizationSchema.strict(), ok: { 201: Organization } },
  { method: "get", path: "/api/v1/organizations/{organizationId}", tag: "organizations", summary: "Read an organization", ok: { 200: Organization } },
  { method: "patch", path: "/api/v1/organizations/{organizationId}", tag: "organizations", summary: "Correct an organization", body: organizationSchema.partial().strict(), ok: { 200: Organization } },
  { method: "delete", path: "/api/v1/organizations/{organizationId}", tag: "organizations", summary: "Delete an unused organization", ok: { 204: null }, errors: { 409: organizationInUseJsonSchema } },

  { method: "get", path: "/api/v1/events/{eventId}/invitations", tag: "invitations", summary: "List invitations", query: { ...limitCursor, status: z.string().optional(), role: z.string().optional(), group: z.string().optional(), q: z.string().optional(), sort: z.string().optional() }, ok: { 200: page(invitationJsonSchema) } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations", tag: "invitations", summary: "Invite a person", body: invitationApiBodySchema.required({ name: true }), ok: { 201: invitationCreatedJsonSchema }, errors: { 409: alreadyInvitedJsonSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/invitations/{invitationId}", tag: "invitations", summary: "Read an invitation", ok: { 200: invitationJsonSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/invitations/{invitationId}", tag: "invitations", summary: "Change an invitation", body: invitationApiBodySchema, ok: { 200: invitationJsonSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/invitations/{invitationId}", tag: "invitations", summary: "Withdraw an invitation", ok: { 200: invitationWithdrawnJsonSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations/{invitationId}/regenerate-link", tag: "invitations", summary: "A new personal link", ok: { 200: invitationLinkJsonSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations/import", tag: "invitations", summary: "Import a CSV of attendees (?commit=1; else a preview)", body: z.string(), bodyType: "text/csv", query: { commit: z.enum(["0", "1"]).optional() }, ok: { 200: importReportJsonSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations/send", tag: "invitations", summary: "Queue invitation emails", body: invitationSendApiSchema, ok: { 200: sendReportJsonSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/check-ins", tag: "invitations", summary: "Check a guest in", body: checkInApiSchema, ok: { 201: checkInJsonSchema }, errors: { 409: z.union([alreadyCheckedInJsonSchema, apiErrorSchema]) } },

  { method: "get", path: "/api/v1/people", tag: "people", summary: "The people directory", query: { ...limitCursor, q: z.string().optional() }, ok: { 200: page(personJsonSchema) } },
  { method: "get", path: "/api/v1/people/{personId}", tag: "people", summary: "Read a person", ok: { 200: personDetailJsonSchema } },
  { method: "patch", path: "/api/v1/people/{personId}", tag: "people", summary: "Correct a person", body: personApiBodySchema, ok: { 200: personDetailJsonSchema } },
  { method: "get", path: "/api/v1/people/{personId}/export", tag: "people", summary: "Everything Signet holds about a person (admins; right of access)", ok: { 200: personExportJsonSchema } },
  { method: "post", path: "/api/v1/people/{personId}/erase", tag: "people", summary: "Erase a person's contact details, notes and needs (admins; the name stays)", ok: { 200: personErasureJsonSchema } },

  { method: "get", path: "/api/v1/glossary", tag: "glossary", summary: "The instance's own glossary entries", ok: { 200: glossaryJsonSchema } },
  { method: "post", path: "/api/v1/glossary", tag: "glossary", summary: "Add a glossary entry, or replace its English (admins)", body: glossaryEntrySchema, ok: { 201: glossaryEntryJsonSchema } },

  { method: "get", path: "/api/v1/events/{eventId}/agenda", tag: "agenda", summary: "The agenda", ok: { 200: agendaJsonSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/agenda", tag: "agenda", summary: "Add an agenda item", body: agendaItemApiCreateSchema, ok: { 201: agendaItemJsonSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/agenda/{itemId}", tag: "agenda", summary: "Read an agenda item", ok: { 200: agendaItemJsonSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/agenda/{itemId}", tag: "agenda", summary: "Change an agenda item", body: agendaItemApiPatchSchema, ok: { 200: agendaItemJsonSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/agenda/{itemId}", tag: "agenda", summary: "Remove an agenda item", ok: { 204: null } },

  { method: "get", path: "/api/v1/events/{eventId}/dignitaries", tag: "protocol", summary: "Dignitaries in precedence order", ok: { 200: dignitaryListJsonSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/dignitaries", tag: "protocol", summary: "Add a dignitary", body: dignitaryApiCreateSchema, ok: { 201: dignitaryJsonSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/dignitaries/{dignitaryId}", tag: "protocol", summary: "Read a dignitary", ok: { 200: dignitaryJsonSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/dignitaries/{dignitaryId}", tag: "protocol", summary: "Change a dignitary", body: dignitaryApiPatchSchema, ok: { 200: dignitaryJsonSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/dignitaries/{dignitaryId}", tag: "protocol", summary: "Remove a dignitary", ok: { 204: null } },
  { method: "get", path: "/api/v1/events/{eventId}/seating", tag: "protocol", summary: "The seating plan", ok: { 200: seatingJsonSchema } },
  ...(["get", "post", "put", "patch", "delete"] as const).map(
    (method): Operation => ({
      method,
      path: "/api/v1/events/{eventId}/ceremony/{subpath}",
      tag: "protocol",
      summary: "The ceremony: sides, documents, signatories, attendance (see docs/api.md, The ceremony). Every write answers the whole ceremony after it.",
      body:
        method === "get" || method === "delete"
          ? undefined
          : z.union([sideSchema, sideMoveSchema, documentSchema, partySignatoriesSchema, personCeremonyApiSchema, attendanceLineSchema, agendaItemCeremonySchema]),
      ok: method === "post" ? { 200: ceremonyJsonSchema, 201: ceremonyCreatedJsonSchema } : { 200: ceremonyJsonSchema },
    }),
  ),

  { method: "get", path: "/api/v1/events/{eventId}/photos", tag: "photos", summary: "The gallery", ok: { 200: galleryJsonSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/photos", tag: "photos", summary: "Upload a photo (multipart/form-data)", body: z.object({ file: z.string() }).passthrough(), bodyType: "multipart/form-data", ok: { 201: photoJsonSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/photos/{photoId}", tag: "photos", summary: "Read a photo", ok: { 200: photoJsonSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/photos/{photoId}", tag: "photos", summary: "Change a photo", body: photoApiPatchSchema, ok: { 200: photoJsonSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/photos/{photoId}", tag: "photos", summary: "Remove a photo", ok: { 204: null } },

  { method: "get", path: "/api/v1/events/{eventId}/press-summaries", tag: "press", summary: "The event's press summaries", ok: { 200: page(pressSummaryJsonSchema) } },
  { method: "post", path: "/api/v1/events/{eventId}/press-summaries", tag: "press", summary: "Draft a press summary", body: pressApiCreateSchema, ok: { 201: pressSummaryJsonSchema } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}", tag: "press", summary: "Read a press summary", ok: { 200: pressSummaryJsonSchema } },
  { method: "patch", path: "/api/v1/press-summaries/{summaryId}", tag: "press", summary: "Edit a press summary", body: pressApiPatchSchema, ok: { 200: pressSavedJsonSchema }, errors: { 409: z.union([pressConflictJsonSchema, apiErrorSchema]) } },
  { method: "post", path: "/api/v1/press-summaries/{summaryId}/transition", tag: "press", summary: "Submit, approve, publish…", body: pressApiTransitionSchema, ok: { 200: pressTransitionedJsonSchema }, errors: { 409: z.union([pressConflictJsonSchema, apiErrorSchema]) } },
  { method: "post", path: "/api/v1/press-summaries/{summaryId}/redraft", tag: "press", summary: "Redraft from the event's data", body: pressRegenerateSchema, ok: { 200: pressRedraftedJsonSchema }, errors: { 409: z.union([pressConflictJsonSchema, apiErrorSchema]) } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}/comments", tag: "press", summary: "Review comments", ok: { 200: page(pressCommentJsonSchema) } },
  { method: "post", path: "/api/v1/press-summaries/{summaryId}/comments", tag: "press", summary: "Add a review comment", body: pressCommentSchema, ok: { 201: pressCommentJsonSchema } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}/versions", tag: "press", summary: "The versions", ok: { 200: page(pressVersionJsonSchema) } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}/versions/{version}", tag: "press", summary: "One version (?from=n: and the diff from version n)", query: { from: z.string().optional() }, ok: { 200: pressVersionWithDiffJsonSchema } },

  { method: "get", path: "/api/v1/webhooks", tag: "webhooks", summary: "The webhook endpoints you may manage", query: { eventId: z.string().uuid().optional() }, ok: { 200: page(Webhook) } },
  { method: "post", path: "/api/v1/webhooks", tag: "webhooks", summary: "Register an endpoint (answers the signing secret, once)", body: webhookCreateSchema, ok: { 201: webhookCreatedSchema } },
  { method: "get", path: "/api/v1/webhooks/{webhookId}", tag: "webhooks", summary: "Read an endpoint", ok: { 200: Webhook } },
  { method: "patch", path: "/api/v1/webhooks/{webhookId}", tag: "webhooks", summary: "Change an endpoint, switch it on or off", body: webhookPatchSchema, ok: { 200: Webhook } },
  { method: "delete", path: "/api/v1/webhooks/{webhookId}", tag: "webhooks", summary: "Remove an endpoint", ok: { 204: null } },
  { method: "post", path: "/api/v1/webhooks/{webhookId}/rotate-secret", tag: "webhooks", summary: "A new secret; the old one signs too for 24 h", ok: { 200: webhookSecretSchema } },
  { method: "get", path: "/api/v1/webhooks/{webhookId}/deliveries", tag: "webhooks", summary: "The delivery log", ok: { 200: page(webhookDeliveryJsonSchema) } },
  { method: "post", path: "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", tag: "webhooks", summary: "Deliver again (same webhook-id)", ok: { 202: z.object({ queued: z.literal(true) }).strict() } },
];

const errorStatuses: Record<number, string> = {
  400: "Bad request (query, cursor, JSON)",
  401: "No valid token",
  403: "Not allowed for this account or token",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Body over 1 MiB",
  415: "Wrong Content-Type",
  422: "Invalid fields (see error.fields)",
  500: "Server fault",
};

/**
 * The request schema as a client writes it, for the document: transforms and preprocessing are the server's
 * business (the input side is documented), and `z.undefined()` in a union (how the forms say "may be absent")
 * becomes an optional field, which the generator understands.
 */
export function documentedInput(schema: ZodTypeAny): ZodTypeAny {
  if (schema instanceof z.ZodEffects) return documentedInput(schema.innerType());
  if (schema instanceof z.ZodPipeline) return documentedInput(schema._def.in as ZodTypeAny);
  if (schema instanceof z.ZodOptional) return documentedInput(schema.unwrap()).optional();
  if (schema instanceof z.ZodNullable) return documentedInput(schema.unwrap()).nullable();
  if (schema instanceof z.ZodDefault) return documentedInput(schema.removeDefault()).optional();
  if (schema instanceof z.ZodArray) {
    const def = schema._def as { minLength: { value: number } | null; maxLength: { value: number } | null };
    let array = z.array(documentedInput(schema.element));
    if (def.minLength) array = array.min(def.minLength.value);
    if (def.maxLength) array = array.max(def.maxLength.value);
    return array;
  }
  if (schema instanceof z.ZodRecord) return z.record(documentedInput(schema.valueSchema as ZodTypeAny));
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as ZodTypeAny[]).filter((o) => !(o instanceof z.ZodUndefined)).map(documentedInput);
    const union = options.length === 1 ? options[0]! : z.union(options as [ZodTypeAny, ZodTypeAny, ...ZodTypeAny[]]);
    return options.length < (schema.options as ZodTypeAny[]).length ? union.optional() : union;
  }
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, ZodTypeAny>).map(([key, field]) => {
        const documented = documentedInput(field);
        return [key, field.isOptional() && !documented.isOptional() ? documented.optional() : documented];
      }),
    );
    const object = z.object(shape);
    const unknownKeys = (schema._def as { unknownKeys: string }).unknownKeys;
    return unknownKeys === "strict" ? object.strict() : unknownKeys === "passthrough" ? object.passthrough() : object;
  }
  return schema;
}

function pathParams(path: string) {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined;
}

let cached: object | null = null;

export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.register("Event", eventJsonSchema);
  registry.register("Organization", organizationJsonSchema);
  registry.register("Webhook", webhookJsonSchema);
  registry.register("WebhookDelivery", webhookDeliveryJsonSchema);
  registry.register("Error", apiErrorSchema);
  registry.register("Invitation", invitationJsonSchema);
  registry.register("Person", personJsonSchema);
  registry.register("AgendaItem", agendaItemJsonSchema);
  registry.register("Dignitary", dignitaryJsonSchema);
  registry.register("Photo", photoJsonSchema);
  registry.register("PressSummary", pressSummaryJsonSchema);
  registry.register("Ceremony", ceremonyJsonSchema);
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A personal API token (sgt_…)" });
  for (const op of operations) {
    const responses: RouteConfig["responses"] = {};
    for (const [status, schema] of Object.entries(op.ok))
      responses[status] = schema ? { description: "Success", content: { "application/json": { schema } } } : { description: "Success, no body" };
    for (const [status, description] of Object.entries(errorStatuses))
      responses[status] = { description, content: { "application/json": { schema: op.errors?.[Number(status)] ?? apiErrorSchema } } };
    const params = pathParams(op.path);
    registry.registerPath({
      method: op.method,
      path: op.path,
      summary: op.summary,
      tags: [op.tag],
      security: op.path.endsWith("openapi.json") ? [] : [{ bearer: [] }],
      request: {
        ...(params ? { params } : {}),
        ...(op.query ? { query: z.object(op.query) } : {}),
        ...(op.body ? { body: { required: true, content: { [op.bodyType ?? "application/json"]: { schema: documentedInput(op.body) } } } } : {}),
      },
      responses,
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Signet API",
      version: "1",
      description: "The JSON API of Signet. Examples and rules: docs/api.md. Webhooks: signed per Standard Webhooks.",
    },
    servers: [{ url: "/" }],
  });
  return cached;
}
