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
  venue: { name: string | null; nameEn: string | null; address: string | null; room: string | null };
  description: string | null;
  capacity: number | null;
  hostOrganizationId: string | null;
  partnerOrganizationIds: string[];
  startPrecision: "time" | "date";
  occasion: string | null;
  occasionEn: string | null;
  context: string | null;
  contextEn: string | null;
  sides: { id: string; kind: string; organizationId: string | null; labelVi: string | null; order: number }[];
  documents: {
    id: string;
    kind: string;
    title: string;
    titleEn: string | null;
    periodStart: number | null;
    periodEnd: number | null;
    aims: string | null;
    originals: number | null;
    languages: string[];
    order: number;
    partyIds: string[];
    parties: { sideId: string; organizationId: string | null; signatoryIds: string[] }[];
  }[];
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

test("a signing ceremony: create with its documents, read, update, find in the list, cancel", async ({ api }) => {
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
    occasion: "kỷ niệm 8/3",
    documents: [
      {
        kind: "programme",
        title: "Chương trình phối hợp công tác giai đoạn 2016 – 2020 📜",
        periodStart: 2016,
        periodEnd: 2020,
        aims: "Nâng cao chất lượng giáo dục đạo đức, lối sống trong trường học.",
        partyIds: [tuyenGiao, giaoDuc],
        originals: 4,
        languages: ["vi"],
      },
    ],
  };
  const expectedDocuments = [
    expect.objectContaining({
      ...body.documents[0],
      titleEn: null,
      order: 0,
      parties: [expect.objectContaining({ organizationId: tuyenGiao, signatoryIds: [] }), expect.objectContaining({ organizationId: giaoDuc, signatoryIds: [] })],
    }),
  ];

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
    startPrecision: "time",
    occasion: "kỷ niệm 8/3",
    context: null,
    documents: expectedDocuments,
    cancelledAt: null,
  });
  expect(created.sides.map((s) => [s.kind, s.organizationId, s.order])).toEqual([
    ["host", tuyenGiao, 0],
    ["guest", giaoDuc, 1],
  ]);
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
  expect(patched.venue).toEqual({ name: "Nhà khách Tỉnh ủy", nameEn: null, address: null, room: null });
  expect(patched.version).toBe(read.version + 1);
  expect(patched.documents).toEqual(created.documents);
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
  expect(hanoi.documents).toEqual([]);
  expect(hanoi.sides).toEqual([]);
  expect(hanoi.startPrecision).toBe("time");
  expect(hanoi.venue).toEqual({ name: null, nameEn: null, address: null, room: null });

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

test("PATCH merges: absent fields stay, null clears, documents: [] removes the documents", async ({ api }) => {
  const organizer = await api("organizer");
  const { tuyenGiao, giaoDuc } = await organizationIds(organizer);
  const event = await createEvent(
    organizer,
    minimalEvent(unique("Lễ ký kết ghi nhớ"), {
      kind: "signing_ceremony",
      description: "Mô tả",
      capacity: 50,
      documents: [{ kind: "memorandum", title: "Biên bản ghi nhớ", partyIds: [tuyenGiao, giaoDuc] }],
    }),
  );
  expect(event.documents).toEqual([
    {
      id: expect.any(String),
      kind: "memorandum",
      title: "Biên bản ghi nhớ",
      titleEn: null,
      periodStart: null,
      periodEnd: null,
      aims: null,
      originals: null,
      languages: [],
      order: 0,
      partyIds: [tuyenGiao, giaoDuc],
      parties: [
        { sideId: event.sides[0]!.id, organizationId: tuyenGiao, signatoryIds: [] },
        { sideId: event.sides[1]!.id, organizationId: giaoDuc, signatoryIds: [] },
      ],
    },
  ]);
  // A PATCH without documents leaves them; a date-only start comes back as such.
  const kept = await organizer.patch(`/api/v1/events/${event.id}`, { data: { startPrecision: "date" } });
  expect(kept.status(), await kept.text()).toBe(200);
  const keptJson = (await kept.json()) as EventJson;
  expect(keptJson.documents).toEqual(event.documents);
  expect(keptJson.startPrecision).toBe("date");
  const response = await organizer.patch(`/api/v1/events/${event.id}`, {
    data: { description: null, documents: [] },
  });
  expect(response.status(), await response.text()).toBe(200);
  const patched = (await response.json()) as EventJson;
  expect(patched.description).toBeNull();
  expect(patched.documents).toEqual([]);
  expect(patched.capacity).toBe(50);
  expect(patched.title).toBe(event.title);

  // Documents belong to a signing ceremony only
  const meeting = await organizer.patch(`/api/v1/events/${event.id}`, {
    data: { kind: "meeting", documents: [{ title: "Không hợp lệ" }] },
  });
  expect((await expectError(meeting, 422)).fields.documents).toBeTruthy();
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
      documents: [{ title: "Thỏa thuận", partyIds: ["3f1c0c5e-9a51-4c51-8f7e-000000000000"] }],
    }),
  });
  expect((await expectError(ghostParty, 422)).fields["documents.0.partyIds"]).toBeTruthy();

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

test("the ceremony: sides with leaders above them, documents, roles and signatories, attendance lines, proceedings", async ({ api }) => {
  const organizer = await api("organizer");
  const { tuyenGiao, giaoDuc } = await organizationIds(organizer);
  const event = await createEvent(
    organizer,
    minimalEvent(unique("Lễ ký kết ba bên"), {
      kind: "signing_ceremony",
      startPrecision: "date",
      startsAt: "2031-03-12T00:00:00+07:00",
      endsAt: "2031-03-12T11:00:00+07:00",
      hostOrganizationId: tuyenGiao,
      partnerOrganizationIds: [giaoDuc],
    }),
  );
  const base = `/api/v1/events/${event.id}/ceremony`;
  const [host, guest] = event.sides;

  // A party without a directory entry, and the leaders above the sides
  const laosResponse = await organizer.post(`${base}/sides`, {
    data: { kind: "guest", labelVi: "tỉnh Hủa Phăn (Lào)", labelEn: "Houaphanh province (Laos)", language: "lo" },
  });
  expect(laosResponse.status(), await laosResponse.text()).toBe(201);
  const laos = ((await laosResponse.json()) as { created: string }).created;
  const leadersResponse = await organizer.post(`${base}/sides`, { data: { kind: "leaders", labelVi: "lãnh đạo tỉnh" } });
  expect(leadersResponse.status()).toBe(201);
  const leaders = ((await leadersResponse.json()) as { created: string }).created;
  const twice = await organizer.post(`${base}/sides`, { data: { kind: "leaders", labelVi: "lãnh đạo Đảng" } });
  expect((await expectError(twice, 422)).fields.kind).toBe("An event has one group of leaders (belonging to no side).");
  expect((await expectError(await organizer.post(`${base}/sides`, { data: { kind: "guest" } }), 422)).fields.organizationId).toBeTruthy();

  // Two documents: a trilateral programme, a bilateral memorandum
  const programme = await organizer.post(`${base}/documents`, {
    data: { kind: "programme", title: "Chương trình phối hợp ba bên", partySideIds: [host!.id, guest!.id, laos], originals: 3, languages: ["vi", "lo"] },
  });
  expect(programme.status(), await programme.text()).toBe(201);
  const programmeId = ((await programme.json()) as { created: string }).created;
  const memo = await organizer.post(`${base}/documents`, {
    data: { kind: "memorandum", title: "Biên bản ghi nhớ", partySideIds: [host!.id, laos], periodStart: 2031, periodEnd: 2030 },
  });
  expect((await expectError(memo, 422)).fields.periodEnd).toBe("The end year must not be before the start year.");
  const memoOk = await organizer.post(`${base}/documents`, { data: { kind: "memorandum", title: "Biên bản ghi nhớ", partySideIds: [host!.id, laos] } });
  const memoId = ((await memoOk.json()) as { created: string }).created;

  // People and their roles
  const dignitary = async (name: string, positions: string[], side: "host" | "guest" | null) => {
    const response = await organizer.post(`/api/v1/events/${event.id}/dignitaries`, { data: { name, positions, side, honorific: "đồng chí" } });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const secretary = await dignitary("Ngô Đông Hải", ["Bí thư Tỉnh ủy"], null);
  const hostSigner = await dignitary("Nguyễn Hồng Chuyên", ["Trưởng ban Tuyên giáo Tỉnh ủy"], "host");
  const guestSigner = await dignitary("Trần Văn Giám", ["Giám đốc Sở Giáo dục và Đào tạo"], "guest");
  const laosSigner = await dignitary("Khăm Phăn", ["Phó Tỉnh trưởng tỉnh Hủa Phăn"], null);
  let response = await organizer.put(`${base}/people/${secretary}`, { data: { sideId: leaders, roles: [{ kind: "witness" }, { kind: "chair" }] } });
  expect(response.status(), await response.text()).toBe(200);
  response = await organizer.put(`${base}/people/${laosSigner}`, {
    data: { sideId: laos, roles: [{ kind: "signatory", documentId: memoId, sideId: laos }, { kind: "speaker" }] },
  });
  expect(response.status(), await response.text()).toBe(200);
  for (const [sideId, who] of [
    [host!.id, hostSigner],
    [guest!.id, guestSigner],
    [laos, laosSigner],
  ] as const) {
    const put = await organizer.put(`${base}/documents/${programmeId}/signatories/${sideId}`, { data: { signatoryIds: [who] } });
    expect(put.status(), await put.text()).toBe(200);
  }
  const wrongParty = await organizer.put(`${base}/people/${guestSigner}`, {
    data: { roles: [{ kind: "signatory", documentId: memoId, sideId: guest!.id }] },
  });
  expect((await expectError(wrongParty, 422)).fields["roles.0"]).toBe("This side is not a party to that document.");
  await expectError(await organizer.put(`${base}/people/${guestSigner}`, { data: { roles: [{ kind: "dancer" }] } }), 422);

  // An unnamed attendance line, and a proceeding without a speaker
  const line = await organizer.post(`${base}/attendance-lines`, {
    data: { textVi: "các đồng chí trong Ban Thường vụ Tỉnh ủy", textEn: "members of the Standing Committee", place: 2 },
  });
  expect(line.status(), await line.text()).toBe(201);
  await expectError(await organizer.post(`${base}/attendance-lines`, { data: { textVi: "" } }), 422);
  const item = await organizer.post(`/api/v1/events/${event.id}/agenda`, {
    data: { title: "Thông báo tình hình", kind: "other", startsAt: "2031-03-12T09:00:00+07:00", durationMinutes: 20, keyPoints: ["thông báo tình hình mỗi bên"] },
  });
  expect(item.status(), await item.text()).toBe(201);
  const itemJson = (await item.json()) as { id?: string; items?: { id: string; title: string }[] };
  const itemId = itemJson.id ?? itemJson.items?.find((i) => i.title === "Thông báo tình hình")?.id;
  response = await organizer.put(`${base}/agenda/${itemId}`, { data: { subject: "Các bên", subjectEn: "The parties" } });
  expect(response.status(), await response.text()).toBe(200);

  const ceremony = (await (await organizer.get(base)).json()) as Json;
  expect(ceremony).toMatchObject({
    eventId: event.id,
    startPrecision: "date",
    sides: [
      { kind: "host", organizationId: tuyenGiao, order: 0 },
      { kind: "guest", organizationId: giaoDuc, order: 1 },
      { kind: "guest", organizationId: null, labelVi: "tỉnh Hủa Phăn (Lào)", language: "lo", order: 2 },
      { kind: "leaders", labelVi: "lãnh đạo tỉnh", order: 3 },
    ],
    documents: [
      {
        id: programmeId,
        kind: "programme",
        languages: ["vi", "lo"],
        parties: [
          { sideId: host!.id, signatoryIds: [hostSigner] },
          { sideId: guest!.id, signatoryIds: [guestSigner] },
          { sideId: laos, signatoryIds: [laosSigner] },
        ],
      },
      { id: memoId, kind: "memorandum", parties: [{ sideId: host!.id, signatoryIds: [] }, { sideId: laos, signatoryIds: [laosSigner] }] },
    ],
    attendanceLines: [{ textVi: "các đồng chí trong Ban Thường vụ Tỉnh ủy", place: 2, sideId: null }],
    proceedings: [{ agendaItemId: itemId, subjectVi: "Các bên", keyPoints: ["thông báo tình hình mỗi bên"] }],
  });
  const people = (ceremony as { people: { dignitaryId: string; sideId: string | null; roles: Json[] }[] }).people;
  expect(people.find((p) => p.dignitaryId === secretary)).toEqual({ dignitaryId: secretary, sideId: leaders, roles: [{ kind: "chair" }, { kind: "witness" }] });
  expect(people.find((p) => p.dignitaryId === laosSigner)?.roles).toEqual([
    { kind: "signatory", documentId: programmeId, sideId: laos },
    { kind: "signatory", documentId: memoId, sideId: laos },
    { kind: "speaker" },
  ]);
  expect(people.find((p) => p.dignitaryId === hostSigner)?.sideId).toBe(host!.id);
  // The event's own representation carries the signatories too
  const reread = (await (await organizer.get(`/api/v1/events/${event.id}`)).json()) as EventJson;
  expect(reread.documents[0]!.parties.map((p) => p.signatoryIds)).toEqual([[hostSigner], [guestSigner], [laosSigner]]);

  // Reading needs event:read, writing event:update; unknown paths are JSON 404s
  const communications = await api("communications");
  await expectError(await communications.post(`${base}/sides`, { data: { kind: "leaders" } }), 403);
  await expectError(await organizer.get(`${base}/nothing`), 404);
  await expectError(await organizer.delete(`${base}/sides/not-a-uuid`), 404);
});
