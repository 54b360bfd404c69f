/**
 * The signing arrangements of a signing ceremony: for each agreement party its signatory (a dignitary of the
 * event) and the signing order, the number of originals, and the side of the signing table the host takes.
 * The seating proposal reads them (signingPeople).
 */
import type { Db } from "#db/client.server";
import type { SigningPeople } from "~/domain/protocol/seating-plan";
import type { AgreementSigningInput, TableSide } from "~/domain/protocol/seating.schema";
import { recordAudit } from "~/models/audit.server";
import { getProtocolEvent, lockProtocolEvent } from "~/models/dignitaries.server";
import {
  dignitaryIdsOf,
  getAgreementRow,
  listPartiesWithSignatories,
  replaceSignatories,
  updateAgreementSigning,
} from "~/models/seating.server";
import type { PrecedenceView } from "./dignitaries.server";
import { ServiceError } from "./errors";
import type { Actor } from "./events.server";

export interface SigningParty {
  organizationId: string;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  /** The event's host organization (or, when the host is not a party, the first to sign). */
  isHost: boolean;
  dignitaryId: string | null;
  /** 1 = signs first. */
  signingOrder: number;
}

export interface SigningView {
  agreement: { title: string; originals: number | null; hostSide: TableSide } | null;
  /** In signing order. */
  parties: SigningParty[];
}

export async function loadSigning(db: Db, eventId: string): Promise<SigningView> {
  const [event, agreement, rows] = await Promise.all([
    getProtocolEvent(db, eventId),
    getAgreementRow(db, eventId),
    listPartiesWithSignatories(db, eventId),
  ]);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  if (!agreement) return { agreement: null, parties: [] };
  const parties = rows
    .map((r, i) => ({
      organizationId: r.organizationId,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      shortName: r.shortName,
      isHost: false,
      dignitaryId: r.dignitaryId,
      signingOrder: r.signingOrder ?? i + 1,
      position: r.position,
    }))
    .sort((a, b) => a.signingOrder - b.signingOrder || a.position - b.position)
    .map(({ position: _p, ...p }) => p);
  const host = parties.find((p) => p.organizationId === event.hostOrganizationId) ?? parties[0];
  if (host) host.isHost = true;
  return { agreement: { title: agreement.title, originals: agreement.originals, hostSide: agreement.hostSide }, parties };
}

/**
 * Saves the signatories, signing order, originals and host side. Every party of the agreement must be listed
 * once; a signatory must be a dignitary of the event and sign for one party only.
 */
export async function saveSigning(db: Db, actor: Actor, eventId: string, input: AgreementSigningInput): Promise<SigningView> {
  await db.transaction(async (tx) => {
    const event = await lockProtocolEvent(tx, eventId);
    if (!event) throw new ServiceError("not_found", "errors.notFound.body");
    if (event.status === "cancelled") throw new ServiceError("conflict", "protocol.errors.cancelled");
    const agreement = await getAgreementRow(tx, eventId);
    if (!agreement) throw new ServiceError("conflict", "protocol.errors.noAgreement");
    const parties = await listPartiesWithSignatories(tx, eventId);
    const partyIds = new Set(parties.map((p) => p.organizationId));
    const fields: Record<string, string> = {};
    input.parties.forEach((p, i) => {
      if (!partyIds.has(p.organizationId)) fields[`parties.${i}.organizationId`] = "protocol.errors.notParty";
    });
    const known = await dignitaryIdsOf(
      tx,
      eventId,
      input.parties.map((p) => p.dignitaryId).filter((x): x is string => !!x),
    );
    input.parties.forEach((p, i) => {
      if (p.dignitaryId && !known.has(p.dignitaryId)) fields[`parties.${i}.dignitaryId`] = "protocol.errors.signatoryUnknown";
    });
    if (Object.keys(fields).length) throw new ServiceError("invalid", "form.fixErrors", fields);
    // Parties the form did not mention keep their place after the others, in their stored order.
    const given = new Set(input.parties.map((p) => p.organizationId));
    const maxOrder = Math.max(0, ...input.parties.map((p) => p.signingOrder));
    const rest = parties
      .filter((p) => !given.has(p.organizationId))
      .map((p, i) => ({ organizationId: p.organizationId, dignitaryId: p.dignitaryId, signingOrder: maxOrder + i + 1 }));
    await replaceSignatories(tx, eventId, [...input.parties, ...rest]);
    await updateAgreementSigning(tx, eventId, { originals: input.originals, hostSide: input.hostSide });
    await recordAudit(tx, {
      actor,
      action: "agreement.signing",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { originals: input.originals, hostSide: input.hostSide },
    });
  });
  return loadSigning(db, eventId);
}

/**
 * Who sits at the signing table: the host party's signatory and the first other party's (by signing order)
 * side by side, the host on the configured side; behind each, their side's other dignitaries in precedence
 * order. Null when no signatory is chosen. Ids are invitation ids (seats hold invitations).
 */
export function signingPeople(signing: SigningView, precedence: PrecedenceView): SigningPeople | null {
  if (!signing.agreement) return null;
  const byDignitary = new Map(precedence.dignitaries.map((d) => [d.id, d]));
  const host = signing.parties.find((p) => p.isHost);
  const guest = signing.parties.find((p) => !p.isHost && p.dignitaryId && byDignitary.has(p.dignitaryId));
  const hostSigner = host?.dignitaryId ? byDignitary.get(host.dignitaryId) : undefined;
  const guestSigner = guest?.dignitaryId ? byDignitary.get(guest.dignitaryId) : undefined;
  if (!hostSigner && !guestSigner) return null;
  const signers = new Set([hostSigner?.id, guestSigner?.id]);
  const delegation = (side: "host" | "guest") =>
    precedence.dignitaries.filter((d) => d.side === side && !signers.has(d.id)).map((d) => d.invitationId);
  return {
    hostSignatory: hostSigner?.invitationId ?? null,
    guestSignatory: guestSigner?.invitationId ?? null,
    hostDelegation: delegation("host"),
    guestDelegation: delegation("guest"),
    hostSide: signing.agreement.hostSide,
  };
}
