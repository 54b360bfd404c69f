/**
 * Delegates and companions (issue 18): an invitee names a deputy to go in their place ("cử người đi thay"), on their
 * page or in a mailed reply (DELEGATED-TO); the organizer accepts or refuses. Invitees also say which companions come.
 * The contract, for the web page and the inbound-mail reader alike, is in docs/decisions/028-delegates-and-companions.md.
 *
 *  - proposeDeputy: records (or replaces) the invitation's one pending proposal. Nothing changes for anyone else yet.
 *  - acceptDeputy: in one transaction — the deputy's own invitation (accepted, same role, group and companions allowance;
 *    their link, QR code and calendar file come with the invitation email queued here), the original withdrawn as
 *    "delegated to X" with a METHOD:CANCEL of their entry, the deputy a dignitary of the principal's side ranked by
 *    their own position, the principal's ceremony roles, agenda slots and seats handed over.
 *  - refuseDeputy: the proposal is refused, the invitation stays the invitee's, who is told by email.
 *  - setCompanions: the invitee names the companions who come, at most the number the organizer allows.
 */
import type { Db } from "#db/client.server";
import { freeCompanionSeats } from "~/models/seating.server";
import { deputyFormSchema, type DeputyFormValues } from "~/domain/attendees/attendee.schema";
import { emailKey, nameSearchOf } from "~/domain/attendees/dedupe";
import { fieldErrors } from "~/domain/forms/fields";
import { companionsWithin } from "~/domain/rsvp/companions";
import { answerWindow } from "~/domain/rsvp/answer-window";
import { recordAudit } from "~/models/audit.server";
import {
  decideProposal,
  dignitaryOfInvitation,
  getProposal,
  handOverCeremony,
  handOverSeats,
  latestProposalOf,
  listPendingProposals,
  lockProposal,
  setCompanionNames,
  setDeputyFor,
  upsertPendingProposal,
  type DeputyProposalRow,
  type PendingProposalListItem,
} from "~/models/delegation.server";
import { findInvitation, getInvitation, insertInvitation, markInvitationWithdrawn } from "~/models/invitations.server";
import { getInviteeInvitation, recordInviteeAudit } from "~/models/rsvp.server";
import { addDeputyDignitary } from "./dignitaries.server";
import { ServiceError } from "~/utils/errors";
import { queueDelegatedCancel, queueDeputyRefused, sendInvitations, type MailOptions } from "./invitation-mail.server";
import { lockDirectory, savePeople } from "./invitations.server";
import type { Actor } from "~/domain/access/permissions";
import { inviteeName } from "./rsvp.server";
import { emitWebhook } from "./webhooks.server";

export type DeputySource = "web" | "mail";
export type { DeputyProposalRow, PendingProposalListItem };

/** Who the invitee names. Strings as typed (or as parsed from DELEGATED-TO): the service validates them like the page's form. */
export interface DeputyCandidate {
  honorific?: string | null;
  /** Required: "Trần Văn B". */
  name: string;
  /** Their own position (precedence ranks the deputy by it): "Phó Giám đốc Sở Giáo dục và Đào tạo". */
  position?: string | null;
  organization?: string | null;
  /** Where their invitation goes; without one the organizer hands over the link. */
  email?: string | null;
  /** The invitee's words to the organizer. */
  note?: string | null;
}

export interface ProposeDeputyInput {
  invitationId: string;
  deputy: DeputyCandidate;
  source: DeputySource;
  /** A staff member entering it for the invitee; null/absent: the invitee themselves (their name goes in the history). */
  actor?: Actor | null;
}

/** Field errors use the page form's names: honorific, fullName, position, organization, email, note. */
export async function proposeDeputy(
  db: Db,
  input: ProposeDeputyInput,
  now: Date = new Date(),
): Promise<{ proposal: DeputyProposalRow; replaced: boolean }> {
  const values: DeputyFormValues = {
    honorific: input.deputy.honorific ?? "",
    fullName: input.deputy.name ?? "",
    position: input.deputy.position ?? "",
    organization: input.deputy.organization ?? "",
    email: input.deputy.email ?? "",
    note: input.deputy.note ?? "",
  };
  const parsed = deputyFormSchema.safeParse(values);
  if (!parsed.success) throw new ServiceError("invalid", "form.fixErrors", fieldErrors(parsed.error));
  const deputy = parsed.data;
  const result = await db.transaction(async (tx) => {
    const row = await getInviteeInvitation(tx, input.invitationId);
    if (!row) throw new ServiceError("not_found", "errors.notFound.body");
    const window = answerWindow(row.event, row.invitation, now);
    if (!window.open) throw new ServiceError("conflict", `rsvp.closed.${window.reason}`);
    if (row.invitation.deputyForInvitationId) throw new ServiceError("conflict", "delegation.errors.deputyCannotDelegate");
    const ownEmail = emailKey(row.person.email);
    if ((deputy.email && deputy.email === ownEmail) || (!deputy.email && nameSearchOf(deputy.fullName) === nameSearchOf(row.person.fullName)))
      throw new ServiceError("invalid", "form.fixErrors", deputy.email ? { email: "delegation.errors.self" } : { fullName: "delegation.errors.self" });
    const saved = await upsertPendingProposal(
      tx,
      row.event.id,
      row.invitation.id,
      {
        honorific: deputy.honorific,
        fullName: deputy.fullName,
        positions: deputy.position ? [deputy.position] : [],
        organization: deputy.organization,
        email: deputy.email,
        note: deputy.note,
        source: input.source,
      },
      now,
    );
    const details = { fullName: row.person.fullName, deputy: deputy.fullName, source: input.source, replaced: saved.replaced };
    if (input.actor) {
      await recordAudit(tx, { actor: input.actor, action: "delegation.propose", entityType: "invitation", entityId: row.invitation.id, eventId: row.event.id, details });
    } else {
      await recordInviteeAudit(tx, { actorName: inviteeName(row.person), action: "delegation.propose", invitationId: row.invitation.id, eventId: row.event.id, details });
    }
    return saved;
  });
  const proposal = await getProposal(db, result.id);
  if (!proposal) throw new Error("saved proposal not found");
  return { proposal, replaced: result.replaced };
}

/** The queue on the attendee list. */
export function pendingDeputyProposals(db: Db, eventId: string): Promise<PendingProposalListItem[]> {
  return listPendingProposals(db, eventId);
}

/** The invitee page's view of their latest proposal. */
export function latestDeputyProposal(db: Db, invitationId: string): Promise<DeputyProposalRow | null> {
  return latestProposalOf(db, invitationId);
}

async function pendingFor(tx: Db, eventId: string, proposalId: string): Promise<DeputyProposalRow> {
  const proposal = await lockProposal(tx, proposalId);
  if (!proposal || proposal.eventId !== eventId) throw new ServiceError("not_found", "delegation.errors.notFound");
  if (proposal.status !== "pending") throw new ServiceError("conflict", "delegation.errors.decided");
  return proposal;
}

function deputyDisplayName(p: { honorific: string | null; fullName: string }): string {
  return [p.honorific?.trim(), p.fullName.trim()].filter(Boolean).join(" ");
}

export interface AcceptedDeputy {
  proposalId: string;
  deputyInvitationId: string;
  principalInvitationId: string;
  /** The deputy's invitation email: queued, or no email address to send it to. */
  invitationMail: "queued" | "duplicate" | "no_email";
  /** The original's METHOD:CANCEL. */
  cancelMail: "queued" | "duplicate" | "not_invited" | "no_email" | "event_cancelled";
  seatsHandedOver: number;
  dignitary: boolean;
}

/**
 * The organizer accepts a pending proposal. Refused (conflict) when it was decided meanwhile, when the invitation was
 * withdrawn, when the event is over or cancelled, and when the deputy is already on the event's list.
 */
export async function acceptDeputy(
  db: Db,
  actor: Actor,
  input: { eventId: string; proposalId: string },
  options: MailOptions & { appUrl?: string } = {},
): Promise<AcceptedDeputy> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const proposal = await pendingFor(tx, input.eventId, input.proposalId);
    const original = await getInviteeInvitation(tx, proposal.invitationId);
    if (!original) throw new ServiceError("not_found", "delegation.errors.notFound");
    const window = answerWindow(original.event, original.invitation, now);
    if (!window.open) throw new ServiceError("conflict", `delegation.errors.closed.${window.reason}`);
    await lockDirectory(tx);
    const { personIds } = await savePeople(tx, [
      {
        honorific: proposal.honorific,
        fullName: proposal.fullName,
        nameSearch: nameSearchOf(proposal.fullName),
        positions: proposal.positions.length ? proposal.positions : null,
        organization: proposal.organization,
        email: emailKey(proposal.email),
        phone: null,
        language: proposal.email ? null : original.person.language,
        notes: null,
      },
    ]);
    const personId = personIds[0]!;
    if (personId === original.person.id) throw new ServiceError("conflict", "delegation.errors.self");
    if (await findInvitation(tx, input.eventId, personId)) throw new ServiceError("conflict", "delegation.errors.alreadyInvited");
    const principal = await getPrincipalInvitation(tx, original.invitation.id);
    const deputyInvitationId = await insertInvitation(tx, input.eventId, personId, {
      role: principal.role,
      groupLabel: principal.groupLabel,
      plusOnes: principal.plusOnes,
      dietaryNeeds: null,
      accessNeeds: null,
    });
    // The principal's office answered for the deputy: they come, with the companions the principal named (the staff who
    // accompany the delegation). The deputy can still change both on their own page.
    await setDeputyFor(tx, deputyInvitationId, original.invitation.id, { status: "accepted", at: now, companionNames: principal.companionNames });
    const withdrawn = await markInvitationWithdrawn(tx, original.invitation.id, now);
    if (!withdrawn) throw new ServiceError("conflict", "delegation.errors.closed.withdrawn");

    const principalDignitary = await dignitaryOfInvitation(tx, original.invitation.id);
    let deputyDignitaryId: string | null = null;
    if (principalDignitary) {
      deputyDignitaryId = await addDeputyDignitary(
        tx,
        input.eventId,
        { invitationId: deputyInvitationId, honorific: proposal.honorific, name: proposal.fullName, positions: proposal.positions, organization: proposal.organization },
        principalDignitary,
      );
    }
    await handOverCeremony(tx, {
      fromDignitaryId: principalDignitary?.id ?? null,
      toDignitaryId: deputyDignitaryId,
      fromInvitationId: original.invitation.id,
      toInvitationId: deputyInvitationId,
    });
    const seatsHandedOver = await handOverSeats(tx, original.invitation.id, deputyInvitationId);
    await decideProposal(tx, proposal.id, { status: "accepted", decidedBy: actor.id, at: now, deputyInvitationId });

    const deputyName = deputyDisplayName(proposal);
    const cancelMail = await queueDelegatedCancel(tx, original.invitation.id, deputyName, { ...options, now });
    const sent = await sendInvitations(tx, actor, input.eventId, { to: "selected", invitationIds: [deputyInvitationId] }, { ...options, now, requestId: `deputy:${proposal.id}` });
    const invitationMail = sent.queued ? "queued" : sent.noEmail ? "no_email" : "duplicate";
    await recordAudit(tx, {
      actor,
      action: "delegation.accept",
      entityType: "invitation",
      entityId: original.invitation.id,
      eventId: input.eventId,
      details: { fullName: original.person.fullName, deputy: proposal.fullName, deputyInvitationId, seats: seatsHandedOver },
    });
    await emitWebhook(tx, {
      type: "invitation.withdrawn",
      eventId: input.eventId,
      data: { invitationId: original.invitation.id, previousStatus: original.invitation.status, withdrawnAt: now.toISOString(), delegatedTo: deputyInvitationId },
      personalData: { guest: { name: original.person.fullName, email: original.person.email } },
      occurredAt: now,
    });
    return {
      proposalId: proposal.id,
      deputyInvitationId,
      principalInvitationId: original.invitation.id,
      invitationMail,
      cancelMail,
      seatsHandedOver,
      dignitary: deputyDignitaryId !== null,
    };
  });
}

async function getPrincipalInvitation(tx: Db, invitationId: string) {
  const row = await getInvitation(tx, invitationId);
  if (!row) throw new ServiceError("not_found", "delegation.errors.notFound");
  return row;
}

export const REFUSAL_REASON_MAX = 500;

/** The organizer refuses: the invitation stays the invitee's, who gets an email (with the reason, when given). */
export async function refuseDeputy(
  db: Db,
  actor: Actor,
  input: { eventId: string; proposalId: string; reason?: string | null },
  options: MailOptions & { appUrl?: string } = {},
): Promise<{ mail: "queued" | "duplicate" | "no_email" }> {
  const now = options.now ?? new Date();
  const reason = input.reason?.normalize("NFC").trim() || null;
  if (reason && reason.length > REFUSAL_REASON_MAX)
    throw new ServiceError("invalid", "form.fixErrors", { reason: `errors.tooLong?max=${REFUSAL_REASON_MAX}` });
  return db.transaction(async (tx) => {
    const proposal = await pendingFor(tx, input.eventId, input.proposalId);
    await decideProposal(tx, proposal.id, { status: "refused", decidedBy: actor.id, at: now, refusalReason: reason });
    const original = await getInviteeInvitation(tx, proposal.invitationId);
    await recordAudit(tx, {
      actor,
      action: "delegation.refuse",
      entityType: "invitation",
      entityId: proposal.invitationId,
      eventId: input.eventId,
      details: { fullName: original?.person.fullName ?? "", deputy: proposal.fullName, ...(reason ? { reason } : {}) },
    });
    const mail = await queueDeputyRefused(
      tx,
      { invitationId: proposal.invitationId, proposalId: proposal.id, deputyName: deputyDisplayName(proposal), reason },
      { ...options, now },
    );
    return { mail };
  });
}

/**
 * The invitee names the companions who come (the page's form, parsed by companionsFormSchema(allowed)). More than the
 * organizer allows is refused with the field error the form shows; so is a closed answer window.
 */
export async function setCompanions(db: Db, input: { invitationId: string; names: string[] }, now: Date = new Date()): Promise<string[]> {
  const names = input.names.map((n) => n.normalize("NFC").replace(/\s+/g, " ").trim());
  return db.transaction(async (tx) => {
    const row = await getInviteeInvitation(tx, input.invitationId);
    if (!row) throw new ServiceError("not_found", "errors.notFound.body");
    const window = answerWindow(row.event, row.invitation, now);
    if (!window.open) throw new ServiceError("conflict", `rsvp.closed.${window.reason}`);
    if (!companionsWithin(row.invitation.plusOnes, names)) {
      const allowed = row.invitation.plusOnes;
      throw new ServiceError("invalid", "form.fixErrors", {
        companionCount: allowed === 0 ? "rsvp.companions.errors.noneAllowed" : `rsvp.companions.errors.count?max=${allowed}`,
      });
    }
    if (!(await setCompanionNames(tx, row.invitation.id, names, now))) throw new ServiceError("conflict", "rsvp.closed.withdrawn");
    // A companion no longer coming gives up their seat (docs/decisions/028).
    await freeCompanionSeats(tx, row.invitation.id, names.length);
    await recordInviteeAudit(tx, {
      actorName: inviteeName(row.person),
      action: "rsvp.companions",
      invitationId: row.invitation.id,
      eventId: row.event.id,
      details: { fullName: row.person.fullName, count: names.length, previous: row.invitation.companionNames?.length ?? null },
    });
    return names;
  });
}
