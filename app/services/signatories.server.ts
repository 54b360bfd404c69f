/**
 * The signing arrangements of a signing ceremony, per document: for each party (a side) its signatories (dignitaries
 * of the event, first = the one at the signing table) and the signing order, the number of originals, and the side
 * of the signing table the host takes. The seating proposal reads them (signingGroupsOf in
 * seating.server.ts).
 */
import type { Db } from "#db/client.server";
import type { AgreementSigningInput, TableSide } from "~/domain/protocol/seating.schema";
import { recordAudit } from "~/models/audit.server";
import { listDocuments, listRoles, listSides, setDocumentParties, setDocumentSigning } from "~/models/ceremony.server";
import { setPartySignatories } from "./ceremony.server";
import { getProtocolEvent, lockProtocolEvent } from "~/models/dignitaries.server";
import { dignitaryIdsOf } from "~/models/seating.server";
import { ServiceError, isServiceError } from "~/utils/errors";
import type { Actor } from "~/domain/access/permissions";

export interface SigningParty {
  sideId: string;
  /** The side's organization; null for a side named only by its label. */
  organizationId: string | null;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  /** The host side (or, when no host side is a party, the first to sign). */
  isHost: boolean;
  /** The first signatory (the one at the signing table). */
  dignitaryId: string | null;
  /** Every signatory, in order. */
  signatoryIds: string[];
  /** 1 = signs first. */
  signingOrder: number;
}

export interface SigningDocument {
  id: string;
  title: string;
  originals: number | null;
  hostSide: TableSide;
  /** In signing order. */
  parties: SigningParty[];
}

export interface SigningView {
  /** The first document (the one the signing form edits); null when the event has none. */
  agreement: { id: string; title: string; originals: number | null; hostSide: TableSide } | null;
  /** The first document's parties, in signing order. */
  parties: SigningParty[];
  /** Every document, in signing order. */
  documents: SigningDocument[];
}

export async function loadSigning(db: Db, eventId: string): Promise<SigningView> {
  const [event, documents, sides, roles] = await Promise.all([
    getProtocolEvent(db, eventId),
    listDocuments(db, [eventId]),
    listSides(db, [eventId]),
    listRoles(db, eventId),
  ]);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  const docs = documents.map((d): SigningDocument => {
    const parties = d.partySideIds.flatMap((sideId, i): SigningParty[] => {
      const side = sides.find((x) => x.id === sideId);
      if (!side) return [];
      const signatoryIds = roles
        .filter((r) => r.role.kind === "signatory" && r.role.documentId === d.id && r.role.sideId === sideId)
        .sort((a, b) => a.position - b.position)
        .map((r) => r.dignitaryId);
      return [
        {
          sideId,
          organizationId: side.organization?.id ?? null,
          nameVi: side.organization?.nameVi ?? side.labelVi ?? "",
          nameEn: side.organization?.nameEn ?? side.labelEn,
          shortName: side.organizationShortName,
          isHost: false,
          dignitaryId: signatoryIds[0] ?? null,
          signatoryIds,
          signingOrder: i + 1,
        },
      ];
    });
    const host =
      parties.find((p) => sides.find((x) => x.id === p.sideId)?.kind === "host") ??
      parties.find((p) => p.organizationId !== null && p.organizationId === event.hostOrganizationId) ??
      parties[0];
    if (host) host.isHost = true;
    return { id: d.id, title: d.title, originals: d.originals, hostSide: d.hostSide, parties };
  });
  const first = docs[0];
  return {
    agreement: first ? { id: first.id, title: first.title, originals: first.originals, hostSide: first.hostSide } : null,
    parties: first?.parties ?? [],
    documents: docs,
  };
}

/**
 * Saves one document's signing arrangements (the first document when none is named): each party's signatory (the one
 * at the table; others of the party stay behind them), the signing order, originals and host side. A party is named
 * by its side (or its organization); a signatory must be a dignitary of the event. The signatories are the ceremony's
 * signatory roles, written through setPartySignatories, so the ceremony page and the dignitaries list show the same.
 */
export async function saveSigning(db: Db, actor: Actor, eventId: string, input: AgreementSigningInput): Promise<SigningView> {
  await db.transaction(async (tx) => {
    const event = await lockProtocolEvent(tx, eventId);
    if (!event) throw new ServiceError("not_found", "errors.notFound.body");
    if (event.status === "cancelled") throw new ServiceError("conflict", "protocol.errors.cancelled");
    const view = await loadSigning(tx, eventId);
    const document = input.documentId ? view.documents.find((d) => d.id === input.documentId) : view.documents[0];
    if (!document) throw new ServiceError(input.documentId ? "not_found" : "conflict", input.documentId ? "errors.notFound.body" : "protocol.errors.noAgreement");
    const parties = document.parties;
    const partyOf = (p: AgreementSigningInput["parties"][number]) =>
      parties.find((x) => (p.sideId ? x.sideId === p.sideId : p.organizationId !== undefined && x.organizationId === p.organizationId));
    const fields: Record<string, string> = {};
    input.parties.forEach((p, i) => {
      if (!partyOf(p)) fields[`parties.${i}.${p.sideId || !p.organizationId ? "sideId" : "organizationId"}`] = "protocol.errors.notParty";
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
    const given = input.parties
      .map((p, index) => ({ ...p, index, party: partyOf(p) }))
      .filter((p): p is typeof p & { party: SigningParty } => !!p.party)
      .sort((a, b) => a.signingOrder - b.signingOrder);
    const rest = parties.filter((p) => !given.some((g) => g.party.sideId === p.sideId));
    await setDocumentParties(tx, document.id, [...given.map((g) => g.party.sideId), ...rest.map((p) => p.sideId)]);
    // First free everyone chosen in this form from the parties they signed for, then give each party its signatory:
    // a person moved from one party to the other is never briefly signing for both.
    const chosen = new Set(given.flatMap((g) => (g.dignitaryId ? [g.dignitaryId] : [])));
    const others = (g: (typeof given)[number]) => g.party.signatoryIds.slice(1).filter((id) => !chosen.has(id));
    const txDb = tx as unknown as Db;
    for (const g of given) {
      if (g.party.signatoryIds.some((id) => chosen.has(id)))
        await setPartySignatories(txDb, actor, eventId, document.id, g.party.sideId, g.party.signatoryIds.filter((id) => !chosen.has(id)));
    }
    for (const g of given) {
      const ids = g.dignitaryId ? [g.dignitaryId, ...others(g)] : others(g);
      try {
        await setPartySignatories(txDb, actor, eventId, document.id, g.party.sideId, ids);
      } catch (error) {
        if (!isServiceError(error) || error.code !== "invalid") throw error;
        const message = Object.values(error.fields)[0] ?? "errors.invalid";
        throw new ServiceError("invalid", "form.fixErrors", { [`parties.${g.index}.dignitaryId`]: message });
      }
    }
    await setDocumentSigning(tx, document.id, { originals: input.originals, hostSide: input.hostSide });
    await recordAudit(tx, {
      actor,
      action: "agreement.signing",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { documentId: document.id, originals: input.originals, hostSide: input.hostSide },
    });
  });
  return loadSigning(db, eventId);
}
