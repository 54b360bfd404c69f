/**
 * Who may do what. Pure: the caller supplies the user's global role and, for event-scoped actions,
 * their relation to the event (owner, membership role).
 */
export const userRoles = ["admin", "organizer", "communications", "viewer"] as const;
export type UserRole = (typeof userRoles)[number];
export const memberRoles = ["organizer", "communications", "viewer"] as const;
export type MemberRole = (typeof memberRoles)[number];

export type GlobalAction =
  | "event:create"
  | "organization:create"
  | "organization:update"
  | "organization:delete"
  | "user:manage"
  | "glossary:manage"
  | "audit:readAll"
  | "mailbox:read"
  /** Retention runs, a person's data exported or erased on request (docs/decisions/017-personal-data.md). */
  | "personalData:administer";
export type EventAction =
  | "event:read"
  | "event:update"
  | "event:cancel"
  | "event:delete"
  | "event:manageMembers"
  | "attendees:manage"
  /**
   * The invitees' personal data on this event: contact details (email, phone), notes, dietary and access needs,
   * their comments, the attendee export and the photos' originals (EXIF, GPS). Everyone else reads names,
   * positions, organizations and roles only.
   */
  | "personalData:read"
  | "checkin:perform"
  | "photos:manage"
  | "press:edit"
  | "press:approve";

/**
 * Who does something: the one actor type of every service (the audit trail records its id and name). A signed-in
 * user (app/models/users.server.ts) is one.
 */
export interface Actor {
  id: string;
  name: string;
}

/** What the permission checks read of an actor: who they are and their global role. */
export interface AccessActor {
  id: string;
  role: UserRole;
}

export interface EventRelation {
  ownerId: string | null;
  /** The actor's membership role on this event, if any. */
  memberRole: MemberRole | null;
}

export function canGlobal(actor: AccessActor, action: GlobalAction): boolean {
  if (actor.role === "admin") return true;
  switch (action) {
    case "event:create":
    case "organization:create":
    case "organization:update":
    case "organization:delete":
      return actor.role === "organizer";
    case "user:manage":
    case "glossary:manage":
    case "audit:readAll":
    case "mailbox:read":
    case "personalData:administer":
      return false;
  }
}

/** The role the actor effectively holds on one event: the owner organizes it; otherwise their membership. */
export function effectiveEventRole(actor: AccessActor, relation: EventRelation): MemberRole | "admin" | null {
  if (actor.role === "admin") return "admin";
  if (relation.ownerId !== null && relation.ownerId === actor.id) return "organizer";
  return relation.memberRole;
}

export function canOnEvent(actor: AccessActor, action: EventAction, relation: EventRelation): boolean {
  const role = effectiveEventRole(actor, relation);
  if (role === "admin") return true;
  switch (action) {
    case "event:read":
      // Every active staff account may read every event: Signet is an internal tool of one office.
      return true;
    case "event:update":
    case "event:cancel":
    case "event:delete":
    case "event:manageMembers":
    case "attendees:manage":
    case "checkin:perform":
      return role === "organizer";
    case "personalData:read":
      // The event's working team: organizers and communications members (photos, press). Not its viewers.
      return role === "organizer" || role === "communications";
    case "photos:manage":
    case "press:edit":
      return role === "organizer" || role === "communications";
    case "press:approve":
      return role === "communications";
  }
}
