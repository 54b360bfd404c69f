/**
 * The invitations API (docs/api.md "Invitations"), the people directory and organizations PATCH/DELETE, against
 * a production build on PGlite, or on PostgreSQL with TEST_DATABASE_URL.
 *
 * With API_EXAMPLES=<file> each recorded answer is appended to that file (one JSON line: test, request, status,
 * body): docs/api.md's examples are copied from there.
 */
import { appendFileSync } from "node:fs";
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import ICAL from "ical.js";
import jsQR from "jsqr";
import sharp from "sharp";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface InvitationJson {
  id: string;
  eventId: string;
  personId: string;
  honorific: string | null;
  name: string;
  positions: string[];
  organization: string | null;
  email: string | null;
  language: "vi" | "en";
  role: string;
  group: string | null;
  plusOnes: number;
  status: string;
  withdrawnAt: string | null;
  rsvpUrl?: string;
}
interface ErrorJson {
  error: { code: string; message: string; fields: Record<string, string> };
}

/** Appends the answer to $API_EXAMPLES (for the docs), then returns its JSON. */
async function record<T>(label: string, response: APIResponse): Promise<T> {
  const text = await response.text();
  const isJson = (response.headers()["content-type"] ?? "").startsWith("application/json");
  const body = (isJson ? JSON.parse(text) : text || null) as T;
  if (process.env.API_EXAMPLES)
    appendFileSync(process.env.API_EXAMPLES, `${JSON.stringify({ label, status: response.status(), url: response.url(), body })}\n`);
  return body;
}

/** A JSON error in the API's format (never HTML, never a stack trace). */
async function expectError(response: APIResponse, status: number): Promise<ErrorJson> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<!DOCTYPE|\n\s+at /i);
  return JSON.parse(text) as ErrorJson;
}

async function createEvent(api: APIRequestContext, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-10-19T14:00:00+07:00",
      endsAt: "2031-10-19T16:00:00+07:00",
      venue: { name: "Hội trường Tỉnh ủy", address: "Thành phố Thái Bình" },
      ...extra,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function invite(api: APIRequestContext, eventId: string, data: Record<string, unknown>): Promise<InvitationJson> {
  const response = await api.post(`/api/v1/events/${eventId}/invitations`, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as InvitationJson;
}

const pathOf = (url: string) => new URL(url).pathname;

test("invitations: create with rsvpUrl, list with each filter and paging, read, change, regenerate the link, invite.ics", async ({
  api,
  request,
}) => {
  const organizer = await api("organizer");
  const viewer = await api("viewer");
  const id = suffix();
  const eventId = await createEvent(organizer, `Lễ ký kết API khách mời ${id}`);
  const base = `/api/v1/events/${eventId}/invitations`;

  const created = await organizer.post(base, {
    data: {
      honorific: "đồng chí",
      name: "Nguyễn Hồng Chuyên",
      positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
      organization: "Ban Tuyên giáo Tỉnh ủy",
      email: `chuyen-${id}@example.vn`,
      role: "dignitary",
      language: "vi",
      group: "Bàn 1",
    },
  });
  expect(created.status()).toBe(201);
  const chuyen = await record<InvitationJson>("invitations.create", created);
  expect(created.headers()["location"]).toBe(`${base}/${chuyen.id}`);
  expect(chuyen).toMatchObject({
    eventId,
    honorific: "đồng chí",
    name: "Nguyễn Hồng Chuyên",
    positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
    email: `chuyen-${id}@example.vn`,
    role: "dignitary",
    group: "Bàn 1",
    plusOnes: 0,
    status: "not_sent",
    withdrawnAt: null,
  });
  expect(chuyen.rsvpUrl).toMatch(/^http:\/\/localhost:\d+\/i\/[A-Za-z0-9_-]{43}$/);

  const others = [
    await invite(organizer, eventId, { name: "Trần Thị Lan", email: `lan-${id}@example.vn`, organization: "Sở Giáo dục và Đào tạo", role: "guest", group: "Bàn 2" }),
    await invite(organizer, eventId, { name: "Lê Văn Báo", organization: "Báo Thái Bình", role: "press" }),
    await invite(organizer, eventId, { name: "Phạm Minh Đức", email: `duc-${id}@example.vn`, role: "guest", group: "Bàn 2", language: "en" }),
  ];
  expect(others[1]!.email).toBeNull();
  // Role defaults to guest.
  const plain = await invite(organizer, eventId, { name: "Hoàng Văn Em" });
  expect(plain).toMatchObject({ role: "guest", language: "vi" });

  // The same person again: 409 pointing at the invitation that exists.
  const twice = await organizer.post(base, { data: { name: "Nguyễn Hồng Chuyên", email: `CHUYEN-${id}@example.vn` } });
  const conflict = await record<ErrorJson & { invitationId: string }>("invitations.create.conflict", twice);
  expect(twice.status()).toBe(409);
  expect(conflict).toMatchObject({ error: { code: "conflict" }, invitationId: chuyen.id, withdrawn: false });

  // Lists: everyone, then each filter; the rsvpUrl is never listed.
  const all = await record<{ data: InvitationJson[]; total: number; nextCursor: string | null }>(
    "invitations.list",
    await viewer.get(`${base}?limit=2`),
  );
  expect(all.total).toBe(5);
  expect(all.data).toHaveLength(2);
  expect(all.data[0]).not.toHaveProperty("rsvpUrl");
  const names: string[] = all.data.map((i) => i.name);
  let cursor = all.nextCursor;
  while (cursor) {
    const page = (await (await viewer.get(`${base}?limit=2&cursor=${cursor}`)).json()) as typeof all;
    names.push(...page.data.map((i) => i.name));
    cursor = page.nextCursor;
  }
  // Sorted by given name (the last word), each once.
  expect(names).toEqual(["Lê Văn Báo", "Nguyễn Hồng Chuyên", "Phạm Minh Đức", "Hoàng Văn Em", "Trần Thị Lan"]);

  const namesOf = async (query: string) =>
    ((await (await viewer.get(`${base}?${query}`)).json()) as { data: InvitationJson[] }).data.map((i) => i.name);
  expect(await namesOf("role=press")).toEqual(["Lê Văn Báo"]);
  expect(await namesOf(`group=${encodeURIComponent("Bàn 2")}`)).toEqual(["Phạm Minh Đức", "Trần Thị Lan"]);
  expect(await namesOf("q=nguyen hong")).toEqual(["Nguyễn Hồng Chuyên"]);
  expect(await namesOf("q=giao duc")).toEqual(["Trần Thị Lan"]);
  expect(await namesOf("status=not_sent&role=guest&group=B%C3%A0n%202&q=pham")).toEqual(["Phạm Minh Đức"]);
  // The search covers organizations too: "duc" is in Đức and in "Sở Giáo dục".
  expect(await namesOf("q=duc")).toEqual(["Phạm Minh Đức", "Trần Thị Lan"]);
  expect(await namesOf("status=accepted")).toEqual([]);
  expect(await namesOf("sort=organization&limit=1")).toEqual(["Nguyễn Hồng Chuyên"]); // Ban Tuyên giáo, before Báo Thái Bình
  for (const [query, field] of [
    ["status=maybe", "status"],
    ["role=vip", "role"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["cursor=abc!", "cursor"],
    ["cursor=WyJ4IiwxXQ", "cursor"],
  ] as const) {
    const error = await expectError(await viewer.get(`${base}?${query}`), 400);
    expect(Object.keys(error.error.fields), query).toEqual([field]);
  }

  // Read one.
  const read = await viewer.get(`${base}/${chuyen.id}`);
  expect(read.status()).toBe(200);
  const readBody = await record<InvitationJson>("invitations.get", read);
  expect(readBody).toMatchObject({ id: chuyen.id, name: "Nguyễn Hồng Chuyên" });
  expect(readBody).not.toHaveProperty("rsvpUrl");
  // A viewer outside the event's team reads names, positions, organizations and roles: no personal data keys.
  for (const key of ["email", "phone", "notes", "dietaryNeeds", "accessNeeds", "comment"]) expect(readBody).not.toHaveProperty(key);
  expect(await (await organizer.get(`${base}/${chuyen.id}`)).json()).toMatchObject({ email: `chuyen-${id}@example.vn` });
  await expectError(await viewer.get(`${base}/${crypto.randomUUID()}`), 404);
  await expectError(await viewer.get(`${base}/not-a-uuid`), 404);
  // An invitation of another event is not found under this one.
  const otherEvent = await createEvent(organizer, `Hội nghị khác ${id}`);
  await expectError(await viewer.get(`/api/v1/events/${otherEvent}/invitations/${chuyen.id}`), 404);

  // Change: only what is sent; null clears; the same rules (and messages) as the form.
  const patched = await organizer.patch(`${base}/${chuyen.id}`, { data: { group: "Đoàn chủ tịch", plusOnes: 1, organization: null } });
  expect(patched.status()).toBe(200);
  expect(await record<InvitationJson>("invitations.patch", patched)).toMatchObject({
    group: "Đoàn chủ tịch",
    plusOnes: 1,
    organization: null,
    positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
    role: "dignitary",
  });
  const invalid = await organizer.patch(`${base}/${chuyen.id}`, {
    data: { name: " ", email: "not-an-email", plusOnes: 99, role: "king", status: "accepted", nmae: "x" },
  });
  expect(invalid.status()).toBe(422);
  expect((await record<ErrorJson>("invitations.patch.invalid", invalid)).error.fields).toEqual({
    name: "This field is required.",
    email: "This email address is not valid.",
    plusOnes: "Plus-ones must be a whole number from 0 to 20.",
    role: "Please choose one of the options.",
    status: "Read-only field: it cannot be set through the API.",
    nmae: "Unknown field.",
  });
  // Another person's email is a field error; nothing is saved.
  const taken = await expectError(await organizer.patch(`${base}/${chuyen.id}`, { data: { email: `LAN-${id}@example.vn` } }), 422);
  expect(Object.keys(taken.error.fields)).toEqual(["email"]);
  expect(((await (await organizer.get(`${base}/${chuyen.id}`)).json()) as InvitationJson).email).toBe(`chuyen-${id}@example.vn`);
  // Bad bodies are 400/415, a viewer 403.
  await expectError(await organizer.patch(`${base}/${chuyen.id}`, { data: "{oops", headers: { "Content-Type": "application/json" } }), 400);
  await expectError(await organizer.post(base, { data: "name=A", headers: { "Content-Type": "application/x-www-form-urlencoded" } }), 415);
  await expectError(await organizer.post(base, { data: [] }), 400);
  const missing = await expectError(await organizer.post(base, { data: { positions: "Giám đốc" } }), 422);
  expect(missing.error.fields).toEqual({ name: "This field is required.", positions: "Send positions as an array of strings, in the order they are read." });
  await expectError(await viewer.post(base, { data: { name: "Khách của người xem" } }), 403);
  await expectError(await viewer.patch(`${base}/${chuyen.id}`, { data: { group: "x" } }), 403);

  // The personal link + /invite.ics: that invitee's calendar file, no login needed.
  const ics = await request.get(`${pathOf(chuyen.rsvpUrl!)}/invite.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8; method=REQUEST");
  expect(ics.headers()["cache-control"]).toBe("no-store");
  const calendar = new ICAL.Component(ICAL.parse(await record<string>("invitations.inviteIcs", ics)));
  expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  expect(String(vevent.getFirstPropertyValue("summary"))).toBe(`Lễ ký kết API khách mời ${id}`);
  expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2031-10-19T07:00:00.000Z");
  const attendee = vevent.getFirstProperty("attendee")!;
  expect(String(attendee.getFirstValue())).toBe(`mailto:chuyen-${id}@example.vn`);
  expect(attendee.getParameter("partstat")).toBe("NEEDS-ACTION");
  expect(String(vevent.getFirstPropertyValue("url"))).toBe(chuyen.rsvpUrl);

  // Regenerate: a new link; the old one (and its calendar file) stops working.
  const regenerated = await organizer.post(`${base}/${chuyen.id}/regenerate-link`);
  expect(regenerated.status()).toBe(200);
  const link = await record<{ invitationId: string; rsvpUrl: string }>("invitations.regenerateLink", regenerated);
  expect(link.invitationId).toBe(chuyen.id);
  expect(link.rsvpUrl).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);
  expect(link.rsvpUrl).not.toBe(chuyen.rsvpUrl);
  expect((await request.get(`${pathOf(chuyen.rsvpUrl!)}/invite.ics`)).status()).toBe(404);
  expect((await request.get(`${pathOf(link.rsvpUrl)}/invite.ics`)).status()).toBe(200);
  expect((await request.get(`/i/not-a-token/invite.ics`)).status()).toBe(404);
  await expectError(await viewer.post(`${base}/${chuyen.id}/regenerate-link`), 403);
  await expectError(await organizer.get(`${base}/${chuyen.id}/regenerate-link`), 405);
});

test("withdraw by DELETE queues the CANCEL; send to ids or to all", async ({ api, page, loginAs, request }) => {
  const organizer = await api("organizer");
  const id = suffix();
  const eventId = await createEvent(organizer, `Lễ ký kết gửi thư API ${id}`);
  const base = `/api/v1/events/${eventId}/invitations`;
  const an = await invite(organizer, eventId, { name: `Vũ Thị An ${id}`, email: `an-${id}@example.vn` });
  const binh = await invite(organizer, eventId, { name: `Đỗ Văn Bình ${id}`, email: `binh-${id}@example.vn` });
  const noMail = await invite(organizer, eventId, { name: `Ngô Văn Không ${id}` });

  const one = await organizer.post(`${base}/send`, { data: { ids: [an.id] } });
  expect(one.status()).toBe(200);
  expect(await record("invitations.send.ids", one)).toEqual({ queued: 1, duplicates: 0, noEmail: 0 });
  // "all": everyone not withdrawn; An already has this invitation (same SEQUENCE): not sent twice.
  const everyone = await organizer.post(`${base}/send`, { data: { all: true } });
  expect(await record("invitations.send.all", everyone)).toEqual({ queued: 1, duplicates: 1, noEmail: 1 });
  const statuses = ((await (await organizer.get(base)).json()) as { data: InvitationJson[] }).data.map((i) => [i.name, i.status]);
  expect(new Map(statuses as [string, string][])).toEqual(
    new Map([
      [an.name, "sent"],
      [binh.name, "sent"],
      [noMail.name, "not_sent"],
    ]),
  );

  for (const [data, field] of [
    [{}, "ids"],
    [{ ids: [], all: true }, "ids"],
    [{ ids: ["x"] }, "ids.0"],
    [{ all: false }, "all"],
    [{ ids: [crypto.randomUUID()] }, "ids"],
    [{ everyone: true }, "everyone"],
  ] as const) {
    const error = await expectError(await organizer.post(`${base}/send`, { data }), 422);
    expect(Object.keys(error.error.fields), JSON.stringify(data)).toContain(field);
  }

  // DELETE withdraws and queues the METHOD:CANCEL, as "Rút lời mời" does in the app.
  const withdrawn = await organizer.delete(`${base}/${binh.id}`);
  expect(withdrawn.status()).toBe(200);
  const body = await record<InvitationJson & { cancelMail: string }>("invitations.delete", withdrawn);
  expect(body).toMatchObject({ id: binh.id, status: "sent", cancelMail: "queued" });
  expect(body.withdrawnAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  const again = await expectError(await organizer.delete(`${base}/${binh.id}`), 409);
  expect(again.error.message).toBe("This invitation was already withdrawn.");
  // Never sent: withdrawn without an email.
  expect(((await (await organizer.delete(`${base}/${noMail.id}`)).json()) as { cancelMail: string }).cancelMail).toBe("not_invited");
  // Withdrawn ones are listed apart; they cannot be sent, and their link is gone.
  const list = (await (await organizer.get(`${base}?status=withdrawn`)).json()) as { data: InvitationJson[]; total: number };
  expect(list.data.map((i) => i.id).sort()).toEqual([binh.id, noMail.id].sort());
  expect(((await (await organizer.get(base)).json()) as { total: number }).total).toBe(1);
  expect((await expectError(await organizer.post(`${base}/send`, { data: { ids: [binh.id] } }), 422)).error.fields.ids).toContain(binh.id);
  await expectError(await organizer.post(`${base}/${binh.id}/regenerate-link`), 409);
  expect((await request.get(`${pathOf(binh.rsvpUrl!)}/invite.ics`)).status()).toBe(404);

  // The outbox: Bình got the invitation, then the cancellation.
  await loginAs("organizer");
  await page.goto(`/events/${eventId}/mail`);
  const rows = page.getByRole("table", { name: "Thư của sự kiện" }).getByRole("row");
  await expect(rows.filter({ hasText: `binh-${id}@example.vn` })).toHaveCount(2);
  // The cancellation carries the calendar file's METHOD:CANCEL (shown under the kind).
  await expect(rows.filter({ hasText: `binh-${id}@example.vn` }).filter({ hasText: "Hủy" }).filter({ hasText: "CANCEL" })).toHaveCount(1);
  await expect(rows.filter({ hasText: `an-${id}@example.vn` })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Hủy" })).toHaveCount(1);
});

test("CSV import: preview changes nothing, ?commit=1 imports; bad files are clear 4xx", async ({ api }) => {
  const organizer = await api("organizer");
  const id = suffix();
  const eventId = await createEvent(organizer, `Hội nghị nhập CSV API ${id}`);
  const url = `/api/v1/events/${eventId}/invitations/import`;
  const csv = [
    "Họ và tên;Email;Cơ quan;Vai trò;Bàn",
    `Nguyễn Văn Một;mot-${id}@example.vn;Sở Tài chính;Khách mời;Bàn 3`,
    `Trần Thị Hai;hai-${id}@example.vn;Sở Y tế;Đại biểu;Bàn 1`,
    `;khong-ten-${id}@example.vn;Sở Y tế;;`,
    `Lê Văn Ba;sai-email;Báo Thái Bình;Phóng viên;`,
    `Nguyễn Văn Một;MOT-${id}@example.vn;Sở Tài chính;;`,
  ].join("\r\n");
  const headers = { "Content-Type": "text/csv; charset=utf-8" };

  const preview = await organizer.post(url, { data: `\uFEFF${csv}`, headers });
  expect(preview.status()).toBe(200);
  expect(await record("invitations.import.preview", preview)).toEqual({
    commit: false,
    rows: 5,
    validRows: 2,
    errors: [
      { row: 4, field: "name", message: "This field is required." },
      { row: 5, field: "email", message: "This email address is not valid." },
      { row: 6, field: "email", message: "Same person as row 2 (same email, or same name and organization)." },
    ],
    ignoredColumns: [],
    sample: [
      { row: 2, name: "Nguyễn Văn Một", organization: "Sở Tài chính", email: `mot-${id}@example.vn` },
      { row: 3, name: "Trần Thị Hai", organization: "Sở Y tế", email: `hai-${id}@example.vn` },
    ],
  });
  expect(((await (await organizer.get(`/api/v1/events/${eventId}/invitations`)).json()) as { total: number }).total).toBe(0);

  const commit = await organizer.post(`${url}?commit=1`, { data: csv, headers });
  expect(commit.status()).toBe(200);
  expect(await record("invitations.import.commit", commit)).toEqual({
    commit: true,
    rows: 2,
    peopleCreated: 2,
    peopleUpdated: 0,
    invitationsCreated: 2,
    invitationsUpdated: 0,
    withdrawnKept: 0,
    skippedRows: 3,
    errors: [
      { row: 4, field: "name", message: "This field is required." },
      { row: 5, field: "email", message: "This email address is not valid." },
      { row: 6, field: "email", message: "Same person as row 2 (same email, or same name and organization)." },
    ],
  });
  const list = (await (await organizer.get(`/api/v1/events/${eventId}/invitations`)).json()) as { data: InvitationJson[] };
  expect(list.data.map((i) => [i.name, i.role, i.group])).toEqual([
    ["Trần Thị Hai", "dignitary", "Bàn 1"],
    ["Nguyễn Văn Một", "guest", "Bàn 3"],
  ]);
  // Importing again duplicates nothing.
  const again = (await (await organizer.post(`${url}?commit=1`, { data: csv, headers })).json()) as Record<string, number>;
  expect(again).toMatchObject({ rows: 2, peopleCreated: 0, invitationsCreated: 0, invitationsUpdated: 2 });

  await expectError(await organizer.post(url, { data: csv, headers: { "Content-Type": "application/json" } }), 415);
  await expectError(await organizer.post(url, { data: csv }), 415);
  const noName = await expectError(await organizer.post(url, { data: "Email\r\na@example.vn", headers }), 422);
  expect(noName.error.message).toBe("The first row of the file has no “Full name” (or “Họ và tên”) column.");
  expect((await expectError(await organizer.post(url, { data: "", headers }), 422)).error.message).toMatch(/empty/);
  const latin1 = Buffer.from("Họ và tên\nNguyễn Văn Một\n", "latin1");
  expect((await expectError(await organizer.post(url, { data: latin1, headers }), 422)).error.message).toMatch(/not UTF-8/);
  await expectError(await organizer.post(url, { data: `Họ và tên\n${"x".repeat(2 * 1024 * 1024)}`, headers }), 413);
  await expectError(await organizer.post(`${url}?commit=yes`, { data: csv, headers }), 400);
  await expectError(await (await api("viewer")).post(url, { data: csv, headers }), 403);
});

/** The text of the door QR code on the invitee's page (they accept first: the code is shown then). */
async function doorCode(page: Page, rsvpUrl: string): Promise<string> {
  await page.goto(pathOf(rsvpUrl));
  await page.getByRole("button", { name: "Tham dự", exact: true }).click();
  const src = (await page.getByTestId("checkin-qr").getAttribute("src")) ?? "";
  // The page's own image of the code (the guest's cookie says whose).
  const svg = await (await page.request.get(src)).body();
  const { data, info } = await sharp(svg, { density: 300 }).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
  if (!decoded) throw new Error("the QR code could not be read");
  return decoded.data;
}

test("check-ins by invitation id and by the QR code's text; one per invitation", async ({ api, browser, accounts }) => {
  const organizer = await api("organizer");
  const id = suffix();
  const eventId = await createEvent(organizer, `Lễ ký kết đón khách API ${id}`);
  const url = `/api/v1/events/${eventId}/check-ins`;
  const hai = await invite(organizer, eventId, { honorific: "bà", name: `Trần Thị Hai ${id}`, email: `hai-${id}@example.vn`, group: "Bàn 1" });
  const ba = await invite(organizer, eventId, { name: `Lê Văn Ba ${id}`, email: `ba-${id}@example.vn` });

  const first = await organizer.post(url, { data: { invitationId: hai.id } });
  expect(first.status()).toBe(201);
  const checkIn = await record<Record<string, unknown>>("checkIns.byId", first);
  expect(checkIn).toMatchObject({
    invitationId: hai.id,
    honorific: "bà",
    name: `Trần Thị Hai ${id}`,
    group: "Bàn 1",
    checkedInBy: { id: accounts.organizer.id, name: accounts.organizer.name },
  });
  const second = await organizer.post(url, { data: { invitationId: hai.id } });
  expect(second.status()).toBe(409);
  const already = await record<ErrorJson & { checkIn: { checkedInAt: string } }>("checkIns.already", second);
  expect(already.error.message).toBe(`Already checked in at ${checkIn.checkedInAt as string} by ${accounts.organizer.name}.`);
  expect(already.checkIn.checkedInAt).toBe(checkIn.checkedInAt);

  // By the code the invitee's page shows (read from its QR image).
  const context = await browser.newContext({ locale: "vi-VN" });
  const code = await doorCode(await context.newPage(), ba.rsvpUrl!);
  await context.close();
  // The signed ticket the offline door verifies (docs/decisions/022-offline-door.md): S2:<invitation>:<event>:<Ed25519>.
  expect(code).toMatch(new RegExp(`^S2:${ba.id}:[0-9a-f-]{36}:[A-Za-z0-9_-]{86}$`));
  const byCode = await organizer.post(url, { data: { code } });
  expect(byCode.status()).toBe(201);
  expect(await record("checkIns.byCode", byCode)).toMatchObject({ invitationId: ba.id, status: "accepted" });
  expect((await organizer.post(url, { data: { code } })).status()).toBe(409);

  // Unknown or altered codes, unknown ids, withdrawn invitations, wrong bodies: clear 4xx.
  const forged = await expectError(await organizer.post(url, { data: { code: `SIGNET:${hai.id}:AAAAAAAAAAAAAAAAAAAAAA` } }), 422);
  expect(forged.error.fields).toEqual({ code: "Not a valid QR code: not an invitation to this event, or it was altered." });
  await expectError(await organizer.post(url, { data: { code: "hello" } }), 422);
  await expectError(await organizer.post(url, { data: { invitationId: crypto.randomUUID() } }), 404);
  await expectError(await organizer.post(url, { data: { invitationId: "12" } }), 422);
  await expectError(await organizer.post(url, { data: {} }), 422);
  await expectError(await organizer.post(url, { data: { invitationId: hai.id, code } }), 422);
  const otherEvent = await createEvent(organizer, `Sự kiện khác ${id}`);
  expect((await expectError(await organizer.post(`/api/v1/events/${otherEvent}/check-ins`, { data: { code } }), 422)).error.fields.code).toBe(
    "This QR code belongs to another event.",
  );
  const gone = await invite(organizer, eventId, { name: `Rút ${id}` });
  await organizer.delete(`/api/v1/events/${eventId}/invitations/${gone.id}`);
  expect((await expectError(await organizer.post(url, { data: { invitationId: gone.id } }), 409)).error.message).toBe(
    "This invitation was withdrawn: the guest cannot be checked in.",
  );
  await expectError(await (await api("viewer")).post(url, { data: { invitationId: ba.id } }), 403);
});

test("people directory: search and read with their invitations; PATCH with the form's rules and permissions", async ({ api }) => {
  const organizer = await api("organizer");
  const viewer = await api("viewer");
  const communications = await api("communications");
  const id = suffix();
  const eventId = await createEvent(organizer, `Hội nghị danh bạ API ${id}`);
  const person = await invite(organizer, eventId, {
    name: `Đặng Thị Thu ${id}`,
    email: `thu-${id}@example.vn`,
    organization: "Sở Văn hóa, Thể thao và Du lịch",
    positions: ["Phó Giám đốc"],
  });

  const search = await viewer.get(`/api/v1/people?q=${encodeURIComponent(`dang thi thu ${id}`)}`);
  expect(search.status()).toBe(200);
  const found = await record<{ data: { id: string; name: string }[]; total: number; nextCursor: string | null }>("people.list", search);
  expect(found).toMatchObject({ total: 1, nextCursor: null, data: [{ id: person.personId, name: `Đặng Thị Thu ${id}` }] });
  const paged = (await (await viewer.get("/api/v1/people?limit=1")).json()) as typeof found;
  expect(paged.data).toHaveLength(1);
  expect(paged.nextCursor).not.toBeNull();
  const next = (await (await viewer.get(`/api/v1/people?limit=1&cursor=${paged.nextCursor}`)).json()) as typeof found;
  expect(next.data[0]!.id).not.toBe(paged.data[0]!.id);
  await expectError(await viewer.get("/api/v1/people?limit=500"), 400);

  const read = await viewer.get(`/api/v1/people/${person.personId}`);
  expect(read.status()).toBe(200);
  expect(await record("people.get", read)).toMatchObject({
    id: person.personId,
    positions: ["Phó Giám đốc"],
    invitations: [{ id: person.id, eventId, eventTitle: `Hội nghị danh bạ API ${id}`, role: "guest", status: "not_sent", withdrawnAt: null }],
  });
  // The viewer is on no team of the person's events: no contact details; the event's organizer sees them.
  expect(await (await viewer.get(`/api/v1/people/${person.personId}`)).json()).not.toHaveProperty("email");
  expect(await (await organizer.get(`/api/v1/people/${person.personId}`)).json()).toMatchObject({ email: `thu-${id}@example.vn` });
  await expectError(await viewer.get(`/api/v1/people/${crypto.randomUUID()}`), 404);

  const patched = await organizer.patch(`/api/v1/people/${person.personId}`, {
    data: { positions: ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"], honorific: "bà", language: "en" },
  });
  expect(patched.status()).toBe(200);
  expect(await record("people.patch", patched)).toMatchObject({
    honorific: "bà",
    positions: ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"],
    language: "en",
    email: `thu-${id}@example.vn`,
  });
  // Every event's invitation shows the person's new details.
  expect(await (await viewer.get(`/api/v1/events/${eventId}/invitations/${person.id}`)).json()).toMatchObject({
    honorific: "bà",
    positions: ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"],
  });
  const invalid = await expectError(
    await organizer.patch(`/api/v1/people/${person.personId}`, { data: { name: "", language: "fr", role: "guest" } }),
    422,
  );
  expect(invalid.error.fields).toEqual({ name: "This field is required.", language: "Please choose one of the options.", role: "Unknown field." });
  // Only those who manage an event the person is invited to (and admins) may change them.
  await expectError(await viewer.patch(`/api/v1/people/${person.personId}`, { data: { honorific: "ông" } }), 403);
  await expectError(await communications.patch(`/api/v1/people/${person.personId}`, { data: { honorific: "ông" } }), 403);
  expect((await (await api("admin")).patch(`/api/v1/people/${person.personId}`, { data: { phone: "0227 3831 234" } })).status()).toBe(200);
});

test("organizations: PATCH corrects a typo everywhere; DELETE is refused with 409 naming where it is used", async ({ api }) => {
  const organizer = await api("organizer");
  const id = suffix();
  const create = async (nameVi: string, extra: Record<string, unknown> = {}) => {
    const response = await organizer.post("/api/v1/organizations", { data: { nameVi, ...extra } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; nameVi: string; parentId: string | null };
  };
  const typo = await create(`Sở Giáo dục và Đào tọa ${id}`);
  const parent = await create(`Ủy ban nhân dân tỉnh ${id}`);
  const eventId = await createEvent(organizer, `Lễ ký kết sửa tên ${id}`, {
    hostOrganizationId: typo.id,
    documents: [{ kind: "programme", title: "Chương trình phối hợp", partyIds: [typo.id] }],
  });

  const patched = await organizer.patch(`/api/v1/organizations/${typo.id}`, {
    data: { nameVi: `Sở Giáo dục và Đào tạo ${id}`, shortName: "Sở GD&ĐT", parentId: parent.id },
  });
  expect(patched.status()).toBe(200);
  expect(await record("organizations.patch", patched)).toEqual({
    id: typo.id,
    nameVi: `Sở Giáo dục và Đào tạo ${id}`,
    nameEn: null,
    shortName: "Sở GD&ĐT",
    parentId: parent.id,
  });
  const read = await organizer.get(`/api/v1/organizations/${typo.id}`);
  expect(read.status()).toBe(200);
  expect(await record("organizations.get", read)).toMatchObject({ nameVi: `Sở Giáo dục và Đào tạo ${id}` });
  expect(((await (await organizer.get(`/api/v1/events/${eventId}`)).json()) as { hostOrganizationId: string }).hostOrganizationId).toBe(typo.id);

  expect((await expectError(await organizer.patch(`/api/v1/organizations/${typo.id}`, { data: { nameVi: parent.nameVi.toUpperCase() } }), 409)).error.fields).toEqual({
    nameVi: "An organization with this name already exists.",
  });
  expect((await expectError(await organizer.patch(`/api/v1/organizations/${parent.id}`, { data: { parentId: typo.id } }), 422)).error.fields).toEqual({
    parentId: "An organization below this one cannot be its parent.",
  });
  expect((await expectError(await organizer.patch(`/api/v1/organizations/${typo.id}`, { data: { nameVi: "", name: "x" } }), 422)).error.fields).toEqual({
    nameVi: "This field is required.",
    name: "Unknown field.",
  });
  await expectError(await organizer.patch(`/api/v1/organizations/${crypto.randomUUID()}`, { data: {} }), 404);
  await expectError(await (await api("viewer")).patch(`/api/v1/organizations/${typo.id}`, { data: { shortName: "x" } }), 403);

  const refused = await organizer.delete(`/api/v1/organizations/${typo.id}`);
  expect(refused.status()).toBe(409);
  const body = await record<ErrorJson & { usedBy: Record<string, unknown> }>("organizations.delete.inUse", refused);
  expect(body.error.message).toBe(
    `The organization is in use and was not deleted: host of 1 event (“Lễ ký kết sửa tên ${id}”); signing party to a document of 1 event (“Lễ ký kết sửa tên ${id}”).`,
  );
  expect(body.usedBy).toMatchObject({ host: { total: 1, events: [{ id: eventId }] }, partner: { total: 0 }, agreementParty: { total: 1 }, people: 0 });
  const parentRefused = await expectError(await organizer.delete(`/api/v1/organizations/${parent.id}`), 409);
  expect(parentRefused.error.message).toContain(`parent of 1 organization (“Sở Giáo dục và Đào tạo ${id}”)`);

  const unused = await create(`Hội Cựu giáo chức ${id}`);
  await expectError(await (await api("viewer")).delete(`/api/v1/organizations/${unused.id}`), 403);
  const deleted = await organizer.delete(`/api/v1/organizations/${unused.id}`);
  expect(deleted.status()).toBe(204);
  await expectError(await organizer.get(`/api/v1/organizations/${unused.id}`), 404);
  await expectError(await organizer.delete(`/api/v1/organizations/${unused.id}`), 404);
});

test("odd input anywhere in these routes is a JSON 4xx, never a 500", async ({ api }) => {
  const organizer = await api("organizer");
  const id = suffix();
  const eventId = await createEvent(organizer, `Hội nghị dữ liệu lạ ${id}`);
  const one = await invite(organizer, eventId, { name: `Khách ${id}`, email: `khach-${id}@example.vn` });
  const base = `/api/v1/events/${eventId}/invitations`;
  const json = { "Content-Type": "application/json" };
  const cases: [string, () => Promise<APIResponse>, number][] = [
    ["name as a number", () => organizer.post(base, { data: { name: 42 } }), 422],
    ["positions with a number", () => organizer.post(base, { data: { name: "A", positions: [1] } }), 422],
    ["a control character", () => organizer.post(base, { data: { name: "A\u0007B" } }), 422],
    ["plusOnes as text", () => organizer.patch(`${base}/${one.id}`, { data: { plusOnes: "hai" } }), 422],
    ["email as an object", () => organizer.patch(`${base}/${one.id}`, { data: { email: { a: 1 } } }), 422],
    ["role null", () => organizer.patch(`${base}/${one.id}`, { data: { role: null } }), 422],
    ["a JSON string body", () => organizer.patch(`${base}/${one.id}`, { data: '"x"', headers: json }), 400],
    ["q with LIKE and regex characters", () => organizer.get(`${base}?q=${encodeURIComponent("%_\\[(*")}`), 200],
    ["limit as text", () => organizer.get(`${base}?limit=abc`), 400],
    ["an unknown event", () => organizer.get(`/api/v1/events/${crypto.randomUUID()}/invitations`), 404],
    ["an event id that is not a UUID", () => organizer.post(`/api/v1/events/x/invitations`, { data: { name: "A" } }), 404],
    ["PUT on the list", () => organizer.put(base, { data: {} }), 405],
    ["an unterminated CSV quote", () => organizer.post(`${base}/import`, { data: 'Họ và tên\n"Nguyễn Văn', headers: { "Content-Type": "text/csv" } }), 200],
    ["a code that is too long", () => organizer.post(`/api/v1/events/${eventId}/check-ins`, { data: { code: "x".repeat(600) } }), 422],
    ["check-in with a number", () => organizer.post(`/api/v1/events/${eventId}/check-ins`, { data: { invitationId: 7 } }), 422],
    ["send ids not an array", () => organizer.post(`${base}/send`, { data: { ids: "all" } }), 422],
    ["a person id that is not a UUID", () => organizer.get("/api/v1/people/abc"), 404],
    ["people cursor forged", () => organizer.get("/api/v1/people?cursor=WyJvIiwtMV0"), 400],
    ["parentId not a UUID", () => organizer.patch(`/api/v1/organizations/${crypto.randomUUID()}`, { data: { parentId: "x" } }), 404],
    ["organization id not a UUID", () => organizer.delete("/api/v1/organizations/abc"), 404],
  ];
  for (const [label, call, status] of cases) {
    const response = await call();
    const text = await response.text();
    expect(response.status(), `${label}: ${text}`).toBe(status);
    expect(response.headers()["content-type"], label).toMatch(/^application\/json/);
    expect(text, label).not.toMatch(/<html|\n\s+at /i);
  }
  // The invitation is as it was.
  expect(await (await organizer.get(`${base}/${one.id}`)).json()).toMatchObject({ name: `Khách ${id}`, plusOnes: 0, role: "guest" });
});
