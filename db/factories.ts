/**
 * One source of builders for the demo seed, unit/integration tests and e2e fixtures.
 * Builders return plain inputs; `create*` helpers persist through the same services the app uses.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "./client.server";
import type { UserRole } from "~/domain/access/permissions";
import type { DocumentInput, EventInput } from "~/domain/events/event.schema";
import type { DignitaryInput } from "~/domain/protocol/dignitary.schema";
import type { OrganizationInput } from "~/services/organizations.server";
import { createOrganization as createOrganizationService } from "~/services/organizations.server";
import { createUser as createUserService } from "~/services/accounts.server";
import { createEvent as createEventService } from "~/services/events.server";
import type { Actor } from "~/domain/access/permissions";
import { invitations, people } from "./schema/index";
import { foldForSearch } from "~/domain/text/search";

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
    startPrecision: "time",
    venueName: null,
    venueAddress: null,
    venueRoom: null,
    description: null,
    occasion: null,
    occasionEn: null,
    context: null,
    contextEn: null,
    hostOrganizationId: null,
    partnerOrganizationIds: [],
    capacity: null,
    ...overrides,
  };
}

/** A document of an event's input: a programme between the given organizations. */
export function buildDocumentInput(partyIds: string[], overrides: Partial<DocumentInput> = {}): DocumentInput {
  return {
    kind: "programme",
    title: `Chương trình phối hợp ${unique()}`,
    titleEn: null,
    periodStart: null,
    periodEnd: null,
    aims: null,
    partyIds,
    originals: null,
    languages: ["vi"],
    ...overrides,
  };
}

/** A dignitary as the form gives it: "Ông <name>", the positions and side given, nothing else filled in. */
export function buildDignitaryInput(name: string, positions: string[], side: "host" | "guest", overrides: Partial<DignitaryInput> = {}): DignitaryInput {
  return {
    honorific: "Ông",
    name,
    positions,
    organization: null,
    delegation: null,
    side,
    arrivalAt: null,
    escortUserId: null,
    notes: null,
    email: null,
    fullAddressOverride: null,
    shortAddressOverride: null,
    englishAddressOverride: null,
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

export interface PersonOverrides {
  honorific?: string | null;
  fullName?: string;
  positions?: string[];
  organization?: string | null;
  email?: string | null;
  language?: "vi" | "en";
}

export interface InvitationOverrides {
  role?: "guest" | "dignitary" | "speaker" | "signatory" | "press" | "staff";
  groupLabel?: string | null;
  plusOnes?: number;
  status?: "not_sent" | "sent" | "accepted" | "declined" | "tentative";
  withdrawnAt?: Date | null;
}

/** A person and their invitation to the event, inserted directly (tests and fixtures; no audit, no email). */
export async function createInvitation(
  db: Db,
  input: { eventId: string; person?: PersonOverrides } & InvitationOverrides,
) {
  const { eventId, person: personOverrides = {}, ...invitationOverrides } = input;
  const fullName = personOverrides.fullName ?? `Nguyễn Văn Khách ${unique()}`;
  const [person] = await db
    .insert(people)
    .values({
      honorific: personOverrides.honorific === undefined ? "Ông" : personOverrides.honorific,
      fullName,
      nameSearch: foldForSearch(fullName),
      positions: personOverrides.positions ?? [],
      organization: personOverrides.organization ?? null,
      email: personOverrides.email === undefined ? `khach-${unique()}@signet.test` : personOverrides.email,
      language: personOverrides.language ?? "vi",
    })
    .returning();
  if (!person) throw new Error("person not inserted");
  const [invitation] = await db
    .insert(invitations)
    .values({ eventId, personId: person.id, status: "sent", ...invitationOverrides })
    .returning();
  if (!invitation) throw new Error("invitation not inserted");
  return { person, invitation };
}

// ---------------------------------------------------------------------------------------------------
// Attendees (people directory + invitations through the app's services, and a bulk seeder for benches).
import { sql as attendeeSql } from "drizzle-orm";
import type { AttendeeInput } from "~/domain/attendees/attendee.schema";
import { addAttendee } from "~/services/invitations.server";

export function buildAttendeeInput(overrides: Partial<AttendeeInput> = {}): AttendeeInput {
  const id = unique();
  return {
    honorific: "Bà",
    fullName: `Trần Thị Khách ${id}`,
    positions: ["Phó Giám đốc"],
    organization: "Sở Văn hóa, Thể thao và Du lịch",
    email: `attendee-${id}@signet.test`,
    phone: null,
    notes: null,
    language: "vi",
    role: "guest",
    groupLabel: null,
    plusOnes: 0,
    dietaryNeeds: null,
    accessNeeds: null,
    ...overrides,
  };
}

/** Adds an attendee through the service the form uses (dedupe, audit). */
export function createAttendee(db: Db, actor: Actor, eventId: string, overrides: Partial<AttendeeInput> = {}) {
  return addAttendee(db, actor, eventId, buildAttendeeInput(overrides));
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Hồng", "Minh", "Thu", "Đức", "Quốc", "Thanh", "Ngọc", "Xuân", "Hữu"];
const GIVEN = ["An", "Bình", "Chuyên", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến"];
const ORGANIZATIONS = [
  "Sở Giáo dục và Đào tạo",
  "Ban Tuyên giáo Tỉnh ủy",
  "Sở Y tế",
  "Sở Tài chính",
  "Ủy ban nhân dân huyện Vũ Thư",
  "Trường THPT Nguyễn Đức Cảnh",
  "Báo Thái Bình",
  "Hội Khuyến học tỉnh",
  "Đài Phát thanh và Truyền hình",
  "Tỉnh đoàn Thái Bình",
  "Hội Liên hiệp Phụ nữ tỉnh",
  "Công an tỉnh",
  "Sở Kế hoạch và Đầu tư",
];

/**
 * Seeds `count` people and their invitations to one event with two set-based statements (100,000 rows in a
 * few seconds on PGlite). Names, organizations, roles, groups ("Bàn 1"…"Bàn 100") and statuses vary with the
 * row number; every `withdrawnEvery`-th invitation is withdrawn. Rows `from`…`from + count - 1`; the same
 * `tag` and row number always give the same person (emails khach<n>.<tag>@example.vn).
 */
export async function createManyInvitations(
  db: Db,
  eventId: string,
  count: number,
  options: { from?: number; tag?: string; withdrawnEvery?: number } = {},
): Promise<void> {
  const from = options.from ?? 1;
  const to = from + count - 1;
  const tag = options.tag ?? unique();
  const list = (xs: string[]) => attendeeSql`${`{${xs.map((x) => `"${x}"`).join(",")}}`}::text::text[]`;
  const pick = (arr: string, n: number, div: number) => attendeeSql.raw(`${arr}[((g / ${div}) % ${n}) + 1]`);
  const id = attendeeSql`md5(${tag} || ':' || g)::uuid`;
  await db.execute(attendeeSql`
    insert into people (id, full_name, name_search, organization, email, positions, language)
    select ${id},
           ${pick("f", FAMILY.length, 1)} || ' ' || ${pick("m", MIDDLE.length, 7)} || ' ' || ${pick("gv", GIVEN.length, 3)},
           ${pick("ff", FAMILY.length, 1)} || ' ' || ${pick("mf", MIDDLE.length, 7)} || ' ' || ${pick("gf", GIVEN.length, 3)},
           ${pick("o", ORGANIZATIONS.length, 11)},
           'khach' || g || '.' || ${tag} || '@example.vn',
           array['Chuyên viên'],
           case when g % 9 = 0 then 'en' else 'vi' end::locale
    from generate_series(${from}::int, ${to}::int) g,
         (select ${list(FAMILY)} f, ${list(FAMILY.map(foldForSearch))} ff, ${list(MIDDLE)} m, ${list(MIDDLE.map(foldForSearch))} mf,
                 ${list(GIVEN)} gv, ${list(GIVEN.map(foldForSearch))} gf, ${list(ORGANIZATIONS)} o) names
  `);
  await db.execute(attendeeSql`
    insert into invitations (event_id, person_id, role, group_label, plus_ones, status, responded_at, withdrawn_at)
    select ${eventId}::uuid, ${id},
           (array['dignitary','speaker','signatory','press','staff','guest','guest','guest','guest','guest'])[(g % 10) + 1]::invitation_role,
           'Bàn ' || ((g % 100) + 1),
           g % 3,
           (array['not_sent','sent','sent','sent','accepted','accepted','accepted','declined','tentative','not_sent'])[(g / 10 % 10) + 1]::invitation_status,
           case when (g / 10 % 10) between 4 and 8 then now() - make_interval(mins => g % 5000) end,
           case when ${options.withdrawnEvery ?? 0}::int > 0 and g % ${options.withdrawnEvery ?? 1}::int = 0 then now() end
    from generate_series(${from}::int, ${to}::int) g
  `);
}
