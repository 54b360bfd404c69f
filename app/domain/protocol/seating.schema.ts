import { z } from "zod";
import { optionalPositiveInt, requiredLine } from "../events/event.schema";

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
export const assignSeatSchema = z.object({
  tableId: uuid,
  seatIndex,
  invitationId: uuid,
  fromTableId: z
    .union([uuid, z.literal(""), z.undefined()])
    .transform((v) => (v ? v : null)),
  fromSeatIndex: z
    .union([seatIndex, z.literal(""), z.undefined()])
    .transform((v) => (v === "" || v === undefined ? null : v)),
});

/** The no-JavaScript form: one select of "table:seat" values. */
export const assignSeatFormSchema = z.object({
  invitationId: uuid,
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

/** For each agreement party: its signatory and the signing order; and the table's host side and originals. */
export const agreementSigningSchema = z
  .object({
    hostSide: z.enum(tableSides, choice),
    originals: optionalPositiveInt(100),
    parties: z
      .array(z.object({ organizationId: uuid, dignitaryId: signatory, signingOrder }))
      .max(50)
      .default([]),
  })
  .superRefine((v, ctx) => {
    const orders = new Map<number, number>();
    v.parties.forEach((p, i) => {
      const first = orders.get(p.signingOrder);
      if (first !== undefined)
        ctx.addIssue({ code: "custom", path: ["parties", i, "signingOrder"], message: "protocol.errors.signingOrderTwice" });
      else orders.set(p.signingOrder, i);
    });
    const signers = new Map<string, number>();
    v.parties.forEach((p, i) => {
      if (!p.dignitaryId) return;
      if (signers.has(p.dignitaryId))
        ctx.addIssue({ code: "custom", path: ["parties", i, "dignitaryId"], message: "protocol.errors.signsTwice" });
      else signers.set(p.dignitaryId, i);
    });
  });
export type AgreementSigningInput = z.output<typeof agreementSigningSchema>;
export type AgreementSigningFormValues = z.input<typeof agreementSigningSchema>;
