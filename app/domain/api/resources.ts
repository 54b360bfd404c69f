/**
 * What the JSON API answers for invitations, people, check-ins, agenda, dignitaries, photos, press summaries,
 * the glossary and personal-data requests — field by field, as zod schemas. The presenters in app/routes/api.*
 * are typed by these (z.infer), so a field added to one without its schema does not compile; every object is
 * `.strict()`, so a field that slips past the compiler fails the document's validation of real answers (e2e).
 * The OpenAPI document (app/utils/openapi.server.ts) is generated from them.
 */
import { z } from "zod";
import { agendaKinds } from "../agenda/agenda";
import { invitationRoles, invitationStatuses } from "../attendees/attendee.schema";
import { apiErrorBodySchema } from "./responses";

const instant = z.string().datetime({ offset: true });
const uuid = z.string().uuid();
const language = z.enum(["vi", "en"]);
const personRef = z.object({ id: uuid, name: z.string().nullable() }).strict().nullable();

// ---------------------------------------------------------------------------------------------------
// People and invitations. Readers without the event's personal data get no email, phone, notes, needs or
// comment: those keys are absent (docs/decisions/017-personal-data.md), hence optional here.

export const personJsonSchema = z
  .object({
    id: uuid,
    honorific: z.string().nullable(),
    name: z.string(),
    positions: z.array(z.string()),
    organization: z.string().nullable(),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    language,
    notes: z.string().nullable().optional(),
  })
  .strict();
export type PersonJson = z.infer<typeof personJsonSchema>;

export const personInvitationJsonSchema = z
  .object({
    id: uuid,
    eventId: uuid,
    eventTitle: z.string(),
    eventStartsAt: instant,
    role: z.enum(invitationRoles),
    status: z.enum(invitationStatuses),
    withdrawnAt: instant.nullable(),
  })
  .strict();

export const personDetailJsonSchema = personJsonSchema.extend({ invitations: z.array(personInvitationJsonSchema) }).strict();
export type PersonDetailJson = z.infer<typeof personDetailJsonSchema>;

export const invitationJsonSchema = z
  .object({
    id: uuid,
    eventId: uuid,
    personId: uuid,
    honorific: z.string().nullable(),
    name: z.string(),
    positions: z.array(z.string()),
    organization: z.string().nullable(),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    language,
    notes: z.string().nullable().optional(),
    role: z.enum(invitationRoles),
    group: z.string().nullable(),
    plusOnes: z.number().int().min(0),
    dietaryNeeds: z.string().nullable().optional(),
    accessNeeds: z.string().nullable().optional(),
    status: z.enum(invitationStatuses),
    respondedAt: instant.nullable(),
    comment: z.string().nullable().optional(),
    withdrawnAt: instant.nullable(),
    /** The companions the invitee named (null: not said); those within plusOnes come (docs/decisions/028). */
    companionNames: z.array(z.string()).nullable(),
    /** A deputy's invitation: the invitation they stand in for; null otherwise. */
    deputyForInvitationId: uuid.nullable(),
    /**
     * The invitee's email bounced and has not been corrected since: when, and (personal data: it names the address)
     * the report's reason; null otherwise.
     */
    bounce: z.object({ at: instant, reason: z.string().nullable().optional() }).strict().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .strict();
export type InvitationJson = z.infer<typeof invitationJsonSchema>;

/** POST /invitations: the invitation and the invitee's personal link (shown here once). */
export const invitationCreatedJsonSchema = invitationJsonSchema.extend({ rsvpUrl: z.string().url() }).strict();
/** DELETE /invitations/{id}: the withdrawn invitation and what became of the cancellation email. */
export const invitationWithdrawnJsonSchema = invitationJsonSchema
  .extend({ cancelMail: z.enum(["queued", "duplicate", "not_invited", "no_email", "event_cancelled"]) })
  .strict();
export const invitationLinkJsonSchema = z.object({ invitationId: uuid, rsvpUrl: z.string().url() }).strict();

/** 409 on POST /invitations: the person is on the list already (that invitation's id). */
export const alreadyInvitedJsonSchema = apiErrorBodySchema.extend({ invitationId: uuid, withdrawn: z.boolean() }).strict();

const importRowErrorSchema = z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() }).strict();
export const importReportJsonSchema = z.union([
  z
    .object({
      commit: z.literal(false),
      rows: z.number().int(),
      validRows: z.number().int(),
      errors: z.array(importRowErrorSchema),
      ignoredColumns: z.array(z.string()),
      sample: z.array(z.object({ row: z.number().int(), name: z.string(), organization: z.string().nullable(), email: z.string().nullable() }).strict()),
    })
    .strict(),
  z
    .object({
      commit: z.literal(true),
      rows: z.number().int(),
      peopleCreated: z.number().int(),
      peopleUpdated: z.number().int(),
      invitationsCreated: z.number().int(),
      invitationsUpdated: z.number().int(),
      withdrawnKept: z.number().int(),
      skippedRows: z.number().int(),
      errors: z.array(importRowErrorSchema),
    })
    .strict(),
]);

export const sendReportJsonSchema = z.object({ queued: z.number().int(), duplicates: z.number().int(), noEmail: z.number().int() }).strict();

export const checkInJsonSchema = z
  .object({
    invitationId: uuid,
    honorific: z.string().nullable(),
    name: z.string(),
    positions: z.array(z.string()),
    organization: z.string().nullable(),
    role: z.enum(invitationRoles),
    group: z.string().nullable(),
    plusOnes: z.number().int(),
    status: z.enum(invitationStatuses),
    checkedInAt: instant,
    checkedInBy: z.object({ id: uuid.nullable(), name: z.string().nullable() }).strict(),
  })
  .strict();
export type CheckInJson = z.infer<typeof checkInJsonSchema>;
/** 409 on POST /check-ins: checked in already, by whom and when. */
export const alreadyCheckedInJsonSchema = apiErrorBodySchema.extend({ checkIn: checkInJsonSchema }).strict();

export const personExportJsonSchema = z
  .object({
    exportedAt: instant,
    person: z
      .object({
        id: uuid,
        honorific: z.string().nullable(),
        fullName: z.string(),
        positions: z.array(z.string()),
        organization: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        language,
        notes: z.string().nullable(),
      })
      .strict(),
    invitations: z.array(
      z
        .object({
          eventId: uuid,
          eventTitle: z.string(),
          eventStartsAt: instant,
          eventEndsAt: instant,
          role: z.string(),
          group: z.string().nullable(),
          plusOnes: z.number().int(),
          status: z.string(),
          respondedAt: instant.nullable(),
          comment: z.string().nullable(),
          dietaryNeeds: z.string().nullable(),
          accessNeeds: z.string().nullable(),
          withdrawnAt: instant.nullable(),
          checkedInAt: instant.nullable(),
          invitedAt: instant,
        })
        .strict(),
    ),
    mail: z.array(z.object({ kind: z.string(), to: z.string(), subject: z.string(), status: z.string(), createdAt: instant, sentAt: instant.nullable() }).strict()),
    history: z.array(z.object({ at: instant, action: z.string(), by: z.string().nullable(), eventId: uuid.nullable() }).strict()),
  })
  .strict();

export const personErasureJsonSchema = z
  .object({
    person: personJsonSchema,
    erased: z
      .object({ fields: z.array(z.string()), invitations: z.number().int(), mail: z.number().int(), auditEntries: z.number().int(), links: z.number().int() })
      .strict(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------
// Agenda

export const agendaItemJsonSchema = z
  .object({
    id: uuid,
    /** 1 = first. */
    position: z.number().int().min(1),
    startsAt: instant,
    endsAt: instant,
    durationMinutes: z.number().int(),
    title: z.string(),
    /** The English title; null = not given (English outputs keep the Vietnamese, marked). */
    titleEn: z.string().nullable(),
    kind: z.enum(agendaKinds),
    speakerInvitationId: uuid.nullable(),
    responsibleUserId: uuid.nullable(),
    place: z.string().nullable(),
    notes: z.string().nullable(),
    keyPoints: z.array(z.string()),
    issues: z.array(
      z.union([
        z.object({ kind: z.literal("overlap"), withId: uuid }).strict(),
        z.object({ kind: z.literal("pastEventEnd") }).strict(),
        z.object({ kind: z.literal("beforeEventStart") }).strict(),
      ]),
    ),
    version: z.string(),
  })
  .strict();
export type AgendaItemJson = z.infer<typeof agendaItemJsonSchema>;

export const agendaJsonSchema = z.object({ data: z.array(agendaItemJsonSchema), version: z.string(), timeZone: z.string() }).strict();

// ---------------------------------------------------------------------------------------------------
// Dignitaries

export const dignitaryJsonSchema = z
  .object({
    id: uuid,
    invitationId: uuid.nullable(),
    honorific: z.string().nullable(),
    name: z.string(),
    positions: z.array(z.string()),
    organization: z.string().nullable(),
    delegation: z.string().nullable(),
    side: z.union([z.enum(["host", "guest"]), z.null()]),
    arrivalAt: instant.nullable(),
    escortUserId: uuid.nullable(),
    notes: z.string().nullable(),
    precedence: z.number().int().min(1),
    proposedPrecedence: z.number().int().min(1),
    reason: z
      .object({
        kind: z.enum(["rank", "unknown", "manual"]),
        position: z.string().nullable(),
        rank: z.number().nullable(),
        text: z.string(),
      })
      .strict(),
    fullAddress: z.string(),
    shortAddress: z.string(),
    englishAddress: z.string(),
    addressOverrides: z.object({ full: z.string().nullable(), short: z.string().nullable(), english: z.string().nullable() }).strict(),
  })
  .strict();
export type DignitaryJson = z.infer<typeof dignitaryJsonSchema>;

export const dignitaryListJsonSchema = z
  .object({ data: z.array(dignitaryJsonSchema), version: z.string(), manual: z.boolean(), equalsFirst: z.enum(["guests", "hosts"]) })
  .strict();

// ---------------------------------------------------------------------------------------------------
// Photos

export const photoJsonSchema = z
  .object({
    id: uuid,
    number: z.number().int().min(1),
    position: z.number().int().min(1),
    url: z.string().url(),
    thumbnailUrl: z.string().url(),
    /** Null for readers outside the event's team: the original keeps EXIF (GPS). */
    originalUrl: z.string().url().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    captionVi: z.string().nullable(),
    captionEn: z.string().nullable(),
    credit: z.string().nullable(),
    takenAt: instant.nullable(),
    camera: z.object({ make: z.string().nullable(), model: z.string().nullable() }).strict(),
    isCover: z.boolean(),
    includeInPress: z.boolean(),
    taggedInvitationIds: z.array(uuid),
    tags: z.array(z.object({ invitationId: uuid, name: z.string(), organization: z.string().nullable() }).strict()),
    originalFilename: z.string(),
    originalType: z.string(),
    originalBytes: z.number().int(),
    version: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .strict();
export type PhotoJson = z.infer<typeof photoJsonSchema>;

export const galleryJsonSchema = z.object({ data: z.array(photoJsonSchema), orderVersion: z.string() }).strict();

// ---------------------------------------------------------------------------------------------------
// Press summaries

export const pressSourceJsonSchema = z
  .object({
    text: z.string(),
    part: z.enum(["headline", "lead", "attendance", "content", "remarks", "photo", "byline"]),
    facts: z.array(z.string()),
    needsTranslation: z.boolean().optional(),
  })
  .strict();

export const pressSummaryJsonSchema = z
  .object({
    id: uuid,
    eventId: uuid,
    language,
    title: z.string(),
    body: z.string(),
    byline: z.string().nullable(),
    status: z.enum(["draft", "in_review", "approved", "published"]),
    version: z.number().int().min(1),
    /** Set on first publication and never changed after; null before. */
    slug: z.string().nullable(),
    publicUrl: z.string().nullable(),
    createdBy: personRef,
    submittedBy: personRef,
    submittedAt: instant.nullable(),
    approvedBy: personRef,
    approvedAt: instant.nullable(),
    publishedBy: personRef,
    publishedAt: instant.nullable(),
    viewCount: z.number().int(),
    sources: z.array(pressSourceJsonSchema),
    createdAt: instant,
    updatedAt: instant,
  })
  .strict();
export type PressSummaryJson = z.infer<typeof pressSummaryJsonSchema>;

export const pressSavedJsonSchema = pressSummaryJsonSchema.extend({ unchanged: z.boolean(), approvalLapsed: z.boolean(), correction: z.boolean() }).strict();
export const pressTransitionedJsonSchema = pressSummaryJsonSchema.extend({ transition: z.string() }).strict();

const paragraphs = z.string();
export const regenerationReportJsonSchema = z
  .object({
    unchanged: z.boolean(),
    approvalLapsed: z.boolean(),
    title: z.object({ changed: z.boolean(), conflict: z.object({ mine: z.string(), base: z.string(), theirs: z.string() }).strict().nullable() }).strict(),
    changes: z.array(z.object({ kind: z.string(), outcome: z.string(), before: paragraphs, after: paragraphs }).strict()),
    conflicts: z.array(z.object({ at: z.number().int(), kept: paragraphs, generated: paragraphs }).strict()),
  })
  .strict();
export const pressRedraftedJsonSchema = pressSummaryJsonSchema.extend({ report: regenerationReportJsonSchema }).strict();

/** 409 on a save or redraft from an outdated version: the current summary, and who saved it when. */
export const pressConflictJsonSchema = apiErrorBodySchema
  .extend({ current: pressSummaryJsonSchema, savedBy: z.object({ name: z.string().nullable(), at: instant }).strict().nullable() })
  .strict();

export const pressCommentJsonSchema = z.object({ id: uuid, body: z.string(), version: z.number().int(), author: personRef, createdAt: instant }).strict();
export type PressCommentJson = z.infer<typeof pressCommentJsonSchema>;

export const pressVersionJsonSchema = z
  .object({
    version: z.number().int(),
    kind: z.enum(["generated", "edited", "regenerated", "status"]),
    status: z.enum(["draft", "in_review", "approved", "published"]),
    author: personRef,
    note: z.string().nullable(),
    createdAt: instant,
    title: z.string(),
    /** Only when one version is asked for. */
    byline: z.string().nullable().optional(),
    body: z.string().optional(),
  })
  .strict();
export type PressVersionJson = z.infer<typeof pressVersionJsonSchema>;

const diffPart = z.object({ kind: z.enum(["same", "ins", "del"]), text: z.string() }).strict();
export const pressVersionWithDiffJsonSchema = pressVersionJsonSchema
  .extend({
    diff: z
      .object({
        from: z.number().int(),
        same: z.boolean(),
        title: z.array(diffPart),
        byline: z.array(diffPart),
        body: z.array(z.object({ kind: z.enum(["same", "added", "removed", "changed"]), parts: z.array(diffPart) }).strict()),
      })
      .strict()
      .optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------
// Glossary

export const glossaryEntryJsonSchema = z.object({ id: uuid, kind: z.string(), vi: z.string(), en: z.string(), updatedAt: instant }).strict();
export type GlossaryEntryJson = z.infer<typeof glossaryEntryJsonSchema>;
export const glossaryJsonSchema = z.object({ data: z.array(glossaryEntryJsonSchema) }).strict();
