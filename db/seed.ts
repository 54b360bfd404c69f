/**
 * The demo: the signing ceremony of ../shared/seed-article.txt (Thái Bình, afternoon of 19/10/2017).
 * Idempotent: accounts that exist are kept, the ceremony is added once (found by its calendar UID).
 * Run on first start of an empty database, or with `npm run db:seed`.
 */
import { pathToFileURL } from "node:url";
import { databaseConfigFromEnv, openDatabase, type Db } from "./client.server";
import type { UserRole } from "~/domain/access/permissions";
import { localInputToInstant } from "~/domain/dates/phrasing";
import { addEventMember, findEventIdByCalendarUid } from "~/models/events.server";
import { findUserByEmail } from "~/models/users.server";
import { listOrganizations } from "~/models/organizations.server";
import { createUser } from "~/services/accounts.server";
import { createEvent } from "~/services/events.server";
import { createOrganization } from "~/services/organizations.server";

export const SEED_EVENT_UID = "seed-2017-10-19-tuyen-giao-giao-duc@signet";
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

/** Loads the demo; returns the accounts it created with their generated passwords. */
export async function seedDemo(db: Db): Promise<SeededAccount[]> {
  const created: SeededAccount[] = [];
  for (const account of seedAccounts) {
    if (await findUserByEmail(db, account.email)) continue;
    const { password } = await createUser(db, null, account);
    created.push({ email: account.email, role: account.role, password });
  }
  if (await findEventIdByCalendarUid(db, SEED_EVENT_UID)) return created;

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
      venueName: null,
      venueAddress: "Thành phố Thái Bình, tỉnh Thái Bình",
      venueRoom: null,
      description:
        "Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.",
      hostOrganizationId: tuyenGiao.id,
      partnerOrganizationIds: [giaoDuc.id],
      capacity: null,
      agreement: {
        title:
          "Chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020",
        periodStart: 2017,
        periodEnd: 2020,
        aims: seedAims,
        partyIds: [tuyenGiao.id, giaoDuc.id],
        originals: null,
      },
    },
    { calendarUid: SEED_EVENT_UID },
  );
  await addEventMember(db, event.id, comms.id, "communications");
  return created;
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
    const accounts = await seedDemo(database.db);
    console.log("Seed ceremony loaded (or already present).");
    for (const a of accounts) console.log(`  ${a.role.padEnd(14)} ${a.email.padEnd(28)} ${a.password}`);
  } finally {
    await database.close();
    if (dataDir) release(dataDir);
  }
}
