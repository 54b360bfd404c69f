import { describe, expect, it } from "vitest";
import { canGlobal, canOnEvent, effectiveEventRole, type AccessActor, type EventAction } from "./permissions";

const admin: AccessActor = { id: "a", role: "admin" };
const organizer: AccessActor = { id: "o", role: "organizer" };
const comms: AccessActor = { id: "c", role: "communications" };
const viewer: AccessActor = { id: "v", role: "viewer" };
const none = { ownerId: "someone-else", memberRole: null };

describe("global actions", () => {
  it("lets admins do everything", () => {
    for (const a of ["event:create", "organization:create", "user:manage", "audit:readAll", "mailbox:read"] as const)
      expect(canGlobal(admin, a)).toBe(true);
  });
  it("lets organizers create events and organizations, nothing administrative", () => {
    expect(canGlobal(organizer, "event:create")).toBe(true);
    expect(canGlobal(organizer, "organization:create")).toBe(true);
    expect(canGlobal(organizer, "user:manage")).toBe(false);
    expect(canGlobal(organizer, "audit:readAll")).toBe(false);
  });
  it("lets admins and organizers edit and delete organizations, nobody else", () => {
    for (const a of ["organization:update", "organization:delete"] as const) {
      expect(canGlobal(admin, a)).toBe(true);
      expect(canGlobal(organizer, a)).toBe(true);
      expect(canGlobal(comms, a)).toBe(false);
      expect(canGlobal(viewer, a)).toBe(false);
    }
  });
  it("does not let communications staff or viewers create events", () => {
    expect(canGlobal(comms, "event:create")).toBe(false);
    expect(canGlobal(viewer, "event:create")).toBe(false);
    expect(canGlobal(viewer, "organization:create")).toBe(false);
  });
});

describe("event actions", () => {
  const manage: EventAction[] = ["event:update", "event:cancel", "event:delete", "attendees:manage", "checkin:perform"];
  it("lets an organizer manage the events they own", () => {
    for (const a of manage) expect(canOnEvent(organizer, a, { ownerId: "o", memberRole: null })).toBe(true);
  });
  it("refuses an organizer on someone else's event they were not added to", () => {
    for (const a of manage) expect(canOnEvent(organizer, a, none)).toBe(false);
  });
  it("lets a member added as organizer manage the event whatever their global role", () => {
    expect(canOnEvent(viewer, "event:update", { ownerId: "x", memberRole: "organizer" })).toBe(true);
  });
  it("lets communications members handle photos and press and approve, but not edit the event", () => {
    const rel = { ownerId: "x", memberRole: "communications" as const };
    expect(canOnEvent(comms, "photos:manage", rel)).toBe(true);
    expect(canOnEvent(comms, "press:edit", rel)).toBe(true);
    expect(canOnEvent(comms, "press:approve", rel)).toBe(true);
    expect(canOnEvent(comms, "event:update", rel)).toBe(false);
  });
  it("refuses communications staff on events they were not added to", () => {
    expect(canOnEvent(comms, "photos:manage", none)).toBe(false);
  });
  it("lets organizers edit press but only communications staff and admins approve", () => {
    expect(canOnEvent(organizer, "press:edit", { ownerId: "o", memberRole: null })).toBe(true);
    expect(canOnEvent(organizer, "press:approve", { ownerId: "o", memberRole: null })).toBe(false);
    expect(canOnEvent(admin, "press:approve", none)).toBe(true);
  });
  it("lets every staff member read, and viewers nothing more", () => {
    expect(canOnEvent(viewer, "event:read", none)).toBe(true);
    const rel = { ownerId: "x", memberRole: "viewer" as const };
    for (const a of [...manage, "photos:manage", "press:edit"] as EventAction[])
      expect(canOnEvent(viewer, a, rel)).toBe(false);
  });
  it("shows personal data to the event's organizers and communications members and to admins only", () => {
    expect(canOnEvent(admin, "personalData:read", none)).toBe(true);
    expect(canOnEvent(organizer, "personalData:read", { ownerId: "o", memberRole: null })).toBe(true);
    expect(canOnEvent(viewer, "personalData:read", { ownerId: "x", memberRole: "organizer" })).toBe(true);
    expect(canOnEvent(comms, "personalData:read", { ownerId: "x", memberRole: "communications" })).toBe(true);
    // Viewers of the event, and staff outside its team whatever their global role, read names and roles only.
    expect(canOnEvent(viewer, "personalData:read", { ownerId: "x", memberRole: "viewer" })).toBe(false);
    expect(canOnEvent(organizer, "personalData:read", { ownerId: "x", memberRole: "viewer" })).toBe(false);
    for (const actor of [organizer, comms, viewer]) expect(canOnEvent(actor, "personalData:read", none)).toBe(false);
  });
  it("lets only admins run retention and export or erase a person's data", () => {
    expect(canGlobal(admin, "personalData:administer")).toBe(true);
    for (const actor of [organizer, comms, viewer]) expect(canGlobal(actor, "personalData:administer")).toBe(false);
  });
  it("computes the effective role", () => {
    expect(effectiveEventRole(admin, none)).toBe("admin");
    expect(effectiveEventRole(organizer, { ownerId: "o", memberRole: "viewer" })).toBe("organizer");
    expect(effectiveEventRole(comms, { ownerId: null, memberRole: "communications" })).toBe("communications");
    expect(effectiveEventRole(viewer, none)).toBe(null);
  });
});
