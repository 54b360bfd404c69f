/**
 * The demo: the signing ceremony of ../shared/seed-article.txt (Thái Bình, afternoon of 19/10/2017), on the
 * ceremony model (a host and a guest side, the Sở's unnamed leaders as a group line), and a second ceremony with
 * three parties, the province's leaders above the sides as witnesses, one signatory per party and a date-only
 * start (seedDemoTripartite). Idempotent: accounts that exist are kept, each ceremony is added once (found by its
 * calendar UID). Run on first start of an empty database, or with `npm run db:seed`.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { databaseConfigFromEnv, openDatabase, type Db } from "./client.server";
import type { UserRole } from "~/domain/access/permissions";
import { localInputToInstant } from "~/domain/dates/phrasing";
import { addEventMember, findEventIdByCalendarUid } from "~/models/events.server";
import { and, eq, isNull } from "drizzle-orm";
import type { AgendaKind } from "~/domain/agenda/agenda";
import { foldForSearch } from "~/domain/text/search";
import { listAgenda } from "~/models/agenda.server";
import { addAgendaItem } from "~/services/agenda.server";
import { invitations, people } from "./schema/index";
import { findUserByEmail } from "~/models/users.server";
import { listOrganizations } from "~/models/organizations.server";
import { createUser } from "~/services/accounts.server";
import { createDignitary, loadPrecedence } from "~/services/dignitaries.server";
import { createTable, loadSeating, proposeSeating } from "~/services/seating.server";
import { addAttendanceLine, loadCeremony, saveSide, setPersonCeremony } from "~/services/ceremony.server";
import { createEvent } from "~/services/events.server";
import { createPressSummary, listEventPressSummaries, transitionPressSummary, updatePressSummary } from "~/services/press.server";
import type { PressStatus } from "~/domain/press/types";
import { createOrganization } from "~/services/organizations.server";
import { fileSystemStorage, type ObjectStorage } from "~/services/storage.server";
import { seedDemoPhotos } from "./seed-photos";

import { SEED_EVENT_UID, SEED_TRIPARTITE_UID } from "./seed-ids";
export { SEED_EVENT_UID, SEED_TRIPARTITE_UID };
const ZONE = "Asia/Ho_Chi_Minh";

export const seedAccounts: { email: string; name: string; role: UserRole }[] = [
  { email: "admin@signet.local", name: "Quản trị viên", role: "admin" },
  { email: "tochuc@signet.local", name: "Cán bộ tổ chức", role: "organizer" },
  { email: "danganh@signet.local", name: "Đặng Anh", role: "communications" },
];

export const seedAims =
  "Nhằm nâng cao chất lượng giáo dục toàn diện, chú trọng tới chất lượng và hiệu quả công tác giáo dục đạo đức; " +
  "tăng cường mối quan hệ trong việc tuyên truyền, giáo dục những chủ trương, chính sách lớn của ngành Giáo dục và " +
  "phát huy vai trò, tính chủ động, sáng tạo của hệ thống tuyên giáo, Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào " +
  "tạo thống nhất định hướng tư tưởng, chỉ đạo, hướng dẫn tuyên truyền, tạo sự thống nhất trong Đảng, sự đồng thuận " +
  "của nhân dân để thực hiện thắng lợi nhiệm vụ giáo dục và đào tạo; tham mưu đề xuất trong việc xây dựng kế hoạch " +
  "và tổ chức thực hiện các văn bản lãnh đạo, chỉ đạo của Trung ương, tỉnh về giáo dục; đẩy mạnh việc học tập và " +
  "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với việc thực hiện nâng cao chất lượng của tổ chức đảng " +
  "trong các cơ sở giáo dục và tăng cường công tác giáo dục chính trị tư tưởng, đạo đức, lối sống trong các trường " +
  "học.\n\nBên cạnh đó, phối hợp tổ chức các hội nghị, hội thảo, tập huấn; nắm bắt thông tin trao đổi về tình hình " +
  "tư tưởng, tâm tư, nguyện vọng của giáo viên và học sinh; tổ chức tốt các hoạt động kỷ niệm những sự kiện chính " +
  "trị của tỉnh, ngày truyền thống của ngành Giáo dục; phối hợp với Hội Khuyến học tỉnh để tăng cường sự lãnh đạo " +
  "của Đảng đối với công tác khuyến học, khuyến tài, xây dựng xã hội học tập.";

async function ensureOrganization(db: Db, input: Parameters<typeof createOrganization>[2]) {
  const existing = (await listOrganizations(db)).find((o) => o.nameVi.toLowerCase() === input.nameVi.toLowerCase());
  return existing ?? createOrganization(db, null, input);
}

export interface SeededAccount {
  email: string;
  role: UserRole;
  password: string;
}

export interface SeedOptions {
  /** Where the demo photos are stored; without it the photos are skipped. */
  storage?: ObjectStorage;
}

/** Loads the demo; returns the accounts it created with their generated passwords. */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeededAccount[]> {
  const created: SeededAccount[] = [];
  for (const account of seedAccounts) {
    if (await findUserByEmail(db, account.email)) continue;
    const { password } = await createUser(db, null, account);
    created.push({ email: account.email, role: account.role, password });
  }
  const existingEventId = await findEventIdByCalendarUid(db, SEED_EVENT_UID);
  if (existingEventId) {
    await seedDemoProtocol(db, existingEventId);
    await seedDemoAgenda(db, existingEventId);
    if (options.storage) await seedDemoPhotosFor(db, options.storage, existingEventId);
    // Last: the report is drafted from everything above (and places the press photos).
    await seedDemoPress(db, existingEventId);
    await seedDemoTripartite(db);
    return created;
  }

  const organizer = await findUserByEmail(db, "tochuc@signet.local");
  const comms = await findUserByEmail(db, "danganh@signet.local");
  if (!organizer || !comms) throw new Error("demo accounts missing");

  const tinhUy = await ensureOrganization(db, {
    nameVi: "Tỉnh ủy Thái Bình",
    nameEn: "Thái Bình Provincial Party Committee",
    shortName: "Tỉnh ủy",
    parentId: null,
  });
  const ubnd = await ensureOrganization(db, {
    nameVi: "Ủy ban nhân dân tỉnh Thái Bình",
    nameEn: "Thái Bình Provincial People's Committee",
    shortName: "UBND tỉnh",
    parentId: null,
  });
  const tuyenGiao = await ensureOrganization(db, {
    nameVi: "Ban Tuyên giáo Tỉnh ủy",
    nameEn: "Propaganda Department of the Provincial Party Committee",
    shortName: "Ban Tuyên giáo",
    parentId: tinhUy.id,
  });
  const giaoDuc = await ensureOrganization(db, {
    nameVi: "Sở Giáo dục và Đào tạo",
    nameEn: "Department of Education and Training",
    shortName: "Sở GD&ĐT",
    parentId: ubnd.id,
  });

  const startsAt = localInputToInstant("2017-10-19T14:00", ZONE);
  const endsAt = localInputToInstant("2017-10-19T16:00", ZONE);
  if (!startsAt || !endsAt) throw new Error("seed times");
  const event = await createEvent(
    db,
    { id: organizer.id, name: organizer.name },
    {
      title: "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020",
      kind: "signing_ceremony",
      status: "completed",
      startsAt,
      endsAt,
      timeZone: ZONE,
      startPrecision: "time",
      venueName: null,
      venueAddress: "Thành phố Thái Bình, tỉnh Thái Bình",
      venueRoom: null,
      occasion: null,
      occasionEn: null,
      context: null,
      contextEn: null,
      description:
        "Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.",
      hostOrganizationId: tuyenGiao.id,
      partnerOrganizationIds: [giaoDuc.id],
      capacity: null,
      documents: [
        {
          kind: "programme",
          title:
            "Chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020",
          titleEn: null,
          periodStart: 2017,
          periodEnd: 2020,
          aims: seedAims,
          partyIds: [tuyenGiao.id, giaoDuc.id],
          originals: null,
          languages: ["vi"],
        },
      ],
    },
    { calendarUid: SEED_EVENT_UID },
  );
  await addEventMember(db, event.id, comms.id, "communications");
  await seedDemoProtocol(db, event.id);
  // Last, so that the speaker's invitation made by the dignitaries' seed (if any) is found and reused.
  await seedDemoAgenda(db, event.id);
  if (options.storage) await seedDemoPhotosFor(db, options.storage, event.id);
  // Last: the report is drafted from everything above (and places the press photos).
  await seedDemoPress(db, event.id);
  await seedDemoTripartite(db);
  return created;
}

/** The three photos of the article (db/seed-photos.ts), uploaded by the communications account. */
async function seedDemoPhotosFor(db: Db, storage: ObjectStorage, eventId: string): Promise<void> {
  const comms = await findUserByEmail(db, "danganh@signet.local");
  if (!comms) throw new Error("demo accounts missing");
  const speaker = await ensureSeedSpeakerInvitation(db, eventId);
  await seedDemoPhotos(db, storage, eventId, { id: comms.id, name: comms.name }, speaker);
}

export const SEED_SPEAKER_NAME = "Nguyễn Hồng Chuyên";

/** The two remarks of the article, the key points of Comrade Nguyễn Hồng Chuyên's speech. */
export const seedSpeechKeyPoints = [
  "khẳng định sự phối hợp giữa hai cơ quan là đòn bẩy để sự nghiệp giáo dục sẽ ngày càng có nhiều bước tiến hơn nữa trong tương lai",
  "đề nghị hai cơ quan sẽ phối hợp cùng nhau xây dựng bộ tiêu chí gốc có tính định hướng khung để tuyên truyền, giáo dục " +
    "những chủ trương, chính sách lớn của ngành Giáo dục đến các cơ quan, đơn vị, trường học, giáo viên và học sinh; bộ " +
    "phận giúp việc thường xuyên thực hiện các buổi sơ kết theo giai đoạn để từ đó rút kinh nghiệm, đề ra phương hướng " +
    "hoạt động cho những giai đoạn tiếp theo",
];

/** The speaker's invitation to the demo ceremony: found by name (made by the dignitaries' seed), else created. */
async function ensureSeedSpeakerInvitation(db: Db, eventId: string): Promise<string> {
  const nameSearch = foldForSearch(SEED_SPEAKER_NAME);
  const [found] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(invitations.eventId, eventId), eq(people.nameSearch, nameSearch), isNull(invitations.withdrawnAt)));
  if (found) return found.id;
  const [existingPerson] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.nameSearch, nameSearch), eq(people.organization, "Ban Tuyên giáo Tỉnh ủy")));
  const personId =
    existingPerson?.id ??
    (
      await db
        .insert(people)
        .values({
          honorific: "đồng chí",
          fullName: SEED_SPEAKER_NAME,
          nameSearch,
          positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
          organization: "Ban Tuyên giáo Tỉnh ủy",
        })
        .returning({ id: people.id })
    )[0]?.id;
  if (!personId) throw new Error("seed speaker not inserted");
  const [invitation] = await db
    .insert(invitations)
    .values({ eventId, personId, role: "dignitary", status: "accepted" })
    .onConflictDoNothing()
    .returning({ id: invitations.id });
  if (invitation) return invitation.id;
  const [again] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.eventId, eventId), eq(invitations.personId, personId)));
  if (!again) throw new Error("seed speaker invitation missing");
  return again.id;
}

/**
 * The order of proceedings of the afternoon of 19/10/2017 (14:00–16:00), as the article tells it: the
 * signing, then the remarks of Comrade Nguyễn Hồng Chuyên. Added once: an event with an agenda is left alone.
 */
export async function seedDemoAgenda(db: Db, eventId: string): Promise<void> {
  if ((await listAgenda(db, eventId)).length > 0) return;
  const organizer = await findUserByEmail(db, "tochuc@signet.local");
  if (!organizer) throw new Error("demo accounts missing");
  const actor = { id: organizer.id, name: organizer.name };
  const speaker = await ensureSeedSpeakerInvitation(db, eventId);
  const items: { at: string; minutes: number; kind: AgendaKind; title: string; speaker?: string; keyPoints?: string[] }[] = [
    { at: "13:45", minutes: 15, kind: "arrival", title: "Đón tiếp đại biểu" },
    { at: "14:00", minutes: 5, kind: "opening", title: "Chào cờ, Quốc ca" },
    { at: "14:05", minutes: 10, kind: "introduction", title: "Tuyên bố lý do, giới thiệu đại biểu" },
    { at: "14:15", minutes: 15, kind: "other", title: "Thông qua nội dung chương trình phối hợp công tác giai đoạn 2017 – 2020" },
    { at: "14:30", minutes: 15, kind: "signing", title: "Ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020" },
    {
      at: "14:45",
      minutes: 20,
      kind: "speech",
      title: "Phát biểu của đồng chí Trưởng ban Tuyên giáo Tỉnh ủy",
      speaker,
      keyPoints: seedSpeechKeyPoints,
    },
    { at: "15:05", minutes: 10, kind: "photo", title: "Chụp ảnh lưu niệm" },
    { at: "15:15", minutes: 5, kind: "closing", title: "Bế mạc" },
  ];
  for (const item of items) {
    const startsAt = localInputToInstant(`2017-10-19T${item.at}`, ZONE);
    if (!startsAt) throw new Error("seed agenda times");
    await addAgendaItem(db, actor, eventId, {
      startsAt,
      durationMinutes: item.minutes,
      title: item.title,
      kind: item.kind,
      responsibleUserId: item.kind === "arrival" ? organizer.id : null,
      speakerInvitationId: item.speaker ?? null,
      place: null,
      notes: null,
      keyPoints: item.keyPoints ?? [],
    });
  }
}

/**
 * The dignitaries, group lines and seating of the demo ceremony. The article names one person, Comrade Nguyễn
 * Hồng Chuyên, Trưởng ban Tuyên giáo Tỉnh ủy — on the host's side (he heads it), a speaker. It names nobody of the
 * Sở Giáo dục và Đào tạo and does not say who signed: the Sở's leaders are an unnamed group line on its side
 * ("đại diện lãnh đạo Sở Giáo dục và Đào tạo"), and no signatory is invented. Arrival (13:45, the agenda's
 * reception) and escort (the demo organizer) are demo values, not from the article. Each part is added once.
 */
export async function seedDemoProtocol(db: Db, eventId: string): Promise<void> {
  const organizer = await findUserByEmail(db, "tochuc@signet.local");
  if (!organizer) throw new Error("demo accounts missing");
  const actor = { id: organizer.id, name: organizer.name };
  const arrivalAt = localInputToInstant("2017-10-19T13:45", ZONE);
  const base = { delegation: null, arrivalAt, escortUserId: organizer.id, notes: null, email: null, fullAddressOverride: null, shortAddressOverride: null, englishAddressOverride: null };
  const precedence = await loadPrecedence(db, eventId);
  if (precedence.dignitaries.length === 0) {
    const chuyen = await createDignitary(db, actor, eventId, {
      ...base,
      honorific: "đồng chí",
      name: SEED_SPEAKER_NAME,
      positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
      organization: "Ban Tuyên giáo Tỉnh ủy",
      side: "host",
    });
    await setPersonCeremony(db, actor, eventId, chuyen.id, { roles: [{ kind: "speaker" }] });
  }
  const ceremony = await loadCeremony(db, eventId);
  const guestSide = ceremony.sides.find((side) => side.kind === "guest");
  if (ceremony.lines.length === 0 && guestSide) {
    await addAttendanceLine(db, actor, eventId, {
      textVi: "đại diện lãnh đạo Sở Giáo dục và Đào tạo",
      textEn: "leaders of the Department of Education and Training",
      sideId: guestSide.id,
      place: null,
    });
  }
  if ((await loadSeating(db, eventId)).tables.length === 0) {
    const centre = { mode: "centre-out" as const, secondTo: "right" as const };
    await createTable(db, actor, eventId, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 3, ...centre });
    await createTable(db, actor, eventId, { name: "Bàn ký", kind: "signing", seatCount: 6, ...centre });
    await createTable(db, actor, eventId, { name: "Hàng ghế đại biểu 1", kind: "row", seatCount: 10, ...centre });
    await proposeSeating(db, actor, eventId);
  }
}


/**
 * The second demo ceremony (invented, not from a report; every name is fictional): three forces of Thái Bình sign
 * one coordination regulation for 2024 – 2028 on 12/3/2024 — only the date is known, so no time of day is stated.
 * The province's leaders attend above the three sides and witness the signing; each party has one signatory; the
 * other leaders of the province's departments are a group line. Added once (found by its calendar UID).
 */
export async function seedDemoTripartite(db: Db): Promise<void> {
  if (await findEventIdByCalendarUid(db, SEED_TRIPARTITE_UID)) return;
  const organizer = await findUserByEmail(db, "tochuc@signet.local");
  if (!organizer) throw new Error("demo accounts missing");
  const actor = { id: organizer.id, name: organizer.name };
  const ubnd = await ensureOrganization(db, {
    nameVi: "Ủy ban nhân dân tỉnh Thái Bình",
    nameEn: "Thái Bình Provincial People's Committee",
    shortName: "UBND tỉnh",
    parentId: null,
  });
  const quanSu = await ensureOrganization(db, {
    nameVi: "Bộ Chỉ huy Quân sự tỉnh Thái Bình",
    nameEn: "Thái Bình Provincial Military Command",
    shortName: "Bộ CHQS tỉnh",
    parentId: null,
  });
  const congAn = await ensureOrganization(db, {
    nameVi: "Công an tỉnh Thái Bình",
    nameEn: "Thái Bình Provincial Police",
    shortName: "Công an tỉnh",
    parentId: ubnd.id,
  });
  const bienPhong = await ensureOrganization(db, {
    nameVi: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thái Bình",
    nameEn: "Thái Bình Provincial Border Guard Command",
    shortName: "BĐBP tỉnh",
    parentId: null,
  });
  const day = localInputToInstant("2024-03-12T00:00", ZONE);
  const dayEnd = localInputToInstant("2024-03-12T23:59", ZONE);
  if (!day || !dayEnd) throw new Error("seed times");
  const event = await createEvent(
    db,
    actor,
    {
      title: "Lễ ký kết quy chế phối hợp giữa ba lực lượng",
      kind: "signing_ceremony",
      status: "completed",
      startsAt: day,
      endsAt: dayEnd,
      timeZone: ZONE,
      startPrecision: "date",
      venueName: "Bộ Chỉ huy Quân sự tỉnh Thái Bình",
      venueAddress: null,
      venueRoom: "Hội trường",
      occasion: null,
      occasionEn: null,
      context: "hội nghị tổng kết công tác phối hợp năm 2023",
      contextEn: "the conference reviewing the forces' coordination in 2023",
      description: null,
      hostOrganizationId: quanSu.id,
      partnerOrganizationIds: [congAn.id, bienPhong.id],
      capacity: null,
      documents: [
        {
          kind: "regulation",
          title:
            "Quy chế phối hợp giữa Bộ Chỉ huy Quân sự tỉnh Thái Bình, Công an tỉnh Thái Bình và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thái Bình giai đoạn 2024 – 2028",
          titleEn: "Coordination regulation of the three forces, 2024 – 2028",
          periodStart: 2024,
          periodEnd: 2028,
          aims: "Ba lực lượng thống nhất:\n- trao đổi thông tin về tình hình an ninh, quốc phòng trên địa bàn tỉnh;\n- phối hợp xây dựng kế hoạch bảo vệ chủ quyền biển, đảo;\n- hỗ trợ nhau trong phòng, chống thiên tai, tìm kiếm cứu nạn.",
          partyIds: [quanSu.id, congAn.id, bienPhong.id],
          originals: 3,
          languages: ["vi"],
        },
      ],
    },
    { calendarUid: SEED_TRIPARTITE_UID },
  );
  const comms = await findUserByEmail(db, "danganh@signet.local");
  if (comms) await addEventMember(db, event.id, comms.id, "communications");
  const leaders = await saveSide(db, actor, event.id, null, {
    kind: "leaders",
    organizationId: null,
    labelVi: "lãnh đạo tỉnh",
    labelEn: "provincial leaders",
    headPersonId: null,
    language: "vi",
  });
  const ceremony = await loadCeremony(db, event.id);
  const document = ceremony.documents[0]!;
  const sideOf = (organizationId: string) => ceremony.sides.find((side) => side.organization?.id === organizationId)!.id;
  const base = { delegation: null, arrivalAt: null, escortUserId: null, notes: null, email: null, fullAddressOverride: null, shortAddressOverride: null, englishAddressOverride: null };
  const people: { honorific: string; name: string; positions: string[]; organization: string | null; sideId: string; roles: CeremonyRoleSeed[] }[] = [
    { honorific: "đồng chí", name: "Phạm Văn Nghiêm", positions: ["Phó Bí thư Thường trực Tỉnh ủy"], organization: "Tỉnh ủy Thái Bình", sideId: leaders, roles: ["witness"] },
    { honorific: "đồng chí", name: "Lại Văn Hoàn", positions: ["Phó Chủ tịch UBND tỉnh"], organization: ubnd.nameVi, sideId: leaders, roles: ["witness"] },
    { honorific: "Đại tá", name: "Nguyễn Văn Hùng", positions: ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"], organization: quanSu.nameVi, sideId: sideOf(quanSu.id), roles: ["signatory"] },
    { honorific: "Đại tá", name: "Lê Văn Cường", positions: ["Giám đốc Công an tỉnh"], organization: congAn.nameVi, sideId: sideOf(congAn.id), roles: ["signatory"] },
    { honorific: "Đại tá", name: "Phạm Minh Đức", positions: ["Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh"], organization: bienPhong.nameVi, sideId: sideOf(bienPhong.id), roles: ["signatory"] },
    { honorific: "Thượng tá", name: "Trần Văn Bình", positions: ["Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"], organization: quanSu.nameVi, sideId: sideOf(quanSu.id), roles: ["attendee"] },
  ];
  for (const p of people) {
    const d = await createDignitary(db, actor, event.id, { ...base, honorific: p.honorific, name: p.name, positions: p.positions, organization: p.organization, side: null });
    await setPersonCeremony(db, actor, event.id, d.id, {
      sideId: p.sideId,
      roles: p.roles.map((kind) => (kind === "signatory" ? { kind, documentId: document.id, sideId: p.sideId } : { kind })),
    });
  }
  await addAttendanceLine(db, actor, event.id, {
    textVi: "đại diện lãnh đạo các sở, ban, ngành của tỉnh",
    textEn: "leaders of the province's departments",
    sideId: leaders,
    place: null,
  });
  const centre = { mode: "centre-out" as const, secondTo: "right" as const };
  await createTable(db, actor, event.id, { name: "Đoàn chủ tịch", kind: "presidium", seatCount: 5, ...centre });
  await createTable(db, actor, event.id, { name: "Bàn ký", kind: "signing", seatCount: 6, ...centre });
  await createTable(db, actor, event.id, { name: "Hàng ghế đại biểu 1", kind: "row", seatCount: 10, ...centre });
  await proposeSeating(db, actor, event.id);
}

type CeremonyRoleSeed = "witness" | "signatory" | "attendee";

/** The seed report's steps, in the event's time zone: published 19/10/2017 19:13:53, as the article's header says. */
/** The attendance sentence of the article, which Đặng Anh puts in place of the drafted one. */
export const seedAttendanceAsPrinted =
  "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự hội nghị.";

export const seedPressTimeline = {
  drafted: "2017-10-19T18:30:00",
  edited: "2017-10-19T18:45:00",
  submitted: "2017-10-19T18:55:00",
  approved: "2017-10-19T19:05:00",
  published: "2017-10-19T19:13:53",
} as const;

/**
 * The ceremony's Vietnamese report, drafted from the event's data, edited, submitted, approved and published by Đặng Anh
 * (communications), byline "Đặng Anh". Idempotent: once the event has a Vietnamese report it is left as it is
 * (people may have edited or unpublished it since).
 */
export async function seedDemoPress(db: Db, eventId: string): Promise<void> {
  const comms = await findUserByEmail(db, "danganh@signet.local");
  if (!comms) throw new Error("demo account danganh@signet.local missing");
  if ((await listEventPressSummaries(db, eventId)).some((s) => s.language === "vi")) return;
  const actor = { id: comms.id, name: comms.name };
  const at = (local: string) => {
    const instant = localInputToInstant(local, ZONE);
    if (!instant) throw new Error(`seed press time ${local}`);
    return instant;
  };
  let summary = await createPressSummary(db, actor, eventId, "vi", { now: at(seedPressTimeline.drafted) });
  // Her edit, as the article was printed: the attendance names only the Comrade (the data also has the Sở's
  // unnamed leaders as a group line), and the lead leaves out the town everyone knows.
  const body = summary.body
    .split("\n\n")
    .map((paragraph) => (paragraph.startsWith("Dự lễ ký kết") ? seedAttendanceAsPrinted : paragraph))
    .join("\n\n")
    .replace(" giai đoạn 2017 – 2020 tại Thành phố Thái Bình, tỉnh Thái Bình.", " giai đoạn 2017 – 2020.");
  if (body !== summary.body) {
    const saved = await updatePressSummary(
      db,
      actor,
      summary.id,
      { title: summary.title, body, byline: summary.byline, version: summary.version },
      { now: at(seedPressTimeline.edited) },
    );
    summary = saved.summary;
  }
  const steps: [PressStatus, string][] = [
    ["in_review", seedPressTimeline.submitted],
    ["approved", seedPressTimeline.approved],
    ["published", seedPressTimeline.published],
  ];
  for (const [to, local] of steps) {
    summary = (await transitionPressSummary(db, actor, summary.id, to, { now: at(local) })).summary;
  }
}

// `npm run db:seed`
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { acquire, release } = await import("../server/data-dir-lock");
  const config = databaseConfigFromEnv();
  const dataDir = "dataDir" in config ? (process.env.DATA_DIR ?? "data") : null;
  if (dataDir) acquire(dataDir);
  const database = openDatabase(config);
  try {
    await database.migrate();
    const storage = fileSystemStorage(path.join(path.resolve(process.env.DATA_DIR ?? "data"), "media"));
    const accounts = await seedDemo(database.db, { storage });
    console.log("Seed ceremony loaded (or already present).");
    for (const a of accounts) console.log(`  ${a.role.padEnd(14)} ${a.email.padEnd(28)} ${a.password}`);
  } finally {
    await database.close();
    if (dataDir) release(dataDir);
  }
}
