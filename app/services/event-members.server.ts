import type { Db } from "#db/client.server";
import type { MemberRole } from "~/domain/access/permissions";
import { recordAudit } from "~/models/audit.server";
import { addEventMember, removeEventMember } from "~/models/events.server";
import { findUserByEmail } from "~/models/users.server";
import { ServiceError } from "~/utils/errors";

/** Adds a staff member to an event's team by email (or changes their role there). */
export async function addMemberByEmail(
  db: Db,
  actor: { id: string; name: string },
  eventId: string,
  input: { email: string; role: MemberRole },
) {
  const user = await findUserByEmail(db, input.email);
  if (!user || !user.active) throw new ServiceError("invalid", "team.unknownUser", { email: "team.unknownUser" });
  await addEventMember(db, eventId, user.id, input.role);
  await recordAudit(db, {
    actor,
    action: "event.member.add",
    entityType: "event",
    entityId: eventId,
    eventId,
    details: { member: user.email, role: input.role },
  });
  return user;
}

export async function removeMember(db: Db, actor: { id: string; name: string }, eventId: string, userId: string) {
  if (!(await removeEventMember(db, eventId, userId))) throw new ServiceError("not_found", "errors.notFound.title");
  await recordAudit(db, { actor, action: "event.member.remove", entityType: "event", entityId: eventId, eventId, details: { userId } });
}
