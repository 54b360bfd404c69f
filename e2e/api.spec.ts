import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect } from "./fixtures";

// Tests run in parallel against one server: every title carries a suffix no other test uses.
function unique(label: string) {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

type Json = Record<string, unknown>;
interface EventJson {
  id: string;
  title: string;
  kind: string;
  status: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: { name: string | null; address: string | null; room: string | null };
  description: string | null;
  capacity: number | null;
  hostOrganizationId: string | null;
  partnerOrganizationIds: string[];
  agreement: {
    title: string;
    periodStart: number | null;
    periodEnd: number | null;
    aims: string | null;
    partyIds: string[];
    originals: number | null;
  } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
}
interface ErrorJson {
  error: { code: string; message: string; fields: Record<string, string> };
}

/** Asserts a JSON error in the API's format (never HTML, never a stack trace) and returns it. */
async function expectError(response: APIResponse, status: number): Promise<ErrorJson["error"]> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<!DOCTYPE|\n\s+at /i);
  const body = JSON.parse(text) as ErrorJson;
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(typeof body.error.fields).toBe("object");
  return body.error;
}

async function organizationIds(api: APIRequestContext) {
  const response = await api.get("/api/v1/organizations");
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { id: string; nameVi: string }[] };
  const byName = (name: string) => {
    const found = data.find((o) => o.nameVi === name);
    if (!found) throw new Error(`seed organization missing: ${name}`);
    return found.id;
  };
  return { tuyenGiao: byName("Ban Tuyên giáo Tỉnh ủy"), giaoDuc: byName("Sở Giáo dục và Đào tạo") };
}

function minimalEvent(title: string, extra: Json = {}): Json {
  return {
    title,
    kind: "meeting",
    startsAt: "2031-05-01T09:00:00+07:00",
    endsAt: "2031-05-01T10:00:00+07:00",
    ...extra,
  };
}

async function createEvent(api: APIRequestContext, body: Json): Promise<EventJson> {
  const response = await api.post("/api/v1/events", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as EventJson;
}

/** Walks every page of the list; `firstLimit` for the first page, then `limit`. */
async function listAll(api: APIRequestContext, options: { firstLimit: number; limit: number }) {
  const ids: string[] = [];
  const events: EventJson[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const limit = pages === 0 ? options.firstLimit : options.limit;
    const query: string = `limit=${limit}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : "");
    const response = await api.get(`/api/v1/events?${query}`);
    expect(response.status(), await response.text()).toBe(200);
    const page = (await response.json()) as { data: EventJson[]; nextCursor: string | null };
    expect(page.data.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor !== null) expect(page.data.length).toBe(limit);
    for (const event of page.data) {
      ids.push(event.id);
      events.push(event);
    }
    cursor = page.nextCursor;
    pages += 1;
    expect(pages, "the list never ends").toBeLessThan(500);
  } while (cursor);
  return { ids, events, pages };
}

test("a signing ceremony: create with its agreement, read, update, find in the list, cancel", async ({ api }) => {
  const organizer = await api("organizer");
  const { tuyenGiao, giaoDuc } = await organizationIds(organizer);
  const title = unique("Lễ ký kết chương trình phối hợp 🤝");
  const body = {
    title,
    kind: "signing_ceremony",
    status: "scheduled",
    // Older than the seed ceremony (19/10/2017), so it is never on the first page of one event.
    startsAt: "2016-03-08T14:00:00+07:00",
    endsAt: "2016-03-08T16:30:00+07:00",
    timeZone: "Asia/Ho_Chi_Minh",
    venue: { name: "Hội trường Tỉnh ủy", address: "Số 1 Lê Lợi, Thành phố Thái Bình", room: "Phòng 301" },
    description: "Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo ký kết.\nCó phát biểu của lãnh đạo 🎉",
    hostOrganizationId: tuyenGiao,
    partnerOrganizationIds: [giaoDuc],
    capacity: 120,
    agreement: {
      title: "Chương trình phối hợp công tác giai đoạn 2016 – 2020 📜",
      periodStart: 2016,
      periodEnd: 2020,
      aims: "Nâng cao chất lượng giáo dục đạo đức, lối sống trong trường học.",
      partyIds: [tuyenGiao, giaoDuc],
      originals: 4,
    },
  };

  // Create
  const createdResponse = await organizer.post("/api/v1/events", { data: body });
  expect(createdResponse.status(), await createdResponse.text()).toBe(201);
  const created = (await createdResponse.json()) as EventJson;
  expect(createdResponse.headers()["location"]).toBe(`/api/v1/events/${created.id}`);
  expect(created).toMatchObject({
    title,
    kind: "signing_ceremony",
    status: "scheduled",
    startsAt: "2016-03-08T14:00:00+07:00",
    endsAt: "2016-03-08T16:30:00+07:00",
    timeZone: "Asia/Ho_Chi_Minh",
    venue: body.venue,
    description: body.description,
    capacity: 120,
    hostOrganizationId: tuyenGiao,
    partnerOrganizationIds: [giaoDuc],
    agreement: body.agreement,
    cancelledAt: null,
  });
  expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(createdResponse.headers()["etag"]).toBe(`"${created.version}"`);

  // Read it back: the same representation, times with the event's +07:00 offset
  const readResponse = await organizer.get(`/api/v1/events/${created.id}`);
  expect(readResponse.status()).toBe(200);
  const read = (await readResponse.json()) as EventJson;
  expect(read).toEqual(created);
  expect(read.startsAt).toBe("2016-03-08T14:00:00+07:00");
  expect(Date.parse(read.startsAt)).toBe(Date.parse("2016-03-08T07:00:00Z"));

  // Update title and venue (the venue object replaces the old one wholesale)
  const newTitle = unique("Lễ ký kết (đã đổi tên) ✍️");
  const patchResponse = await organizer.patch(`/api/v1/events/${created.id}`, {
    data: { title: newTitle, venue: { name: "Nhà khách Tỉnh ủy" } },
    headers: { "If-Match": `"${read.version}"` },
  });
  expect(patchResponse.status(), await patchResponse.text()).toBe(200);
  const patched = (await patchResponse.json()) as EventJson;
  expect(patched.title).toBe(newTitle);
  expect(patched.venue).toEqual({ name: "Nhà khách Tỉnh ủy", address: null, room: null });
  expect(patched.version).toBe(read.version + 1);
  expect(patched.agreement).toEqual(body.agreement);
  expect(patched.startsAt).toBe(read.startsAt);
  expect(patched.description).toBe(body.description);

  const reread = (await (await organizer.get(`/api/v1/events/${created.id}`)).json()) as EventJson;
  expect(reread).toEqual(patched);

  // A stale version is refused and changes nothing
  const stale = await organizer.patch(`/api/v1/events/${created.id}`, {
    data: { title: unique("stale") },
    headers: { "If-Match": `"${read.version}"` },
  });
  await expectError(stale, 409);
  const staleQuery = await organizer.patch(`/api/v1/events/${created.id}?version=${read.version}`, {
    data: { title: unique("stale") },
  });
  await expectError(staleQuery, 409);
  expect(((await (await organizer.get(`/api/v1/events/${created.id}`)).json()) as EventJson).title).toBe(newTitle);

  // Find it by following nextCursor: one event on the first page (the seed ceremony is newer), then 7 a page
  const all = await listAll(organizer, { firstLimit: 1, limit: 7 });
  expect(all.pages).toBeGreaterThan(1);
  expect(new Set(all.ids).size, "no event twice across pages").toBe(all.ids.length);
  expect(all.ids.indexOf(created.id)).toBeGreaterThan(0);
  expect(all.events.find((e) => e.id === created.id)).toEqual(patched);
  const starts = all.events.map((e) => Date.parse(e.startsAt));
  expect(starts).toEqual([...starts].sort((a, b) => b - a));

  // Cancel; then cancelling again and editing are conflicts
  const cancelResponse = await organizer.post(`/api/v1/events/${created.id}/cancel`);
  expect(cancelResponse.status(), await cancelResponse.text()).toBe(200);
  const cancelled = (await cancelResponse.json()) as EventJson;
  expect(cancelled.status).toBe("cancelled");
  expect(cancelled.cancelledAt).not.toBeNull();
  expect(cancelled.title).toBe(newTitle);

  await expectError(await organizer.post(`/api/v1/events/${created.id}/cancel`), 409);
  await expectError(await organizer.patch(`/api/v1/events/${created.id}`, { data: { title: unique("after") } }), 409);
  const afterCancel = (await (await organizer.get(`/api/v1/events/${created.id}`)).json()) as EventJson;
  expect(afterCancel).toEqual(cancelled);
});

test("instants given in UTC come back in the event's own zone", async ({ api }) => {
  const organizer = await api("organizer");
  const hanoi = await createEvent(
    organizer,
    minimalEvent(unique("Họp giao ban"), { startsAt: "2031-05-01T02:00:00Z", endsAt: "2031-05-01T03:30:00.000Z" }),
  );
  expect(hanoi.timeZone).toBe("Asia/Ho_Chi_Minh");
  expect(hanoi.startsAt).toBe("2031-05-01T09:00:00+07:00");
  expect(hanoi.endsAt).toBe("2031-05-01T10:30:00+07:00");
  expect(hanoi.status).toBe("draft");
  expect(hanoi.agreement).toBeNull();
  expect(hanoi.venue).toEqual({ name: null, address: null, room: null });

  const paris = await createEvent(
    organizer,
    minimalEvent(unique("Tiếp đoàn"), {
      startsAt: "2031-07-14T08:00:00Z",
      endsAt: "2031-07-14T09:00:00Z",
      timeZone: "Europe/Paris",
    }),
  );
  expect(paris.startsAt).toBe("2031-07-14T10:00:00+02:00");

  // Moving the event to another zone keeps the instant and changes the offset shown
  const moved = await organizer.patch(`/api/v1/events/${paris.id}`, { data: { timeZone: "Asia/Ho_Chi_Minh" } });
  expect(moved.status(), await moved.text()).toBe(200);
  expect(((await moved.json()) as EventJson).startsAt).toBe("2031-07-14T15:00:00+07:00");
});

test("PATCH merges: absent fields stay, null clears, agreement: null removes the agreement", async ({ api }) => {
  const organizer = await api("organizer");
  const { tuyenGiao, giaoDuc } = await organizationIds(organizer);
  const event = await createEvent(
    organizer,
    minimalEvent(unique("Lễ ký kết ghi nhớ"), {
      kind: "signing_ceremony",
      description: "Mô tả",
      capacity: 50,
      agreement: { title: "Biên bản ghi nhớ", partyIds: [tuyenGiao, giaoDuc] },
    }),
  );
  expect(event.agreement).toEqual({
    title: "Biên bản ghi nhớ",
    periodStart: null,
    periodEnd: null,
    aims: null,
    partyIds: [tuyenGiao, giaoDuc],
    originals: null,
  });
  const response = await organizer.patch(`/api/v1/events/${event.id}`, {
    data: { description: null, agreement: null },
  });
  expect(response.status(), await response.text()).toBe(200);
  const patched = (await response.json()) as EventJson;
  expect(patched.description).toBeNull();
  expect(patched.agreement).toBeNull();
  expect(patched.capacity).toBe(50);
  expect(patched.title).toBe(event.title);

  // An agreement belongs to a signing ceremony only
  const meeting = await organizer.patch(`/api/v1/events/${event.id}`, {
    data: { kind: "meeting", agreement: { title: "Không hợp lệ" } },
  });
  expect((await expectError(meeting, 422)).fields.agreement).toBeTruthy();
});

test("without a valid token every endpoint answers 401 in JSON", async ({ request }) => {
  for (const [method, url] of [
    ["GET", "/api/v1/events"],
    ["POST", "/api/v1/events"],
    ["GET", "/api/v1/organizations"],
    ["GET", "/api/v1/events/00000000-0000-4000-8000-000000000000"],
  ] as const) {
    const none = await request.fetch(url, { method, data: method === "POST" ? minimalEvent("x") : undefined });
    const error = await expectError(none, 401);
    expect(error.code).toBe("unauthorized");
    expect(none.headers()["www-authenticate"]).toMatch(/^Bearer/);
  }
  const wrong = await request.get("/api/v1/events", { headers: { Authorization: "Bearer sgt_not-a-real-token" } });
  await expectError(wrong, 401);
  expect(wrong.headers()["www-authenticate"]).toMatch(/^Bearer .*invalid_token/);
  const garbage = await request.get("/api/v1/events", { headers: { Authorization: "Basic Zm9vOmJhcg==" } });
  await expectError(garbage, 401);
});

test("roles: a viewer cannot create; communications cannot edit or cancel someone else's event", async ({ api }) => {
  const viewer = await api("viewer");
  const title = unique("Viewer không được tạo");
  await expectError(await viewer.post("/api/v1/events", { data: minimalEvent(title) }), 403);
  await expectError(await viewer.post("/api/v1/organizations", { data: { nameVi: unique("Cơ quan") } }), 403);

  const organizer = await api("organizer");
  const event = await createEvent(organizer, minimalEvent(unique("Sự kiện của người tổ chức")));
  const communications = await api("communications");
  expect((await communications.get(`/api/v1/events/${event.id}`)).status()).toBe(200);
  expect((await viewer.get(`/api/v1/events/${event.id}`)).status()).toBe(200);
  await expectError(await communications.patch(`/api/v1/events/${event.id}`, { data: { title: unique("x") } }), 403);
  await expectError(await communications.post(`/api/v1/events/${event.id}/cancel`), 403);
  const unchanged = (await (await organizer.get(`/api/v1/events/${event.id}`)).json()) as EventJson;
  expect(unchanged).toEqual(event);

  const all = await listAll(organizer, { firstLimit: 100, limit: 100 });
  expect(all.events.some((e) => e.title === title)).toBe(false);
});

test("unknown and malformed ids, paths and methods are JSON errors", async ({ api }) => {
  const admin = await api("admin");
  for (const id of ["3f1c0c5e-9a51-4c51-8f7e-000000000000", "not-a-uuid"]) {
    await expectError(await admin.get(`/api/v1/events/${id}`), 404);
    await expectError(await admin.patch(`/api/v1/events/${id}`, { data: { title: "x" } }), 404);
    await expectError(await admin.post(`/api/v1/events/${id}/cancel`), 404);
  }
  await expectError(await admin.get("/api/v1/nothing-here"), 404);
  await expectError(await admin.get("/api/v2/events"), 404);

  const event = await createEvent(admin, minimalEvent(unique("Phương thức")));
  const del = await admin.delete(`/api/v1/events/${event.id}`);
  await expectError(del, 405);
  expect(del.headers()["allow"]).toContain("PATCH");
  await expectError(await admin.get(`/api/v1/events/${event.id}/cancel`), 405);
  await expectError(await admin.put("/api/v1/events", { data: {} }), 405);
});

test("invalid input is 422 with field errors, and nothing is half-saved", async ({ api }) => {
  const organizer = await api("organizer");
  const prefix = unique("Không được lưu");
  const mine = async () =>
    (await listAll(organizer, { firstLimit: 100, limit: 100 })).events.filter((e) => e.title.startsWith(prefix)).length;
  expect(await mine()).toBe(0);

  const endBeforeStart = await organizer.post("/api/v1/events", {
    data: minimalEvent(`${prefix} 1`, { startsAt: "2031-05-01T10:00:00+07:00", endsAt: "2031-05-01T09:00:00+07:00" }),
  });
  const e1 = await expectError(endBeforeStart, 422);
  expect(e1.fields.endsAt).toBe("The end must be after the start.");

  const mars = await organizer.post("/api/v1/events", {
    data: minimalEvent(`${prefix} 2`, { timeZone: "Mars/Olympus" }),
  });
  expect((await expectError(mars, 422)).fields.timeZone).toMatch(/time zone/i);

  const long = await organizer.post("/api/v1/events", { data: minimalEvent(`${prefix} ${"Đ".repeat(300)}`) });
  expect((await expectError(long, 422)).fields.title).toContain("200");

  const noOffset = await organizer.post("/api/v1/events", {
    data: minimalEvent(`${prefix} 4`, { startsAt: "2031-05-01T09:00:00" }),
  });
  expect((await expectError(noOffset, 422)).fields.startsAt).toBeTruthy();

  const unknownField = await organizer.post("/api/v1/events", { data: minimalEvent(`${prefix} 5`, { colour: "red" }) });
  expect((await expectError(unknownField, 422)).fields.colour).toBeTruthy();

  // Passes the schema, fails in the service (an organization that does not exist): still nothing saved
  const ghostParty = await organizer.post("/api/v1/events", {
    data: minimalEvent(`${prefix} 6`, {
      kind: "signing_ceremony",
      agreement: { title: "Thỏa thuận", partyIds: ["3f1c0c5e-9a51-4c51-8f7e-000000000000"] },
    }),
  });
  expect((await expectError(ghostParty, 422)).fields["agreement.partyIds"]).toBeTruthy();

  expect(await mine()).toBe(0);

  // A refused PATCH leaves the event exactly as it was
  const event = await createEvent(organizer, minimalEvent(unique("Giữ nguyên")));
  const badPatch = await organizer.patch(`/api/v1/events/${event.id}`, {
    data: { title: "Tên mới", endsAt: "2031-05-01T08:00:00+07:00" },
  });
  expect((await expectError(badPatch, 422)).fields.endsAt).toBeTruthy();
  const badPartner = await organizer.patch(`/api/v1/events/${event.id}`, {
    data: { title: "Tên mới", partnerOrganizationIds: ["3f1c0c5e-9a51-4c51-8f7e-000000000000"] },
  });
  expect((await expectError(badPartner, 422)).fields.partnerOrganizationIds).toBeTruthy();
  expect((await (await organizer.get(`/api/v1/events/${event.id}`)).json()) as EventJson).toEqual(event);
});

test("bodies: malformed JSON and non-objects are 400, other content types 415", async ({ api }) => {
  const organizer = await api("organizer");
  const malformed = await organizer.post("/api/v1/events", {
    data: '{"title": "Lễ ký kết", ',
    headers: { "Content-Type": "application/json" },
  });
  expect((await expectError(malformed, 400)).code).toBe("bad_request");
  const array = await organizer.post("/api/v1/events", { data: "[1,2]", headers: { "Content-Type": "application/json" } });
  await expectError(array, 400);
  const empty = await organizer.post("/api/v1/events", { data: "", headers: { "Content-Type": "application/json" } });
  await expectError(empty, 400);
  const form = await organizer.post("/api/v1/events", { form: { title: "x" } });
  await expectError(form, 415);
});

test("pagination: limit and cursor are checked", async ({ api }) => {
  const viewer = await api("viewer");
  for (const query of ["limit=0", "limit=101", "limit=abc", "limit=-1", "cursor=not-a-cursor!", "cursor=WzEsMl0"]) {
    await expectError(await viewer.get(`/api/v1/events?${query}`), 400);
  }
  const first = await viewer.get("/api/v1/events");
  expect(first.status()).toBe(200);
  const page = (await first.json()) as { data: EventJson[]; nextCursor: string | null };
  expect(page.data.length).toBeGreaterThan(0);
  expect(page.data.length).toBeLessThanOrEqual(20);
});

test("organizations: list, create (blank optional values become null), duplicates are 409", async ({ api }) => {
  const organizer = await api("organizer");
  const { tuyenGiao } = await organizationIds(organizer);
  const nameVi = unique("Hội Khuyến học tỉnh 🎓");
  const created = await organizer.post("/api/v1/organizations", {
    data: { nameVi, nameEn: "", shortName: "  ", parentId: "" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const organization = (await created.json()) as Json;
  expect(organization).toMatchObject({ nameVi, nameEn: null, shortName: null, parentId: null });

  const child = await organizer.post("/api/v1/organizations", {
    data: { nameVi: unique("Phòng Tuyên truyền"), nameEn: "Outreach Office", shortName: "PTT", parentId: tuyenGiao },
  });
  expect(child.status(), await child.text()).toBe(201);
  expect(((await child.json()) as Json).parentId).toBe(tuyenGiao);

  const list = (await (await organizer.get("/api/v1/organizations")).json()) as { data: Json[] };
  expect(list.data.find((o) => o.id === organization.id)).toEqual(organization);

  const duplicate = await organizer.post("/api/v1/organizations", { data: { nameVi: nameVi.toUpperCase() } });
  expect((await expectError(duplicate, 409)).fields.nameVi).toBeTruthy();
  const seeded = await organizer.post("/api/v1/organizations", { data: { nameVi: "Sở Giáo dục và Đào tạo" } });
  expect((await expectError(seeded, 409)).fields.nameVi).toBeTruthy();

  const invalid = await organizer.post("/api/v1/organizations", {
    data: { nameVi: "Ban\u0007 ẩn", shortName: "x".repeat(51), parentId: "nope" },
  });
  const error = await expectError(invalid, 422);
  expect(Object.keys(error.fields).sort()).toEqual(["nameVi", "parentId", "shortName"]);
  await expectError(await organizer.post("/api/v1/organizations", { data: { nameEn: "No Vietnamese name" } }), 422);
});
