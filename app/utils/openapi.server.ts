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
import { checkInApiSchema, invitationSendApiSchema } from "~/domain/api/requests";
import { apiErrorSchema, eventJsonSchema, listOf, objectSchema, organizationJsonSchema, resourceSchema } from "~/domain/api/responses";
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
  query?: Record<string, ZodTypeAny>;
}

const Event = eventJsonSchema;
const Organization = organizationJsonSchema;
const Webhook = webhookJsonSchema;
const page = (item: ZodTypeAny) => listOf(item);
const limitCursor = { limit: z.string().optional(), cursor: z.string().optional() };

/** Every API operation. Keep in step with app/routes/api.v1.* (the openapi test says when not). */
export const operations: Operation[] = [
  { method: "get", path: "/api/v1/openapi.json", tag: "meta", summary: "This document", ok: { 200: objectSchema } },

  { method: "get", path: "/api/v1/events", tag: "events", summary: "List events, newest start first", query: limitCursor, ok: { 200: page(Event) } },
  { method: "post", path: "/api/v1/events", tag: "events", summary: "Create an event", body: eventApiCreateSchema, ok: { 201: Event } },
  { method: "get", path: "/api/v1/events/{eventId}", tag: "events", summary: "Read an event", ok: { 200: Event } },
  { method: "patch", path: "/api/v1/events/{eventId}", tag: "events", summary: "Change an event", body: eventApiPatchSchema, ok: { 200: Event } },
  { method: "post", path: "/api/v1/events/{eventId}/cancel", tag: "events", summary: "Cancel an event", ok: { 200: Event } },

  { method: "get", path: "/api/v1/organizations", tag: "organizations", summary: "List organizations", ok: { 200: page(Organization) } },
  { method: "post", path: "/api/v1/organizations", tag: "organizations", summary: "Create an organization", body: organizationSchema.strict(), ok: { 201: Organization } },
  { method: "get", path: "/api/v1/organizations/{organizationId}", tag: "organizations", summary: "Read an organization", ok: { 200: Organization } },
  { method: "patch", path: "/api/v1/organizations/{organizationId}", tag: "organizations", summary: "Correct an organization", body: organizationSchema.partial().strict(), ok: { 200: Organization } },
  { method: "delete", path: "/api/v1/organizations/{organizationId}", tag: "organizations", summary: "Delete an unused organization", ok: { 204: null } },

  { method: "get", path: "/api/v1/events/{eventId}/invitations", tag: "invitations", summary: "List invitations", query: limitCursor, ok: { 200: page(resourceSchema) } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations", tag: "invitations", summary: "Invite a person", body: objectSchema, ok: { 201: resourceSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/invitations/{invitationId}", tag: "invitations", summary: "Read an invitation", ok: { 200: resourceSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/invitations/{invitationId}", tag: "invitations", summary: "Change an invitation", body: objectSchema, ok: { 200: resourceSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/invitations/{invitationId}", tag: "invitations", summary: "Withdraw an invitation", ok: { 200: resourceSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations/{invitationId}/regenerate-link", tag: "invitations", summary: "A new personal link", ok: { 200: resourceSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations/import", tag: "invitations", summary: "Import a CSV of attendees", body: z.string(), bodyType: "text/csv", ok: { 200: objectSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/invitations/send", tag: "invitations", summary: "Queue invitation emails", body: invitationSendApiSchema, ok: { 200: objectSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/check-ins", tag: "invitations", summary: "Check a guest in", body: checkInApiSchema, ok: { 201: objectSchema } },

  { method: "get", path: "/api/v1/people", tag: "people", summary: "The people directory", query: { ...limitCursor, q: z.string().optional() }, ok: { 200: page(resourceSchema) } },
  { method: "get", path: "/api/v1/people/{personId}", tag: "people", summary: "Read a person", ok: { 200: resourceSchema } },
  { method: "patch", path: "/api/v1/people/{personId}", tag: "people", summary: "Correct a person", body: objectSchema, ok: { 200: resourceSchema } },
  { method: "get", path: "/api/v1/people/{personId}/export", tag: "people", summary: "Everything Signet holds about a person (admins; right of access)", ok: { 200: objectSchema } },
  { method: "post", path: "/api/v1/people/{personId}/erase", tag: "people", summary: "Erase a person's contact details, notes and needs (admins; the name stays)", ok: { 200: objectSchema } },

  { method: "get", path: "/api/v1/glossary", tag: "glossary", summary: "The instance's own glossary entries", ok: { 200: objectSchema } },
  { method: "post", path: "/api/v1/glossary", tag: "glossary", summary: "Add a glossary entry, or replace its English (admins)", body: glossaryEntrySchema, ok: { 201: resourceSchema } },

  { method: "get", path: "/api/v1/events/{eventId}/agenda", tag: "agenda", summary: "The agenda", ok: { 200: objectSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/agenda", tag: "agenda", summary: "Add an agenda item", body: agendaItemApiCreateSchema, ok: { 201: resourceSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/agenda/{itemId}", tag: "agenda", summary: "Read an agenda item", ok: { 200: resourceSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/agenda/{itemId}", tag: "agenda", summary: "Change an agenda item", body: agendaItemApiPatchSchema, ok: { 200: resourceSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/agenda/{itemId}", tag: "agenda", summary: "Remove an agenda item", ok: { 204: null } },

  { method: "get", path: "/api/v1/events/{eventId}/dignitaries", tag: "protocol", summary: "Dignitaries in precedence order", ok: { 200: objectSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/dignitaries", tag: "protocol", summary: "Add a dignitary", body: dignitaryApiCreateSchema, ok: { 201: resourceSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/dignitaries/{dignitaryId}", tag: "protocol", summary: "Read a dignitary", ok: { 200: resourceSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/dignitaries/{dignitaryId}", tag: "protocol", summary: "Change a dignitary", body: dignitaryApiPatchSchema, ok: { 200: resourceSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/dignitaries/{dignitaryId}", tag: "protocol", summary: "Remove a dignitary", ok: { 204: null } },
  { method: "get", path: "/api/v1/events/{eventId}/seating", tag: "protocol", summary: "The seating plan", ok: { 200: objectSchema } },
  ...(["get", "post", "put", "patch", "delete"] as const).map(
    (method): Operation => ({
      method,
      path: "/api/v1/events/{eventId}/ceremony/{subpath}",
      tag: "protocol",
      summary: "The ceremony: sides, documents, signatories, attendance (see docs/api.md, The ceremony)",
      body: method === "get" || method === "delete" ? undefined : objectSchema,
      ok: method === "delete" ? { 200: objectSchema, 204: null } : method === "post" ? { 200: objectSchema, 201: objectSchema } : { 200: objectSchema },
    }),
  ),

  { method: "get", path: "/api/v1/events/{eventId}/photos", tag: "photos", summary: "The gallery", ok: { 200: objectSchema } },
  { method: "post", path: "/api/v1/events/{eventId}/photos", tag: "photos", summary: "Upload a photo (multipart/form-data)", body: z.object({ file: z.string() }).passthrough(), bodyType: "multipart/form-data", ok: { 201: resourceSchema } },
  { method: "get", path: "/api/v1/events/{eventId}/photos/{photoId}", tag: "photos", summary: "Read a photo", ok: { 200: resourceSchema } },
  { method: "patch", path: "/api/v1/events/{eventId}/photos/{photoId}", tag: "photos", summary: "Change a photo", body: photoApiPatchSchema, ok: { 200: resourceSchema } },
  { method: "delete", path: "/api/v1/events/{eventId}/photos/{photoId}", tag: "photos", summary: "Remove a photo", ok: { 204: null } },

  { method: "get", path: "/api/v1/events/{eventId}/press-summaries", tag: "press", summary: "The event's press summaries", ok: { 200: page(resourceSchema) } },
  { method: "post", path: "/api/v1/events/{eventId}/press-summaries", tag: "press", summary: "Draft a press summary", body: pressApiCreateSchema, ok: { 201: resourceSchema } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}", tag: "press", summary: "Read a press summary", ok: { 200: resourceSchema } },
  { method: "patch", path: "/api/v1/press-summaries/{summaryId}", tag: "press", summary: "Edit a press summary", body: pressApiPatchSchema, ok: { 200: resourceSchema } },
  { method: "post", path: "/api/v1/press-summaries/{summaryId}/transition", tag: "press", summary: "Submit, approve, publish…", body: pressApiTransitionSchema, ok: { 200: resourceSchema } },
  { method: "post", path: "/api/v1/press-summaries/{summaryId}/redraft", tag: "press", summary: "Redraft from the event's data", body: pressRegenerateSchema, ok: { 200: objectSchema } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}/comments", tag: "press", summary: "Review comments", ok: { 200: page(resourceSchema) } },
  { method: "post", path: "/api/v1/press-summaries/{summaryId}/comments", tag: "press", summary: "Add a review comment", body: pressCommentSchema, ok: { 201: resourceSchema } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}/versions", tag: "press", summary: "The versions", ok: { 200: objectSchema } },
  { method: "get", path: "/api/v1/press-summaries/{summaryId}/versions/{version}", tag: "press", summary: "One version", ok: { 200: objectSchema } },

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
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A personal API token (sgt_…)" });
  for (const op of operations) {
    const responses: RouteConfig["responses"] = {};
    for (const [status, schema] of Object.entries(op.ok))
      responses[status] = schema ? { description: "Success", content: { "application/json": { schema } } } : { description: "Success, no body" };
    for (const [status, description] of Object.entries(errorStatuses))
      responses[status] = { description, content: { "application/json": { schema: apiErrorSchema } } };
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
