/** The ceremony's structure and the seating plan as the API answers them (zod; the OpenAPI document is built from these). */
import { z } from "zod";
import { sideJsonSchema } from "./responses";

const uuid = z.string().uuid();

const ceremonyRoleSchema = z.union([
  z.object({ kind: z.enum(["chair", "co_chair", "witness", "speaker", "attendee"]) }).strict(),
  z.object({ kind: z.literal("signatory"), documentId: uuid, sideId: uuid }).strict(),
]);

export const ceremonyJsonSchema = z
  .object({
    eventId: uuid,
    startPrecision: z.enum(["time", "date"]),
    occasion: z.string().nullable(),
    occasionEn: z.string().nullable(),
    context: z.string().nullable(),
    contextEn: z.string().nullable(),
    sides: z.array(sideJsonSchema),
    documents: z.array(
      z
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
          partySideIds: z.array(uuid),
          parties: z.array(z.object({ sideId: uuid, signatoryIds: z.array(uuid) }).strict()),
        })
        .strict(),
    ),
    people: z.array(z.object({ dignitaryId: uuid, sideId: uuid.nullable(), roles: z.array(ceremonyRoleSchema) }).strict()),
    attendanceLines: z.array(
      z.object({ id: uuid, textVi: z.string(), textEn: z.string().nullable(), sideId: uuid.nullable(), place: z.number().int().nullable(), order: z.number().int() }).strict(),
    ),
    proceedings: z.array(z.object({ agendaItemId: uuid, subjectVi: z.string(), subjectEn: z.string().nullable(), keyPoints: z.array(z.string()) }).strict()),
  })
  .strict();
export type CeremonyJson = z.infer<typeof ceremonyJsonSchema>;

/** A write that created something: the whole ceremony after it, with the new id. */
export const ceremonyCreatedJsonSchema = ceremonyJsonSchema.extend({ created: uuid }).strict();

const seatRef = z.object({ tableId: uuid, seatIndex: z.number().int() }).strict();

export const seatingConflictJsonSchema = z.union([
  z
    .object({
      kind: z.literal("seatedTwice"),
      personId: uuid,
      /** 0 = the invitee; n = their n-th named companion (docs/decisions/028). */
      companionIndex: z.number().int().min(0),
      seats: z.array(seatRef),
      message: z.string(),
    })
    .strict(),
  z.object({ kind: z.literal("emptyReserved"), tableId: uuid, seatIndex: z.number().int(), message: z.string() }).strict(),
  z.object({ kind: z.literal("notEnoughSeats"), people: z.number().int(), seats: z.number().int(), message: z.string() }).strict(),
  z
    .object({ kind: z.literal("unavailableSeated"), personId: uuid, status: z.enum(["declined", "withdrawn"]), seats: z.array(seatRef), message: z.string() })
    .strict(),
  z.object({ kind: z.literal("unseated"), personIds: z.array(uuid), message: z.string() }).strict(),
]);

export const seatingJsonSchema = z
  .object({
    tables: z.array(
      z
        .object({
          id: uuid,
          name: z.string(),
          kind: z.string(),
          seatCount: z.number().int(),
          mode: z.string(),
          secondTo: z.string().nullable(),
          frontSeats: z.number().int(),
          documentId: uuid.nullable(),
          seats: z.array(
            z
              .object({
                index: z.number().int(),
                rank: z.number().int().nullable(),
                role: z.string().nullable(),
                party: z.string().nullable(),
                reserved: z.boolean(),
                invitationId: uuid.nullable(),
                /** 0 = the invitee (or an empty seat); n = the invitee's n-th named companion (docs/decisions/028). */
                companionIndex: z.number().int().min(0),
                dignitaryId: uuid.nullable(),
                name: z.string().nullable(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    conflicts: z.array(seatingConflictJsonSchema),
    signing: z
      .object({
        originals: z.number().int().nullable(),
        hostSide: z.enum(["right", "left"]),
        parties: z.array(
          z
            .object({ organizationId: uuid.nullable(), name: z.string(), isHost: z.boolean(), signatoryId: uuid.nullable(), signingOrder: z.number().int() })
            .strict(),
        ),
      })
      .strict()
      .nullable(),
    signings: z.array(
      z
        .object({
          documentId: uuid,
          title: z.string(),
          hostSide: z.enum(["right", "left"]),
          parties: z.array(
            z
              .object({ sideId: uuid, organizationId: uuid.nullable(), name: z.string(), isHost: z.boolean(), signatoryIds: z.array(uuid) })
              .strict(),
          ),
        })
        .strict(),
    ),
    unseated: z.array(uuid),
    /** Companions who come and have no seat yet: their invitation and index (docs/decisions/028). */
    unseatedCompanions: z.array(z.object({ invitationId: uuid, companionIndex: z.number().int().min(1) }).strict()),
    unavailableSeated: z.array(z.object({ invitationId: uuid, status: z.enum(["declined", "withdrawn"]) }).strict()),
  })
  .strict();
export type SeatingJson = z.infer<typeof seatingJsonSchema>;
