import { z } from "zod";
import { parseHolderKey } from "./companion-seats";
import { optionalPositiveInt, requiredLine } from "~/domain/forms/fields";
import { objectWithChecks } from "../forms/all-at-once";

/** Client-safe: the seating page's forms (tables, seats, the signing arrangements). Messages are i18n keys. */
export const tableKinds = ["presidium", "signing", "row"] as const;
export type TableKindChoice = (typeof tableKinds)[number];
export const seatingModes = ["centre-out", "left-to-right"] as const;
export const tableSides = ["right", "left"] as const;
export type TableSide = (typeof tableSides)[number];

export const MAX_SEATS = 200;

const choice = { errorMap: () => ({ message: "errors.choice" }) };
const uuid = z.string({ required_error: "errors.required" }).uuid("errors.invalid");

const seatCount = z.union([z.string(), z.number()], { required_error: "errors.required" }).transform((v, ctx) => {
  const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEATS) {
    ctx.addIssue({ code: "custom", message: `protocol.errors.seatCount?max=${MAX_SEATS}` });
    return z.NEVER;
  }
  return n;
});

export const seatingTableSchema = z.object({
  name: requiredLine(100),
  kind: z.enum(tableKinds, choice),
  seatCount,
  mode: z.enum(seatingModes, choice),
  secondTo: z.enum(tableSides, choice),
});
export type SeatingTableInput = z.output<typeof seatingTableSchema>;
export type SeatingTableFormValues = z.input<typeof seatingTableSchema>;

const seatIndex = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n >= MAX_SEATS) {
    ctx.addIssue({ code: "custom", message: "errors.invalid" });
    return z.NEVER;
  }
  return n;
});

/** Put a person on a seat; with `fromTableId`/`fromSeatIndex` it is a move (the two seats swap). */
/** Who takes the seat: an invitation id, or "<invitation id>:<n>" for their n-th companion (./companion-seats). */
const holder = z
  .string({ required_error: "errors.required" })
  .refine((v) => parseHolderKey(v) !== null, "errors.invalid")
  .transform((v) => v.trim().toLowerCase());

export const assignSeatSchema = z.object({
  tableId: uuid,
  seatIndex,
  invitationId: holder,
  fromTableId: z
    .union([uuid, z.literal(""), z.undefined()])
    .transform((v) => (v ? v : null)),
  fromSeatIndex: z
    .union([seatIndex, z.literal(""), z.undefined()])
    .transform((v) => (v === "" || v === undefined ? null : v)),
});

/** The no-JavaScript form: one select of "table:seat" values. */
export const assignSeatFormSchema = z.object({
  invitationId: holder,
  seat: z
    .string({ required_error: "errors.required" })
    .regex(/^[0-9a-f-]{36}:\d{1,3}$/i, "errors.choice")
    .transform((s) => {
      const [tableId = "", index = "0"] = s.split(":");
      return { tableId, seatIndex: Number(index) };
    }),
});

export const seatRefSchema = z.object({ tableId: uuid, seatIndex });

const signatory = z
  .union([uuid, z.literal(""), z.null(), z.undefined()])
  .transform((v) => (v ? v : null));

const signingOrder = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 50) {
    ctx.addIssue({ code: "custom", message: "errors.number" });
    return z.NEVER;
  }
  return n;
});

/** A document's party, named by its side (or, from older clients, by the side's organization). */
const signingParty = z.object({ sideId: uuid.optional(), organizationId: uuid.optional(), dignitaryId: signatory, signingOrder });

/**
 * For each party of a document: its signatory and the signing order; and the table's host side and originals.
 * The "twice" rules compare the parties that parse, even while another field is wrong: every error at once.
 */
export const agreementSigningSchema = objectWithChecks(
  {
    /** The document; absent = the event's first. */
    documentId: uuid.optional(),
    hostSide: z.enum(tableSides, choice),
    originals: optionalPositiveInt(100),
    parties: z.array(signingParty).max(50).default([]),
  },
  (_fields, ctx, raw) => {
    const parties = Array.isArray(raw.parties) ? raw.parties.slice(0, 50) : [];
    const orders = new Map<number, number>();
    const signers = new Map<string, number>();
    parties.forEach((entry: unknown, i) => {
      const fields = entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>) : {};
      const order = signingOrder.safeParse(fields.signingOrder);
      if (order.success) {
        if (orders.has(order.data))
          ctx.addIssue({ code: "custom", path: ["parties", i, "signingOrder"], message: "protocol.errors.signingOrderTwice" });
        else orders.set(order.data, i);
      }
      const signer = signatory.safeParse(fields.dignitaryId);
      if (signer.success && signer.data) {
        if (signers.has(signer.data))
          ctx.addIssue({ code: "custom", path: ["parties", i, "dignitaryId"], message: "protocol.errors.signsTwice" });
        else signers.set(signer.data, i);
      }
    });
  },
  (v) => v,
);
export type AgreementSigningInput = z.output<typeof agreementSigningSchema>;
export type AgreementSigningFormValues = z.input<typeof agreementSigningSchema>;
