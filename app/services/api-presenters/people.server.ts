/** The person shapes several API answers share (docs/api.md): how someone is named, their directory details, a user reference. */
import type { Person } from "~/models/people.server";

type Named = Pick<Person, "honorific" | "fullName" | "positions" | "organization">;

/** How a person is named (the API's `name` is the directory's `fullName`): invitations, people, check-ins. */
export function personNameToJson(p: Named): { honorific: string | null; name: string; positions: string[]; organization: string | null } {
  return { honorific: p.honorific, name: p.fullName, positions: p.positions, organization: p.organization };
}

/** A directory entry's own fields: the name, then e-mail, phone, language and notes (people and invitations). */
export function personFieldsToJson(p: Named & Pick<Person, "email" | "phone" | "language" | "notes">) {
  return { ...personNameToJson(p), email: p.email, phone: p.phone, language: p.language, notes: p.notes };
}

/** A reference to a user (who wrote, approved, published…): id and name, or null for nobody. */
export function userRefToJson(id: string | null, name: string | null): { id: string; name: string | null } | null {
  return id ? { id, name } : null;
}
