/**
 * One source of builders for the demo seed, unit/integration tests and e2e fixtures.
 * Builders return plain inputs; `create*` helpers persist through the same services the app uses.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "./client.server";
import type { UserRole } from "~/domain/access/permissions";
import type { EventInput } from "~/domain/events/event.schema";
import type { OrganizationInput } from "~/services/organizations.server";
import { createOrganization as createOrganizationService } from "~/services/organizations.server";
import { createUser as createUserService } from "~/services/accounts.server";
import { createEvent as createEventService, type Actor } from "~/services/events.server";

const unique = () => randomUUID().slice(0, 8);

export function buildOrganizationInput(overrides: Partial<OrganizationInput> = {}): OrganizationInput {
  return { nameVi: `Cơ quan thử ${unique()}`, nameEn: null, shortName: null, parentId: null, ...overrides };
}

export function buildEventInput(overrides: Partial<EventInput> = {}): EventInput {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000);
  return {
    title: `Sự kiện thử ${unique()}`,
    kind: "meeting",
    status: "scheduled",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
    timeZone: "Asia/Ho_Chi_Minh",
    venueName: null,
    venueAddress: null,
    venueRoom: null,
    description: null,
    hostOrganizationId: null,
    partnerOrganizationIds: [],
    capacity: null,
    agreement: null,
    ...overrides,
  };
}

export function buildUserInput(overrides: { email?: string; name?: string; role?: UserRole; password?: string } = {}) {
  const id = unique();
  return {
    email: overrides.email ?? `staff-${id}@signet.test`,
    name: overrides.name ?? `Cán bộ ${id}`,
    role: overrides.role ?? "organizer",
    password: overrides.password ?? `pw-${randomUUID()}`,
  };
}

export async function createUser(db: Db, overrides: Parameters<typeof buildUserInput>[0] = {}) {
  const input = buildUserInput(overrides);
  const { user } = await createUserService(db, null, input);
  return { ...user, password: input.password };
}

export function createOrganization(db: Db, overrides: Partial<OrganizationInput> = {}) {
  return createOrganizationService(db, null, buildOrganizationInput(overrides));
}

export function createEvent(db: Db, actor: Actor, overrides: Partial<EventInput> = {}) {
  return createEventService(db, actor, buildEventInput(overrides));
}
