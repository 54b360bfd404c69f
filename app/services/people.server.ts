/**
 * The people directory, shared by all events: who may change a person, and the change itself. The same rules
 * as the attendee edit form, which changes the person through one of their invitations.
 */
import type { Db } from "#db/client.server";
import { canOnEvent, type AccessActor, type Actor } from "~/domain/access/permissions";
import type { AttendeeInput } from "~/domain/attendees/attendee.schema";
import { recordAudit } from "~/models/audit.server";
import { getMemberRole } from "~/models/events.server";
import { findPersonIdByEmail, getPerson, listPersonInvitations, replacePerson, type Person } from "~/models/people.server";
import { ServiceError } from "~/utils/errors";
import { personValuesOf } from "./invitations.server";

/**
 * Whether the user may change this person: an administrator, or someone who may manage the attendees of an
 * event the person is invited to (in the app a person is changed from one of their invitations).
 */
export async function canManagePerson(db: Db, user: AccessActor, personId: string): Promise<boolean> {
  if (user.role === "admin") return true;
  for (const invitation of await listPersonInvitations(db, personId)) {
    const memberRole = await getMemberRole(db, invitation.eventId, user.id);
    if (canOnEvent(user, "attendees:manage", { ownerId: invitation.eventOwnerId, memberRole })) return true;
  }
  return false;
}

/**
 * Saves every field of a person (all their events see the change). An email another person has is a field
 * error, as in the edit form. The change is recorded in the audit log.
 */
export async function updatePerson(
  db: Db,
  actor: Actor,
  personId: string,
  input: Pick<AttendeeInput, "honorific" | "fullName" | "positions" | "organization" | "email" | "phone" | "language" | "notes">,
): Promise<Person> {
  await db.transaction(async (tx) => {
    const current = await getPerson(tx, personId);
    if (!current) throw new ServiceError("not_found", "people.errors.notFound");
    const values = personValuesOf({ ...input, role: "guest", groupLabel: null, plusOnes: 0, dietaryNeeds: null, accessNeeds: null });
    if (values.email) {
      const owner = await findPersonIdByEmail(tx, values.email);
      if (owner && owner !== personId) throw new ServiceError("invalid", "form.fixErrors", { email: "attendees.errors.emailTaken" });
    }
    await replacePerson(tx, personId, values);
    const changed = (["honorific", "fullName", "positions", "organization", "email", "phone", "language", "notes"] as const).filter(
      (k) => JSON.stringify(current[k]) !== JSON.stringify(k === "positions" ? (values.positions ?? []) : values[k]),
    );
    await recordAudit(tx, {
      actor,
      action: "person.update",
      entityType: "person",
      entityId: personId,
      details: { fullName: values.fullName, changed },
    });
  });
  const saved = await getPerson(db, personId);
  if (!saved) throw new ServiceError("not_found", "people.errors.notFound");
  return saved;
}
