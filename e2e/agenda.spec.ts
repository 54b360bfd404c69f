import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { test, expect, seedEventId } from "./fixtures";

// Tests run in parallel against one server: every title carries a suffix no other test uses. Events are dated
// before the seed ceremony (19/10/2017) so that lists whose first page is the seed stay as other specs expect.
function unique(label: string) {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

interface ItemJson {
  id: string;
  position: number;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  title: string;
  kind: string;
  speakerInvitationId: string | null;
  responsibleUserId: string | null;
  place: string | null;
  notes: string | null;
  keyPoints: string[];
  issues: { kind: string; withId?: string }[];
  version: string;
}

async function createCeremony(api: APIRequestContext, day = "2016-05-12") {
  const response = await api.post("/api/v1/events", {
    data: {
      title: unique("Lễ ký kết chương trình phối hợp"),
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: `${day}T14:00:00+07:00`,
      endsAt: `${day}T16:00:00+07:00`,
      timeZone: "Asia/Ho_Chi_Minh",
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; title: string };
}

async function expectError(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<!DOCTYPE|\n\s+at /i);
  return (JSON.parse(text) as { error: { code: string; message: string; fields: Record<string, string> } }).error;
}

const items = (page: Page) => page.getByTestId("agenda-item");
const itemNamed = (page: Page, title: string) =>
  items(page).filter({ has: page.getByTestId("item-title").getByText(title, { exact: true }) });
async function titles(page: Page) {
  return items(page).getByTestId("item-title").allTextContents();
}

test("an organizer builds the agenda from the template, and times cascade, overlaps show, the keyboard reorders", async ({
  api,
  loginAs,
}) => {
  const event = await createCeremony(await api("organizer"));
  const page = await loginAs("organizer");
  await page.goto(`/events/${event.id}/agenda`);
  await expect(page.getByText("Chương trình chưa có mục nào.")).toBeVisible();

  await page.getByRole("button", { name: "Chèn mẫu lễ ký kết" }).click();
  await expect(page.getByRole("status")).toContainText("Đã chèn mẫu lễ ký kết");
  await expect(items(page)).toHaveCount(8);
  expect(await items(page).getByTestId("item-time").allTextContents()).toEqual([
    "13:45 – 14:00",
    "14:00 – 14:05",
    "14:05 – 14:10",
    "14:10 – 14:20",
    "14:20 – 14:30",
    "14:30 – 14:45",
    "14:45 – 14:50",
    "14:50 – 14:55",
  ]);
  // The arrival of guests before the ceremony is not a problem.
  await expect(page.getByTestId("item-issues")).toHaveCount(0);

  // A longer speech: the end follows as you type, and every later item moves.
  const speech = "Phát biểu của đại diện cơ quan chủ trì";
  await page.getByRole("link", { name: `Sửa: ${speech}` }).click();
  const editForm = page.getByRole("form", { name: `Sửa mục “${speech}”` });
  await editForm.getByLabel("Thời lượng (phút)").fill("25");
  await expect(editForm.getByTestId("end-preview")).toHaveText("14:35");
  await editForm.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toContainText(`Đã lưu “${speech}”`);
  expect((await items(page).getByTestId("item-time").allTextContents()).slice(3)).toEqual([
    "14:10 – 14:35",
    "14:35 – 14:45",
    "14:45 – 15:00",
    "15:00 – 15:05",
    "15:05 – 15:10",
  ]);

  // The signing moved to start before the speech ends: both are flagged, nothing is refused.
  const signing = "Ký kết chương trình phối hợp";
  await page.getByRole("link", { name: `Sửa: ${signing}` }).click();
  const signingForm = page.getByRole("form", { name: `Sửa mục “${signing}”` });
  await signingForm.getByLabel("Bắt đầu").fill("2016-05-12T14:30");
  await signingForm.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toContainText(`Đã lưu “${signing}”`);
  await expect(itemNamed(page, signing).getByTestId("item-issues")).toHaveText(`⚠ Trùng giờ với “${speech}”`);
  await expect(itemNamed(page, speech).getByTestId("item-issues")).toHaveText(`⚠ Trùng giờ với “${signing}”`);
  await expect(page.getByTestId("agenda-issues-summary")).toContainText("2 mục cần xem lại giờ");

  // Reorder with the keyboard: the photo goes after the closing, and the keyboard stays on it.
  const photo = "Chụp ảnh lưu niệm";
  await page.getByRole("button", { name: `Chuyển xuống: ${photo}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(`Đã chuyển “${photo}” đến vị trí 8`);
  expect((await titles(page)).slice(-2)).toEqual(["Bế mạc", photo]);
  // At the bottom "down" is disabled: the focus is on "up" of the same item.
  await expect(page.getByRole("button", { name: `Chuyển lên: ${photo}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(`Đã chuyển “${photo}” đến vị trí 7`);
  expect((await titles(page)).slice(-2)).toEqual([photo, "Bế mạc"]);
  // A move lays the agenda out back to back: the overlap is gone.
  await expect(page.getByTestId("item-issues")).toHaveCount(0);

  // Drag and drop: the closing onto the top half of the photo.
  await itemNamed(page, "Bế mạc").dragTo(itemNamed(page, photo), { targetPosition: { x: 30, y: 4 } });
  await expect(page.getByRole("status")).toContainText("Đã sắp xếp lại chương trình");
  expect((await titles(page)).slice(-2)).toEqual(["Bế mạc", photo]);
  expect((await items(page).getByTestId("item-time").allTextContents()).slice(-2)).toEqual(["15:00 – 15:05", "15:05 – 15:10"]);

  // The MC script follows the agenda.
  await page.getByRole("link", { name: "Lời dẫn MC" }).click();
  const preview = page.getByTestId("mc-preview");
  await expect(preview).toContainText("Kính thưa các đồng chí lãnh đạo, các vị đại biểu!");
  await expect(preview).toContainText(/xin trân trọng giới thiệu/i);
  await expect(preview.getByRole("heading", { name: /Chào cờ, Quốc ca/ })).toBeVisible();
});

test("the MC script is edited, kept, regenerated after a confirmation, printed, and written in English", async ({ api, loginAs }) => {
  const organizer = await api("organizer");
  const event = await createCeremony(organizer, "2016-05-13");
  for (const [kind, title, minutes] of [
    ["opening", "Chào cờ, Quốc ca", 5],
    ["introduction", "Tuyên bố lý do, giới thiệu đại biểu", 5],
    ["closing", "Bế mạc", 5],
  ] as const) {
    const r = await organizer.post(`/api/v1/events/${event.id}/agenda`, { data: { kind, title, durationMinutes: minutes } });
    expect(r.status(), await r.text()).toBe(201);
  }
  const page = await loginAs("organizer");
  await page.goto(`/events/${event.id}/agenda/mc?lang=vi`);
  await expect(page.getByTestId("mc-status")).toHaveText("Bản soạn tự động từ chương trình hiện tại.");
  await expect(page.getByText(/Chưa có đại biểu nào/)).toBeVisible();
  const text = page.getByRole("textbox", { name: "Lời dẫn" });
  await expect(text).toHaveValue(/^14:00 – 14:05 {2}Chào cờ, Quốc ca\nKính thưa các đồng chí lãnh đạo, các vị đại biểu!/);

  await text.fill("14:00 – 14:05  Chào cờ, Quốc ca\nKính thưa quý vị đại biểu!\n\nLời cảm ơn riêng của Ban tổ chức.");
  await page.getByRole("button", { name: "Lưu bản sửa" }).click();
  await expect(page.getByRole("status")).toContainText("Đã lưu lời dẫn.");
  await expect(page.getByTestId("mc-status")).toContainText("Bản đã sửa");
  await expect(page.getByTestId("mc-preview")).toContainText("Lời cảm ơn riêng của Ban tổ chức.");

  // The English script is separate, still generated.
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.getByTestId("mc-preview")).toContainText("Distinguished leaders and guests,");
  await expect(page.getByTestId("mc-status")).toHaveText("Bản soạn tự động từ chương trình hiện tại.");

  // Print view of the edited Vietnamese text: A4, large type, only the script.
  await page.getByRole("link", { name: "Tiếng Việt" }).click();
  await expect(page).toHaveURL(/lang=vi/);
  await expect(page.getByTestId("mc-status")).toContainText("Bản đã sửa");
  await page.getByRole("link", { name: "Bản in (A4)" }).click();
  await expect(page).toHaveURL(/\/agenda\/mc\/print\?lang=vi/);
  const sheet = page.getByTestId("mc-sheet");
  await expect(sheet.getByRole("heading", { level: 1 })).toHaveText(event.title);
  await expect(sheet).toContainText("Lời cảm ơn riêng của Ban tổ chức.");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "In" })).toBeHidden();
  expect(await sheet.evaluate((el) => getComputedStyle(el.querySelector(".mc-block p")!).fontSize)).toBe("21.3333px");
  await page.emulateMedia({ media: "screen" });

  // Regenerate asks first, then replaces the edited text.
  await page.getByRole("link", { name: "Quay lại lời dẫn" }).click();
  await page.getByRole("link", { name: "Soạn lại từ chương trình" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Những chỗ đã sửa sẽ mất");
  await page.getByRole("button", { name: "Xác nhận: Soạn lại từ chương trình" }).click();
  await expect(page.getByRole("status")).toContainText("Đã soạn lại lời dẫn");
  await expect(page.getByTestId("mc-preview")).not.toContainText("Lời cảm ơn riêng");
  await expect(page.getByTestId("mc-preview")).toContainText(/xin trân trọng giới thiệu/i);
});

test("wrong input in the agenda form gets a clear message in place and keeps what was typed", async ({ api, loginAs }) => {
  const event = await createCeremony(await api("organizer"), "2016-05-14");
  const page = await loginAs("organizer");
  await page.goto(`/events/${event.id}/agenda`);
  const form = page.getByRole("form", { name: "Thêm mục vào chương trình" });
  const longTitle = "Phát biểu ".repeat(25).trim();
  await form.getByLabel("Nội dung").fill(longTitle);
  await form.getByLabel("Thời lượng (phút)").fill("0");
  await form.getByRole("button", { name: "Thêm mục" }).click();
  await expect(form.getByText("Thời lượng phải là số phút nguyên, từ 1 đến 1440.")).toBeVisible();
  await expect(form.getByText("Không được dài quá 200 ký tự.")).toBeVisible();
  await expect(form.getByLabel("Nội dung")).toHaveValue(longTitle);
  await form.getByLabel("Thời lượng (phút)").fill("-5");
  await expect(form.getByText("Thời lượng phải là số phút nguyên, từ 1 đến 1440.")).toBeVisible();

  await form.getByLabel("Nội dung").fill("Tặng hoa chúc mừng");
  await form.getByLabel("Thời lượng (phút)").fill("10");
  await form.getByLabel("Loại mục").selectOption({ label: "Tặng quà, hoa" });
  await form.getByLabel("Ý chính").fill("Ý thứ nhất\nÝ thứ hai");
  await form.getByRole("button", { name: "Thêm mục" }).click();
  await expect(page.getByRole("status")).toContainText("Đã thêm “Tặng hoa chúc mừng”");
  const item = itemNamed(page, "Tặng hoa chúc mừng");
  await expect(item.getByTestId("item-time")).toHaveText("14:00 – 14:10");
  await expect(item.getByRole("listitem")).toHaveText(["Ý thứ nhất", "Ý thứ hai"]);
});

test("the demo ceremony's agenda and MC script follow the article; a viewer reads but cannot change", async ({ api, loginAs }) => {
  const viewer = await api("viewer");
  const seed = { id: await seedEventId(viewer) };
  const agenda = (await (await viewer.get(`/api/v1/events/${seed.id}/agenda`)).json()) as { data: ItemJson[] };
  const speech = agenda.data.find((i) => i.kind === "speech")!;
  expect(speech.startsAt).toBe("2017-10-19T14:45:00+07:00");
  expect(speech.keyPoints[0]).toMatch(/^khẳng định sự phối hợp giữa hai cơ quan là đòn bẩy/);
  expect(speech.keyPoints[1]).toMatch(/^đề nghị hai cơ quan sẽ phối hợp cùng nhau xây dựng bộ tiêu chí gốc/);

  const page = await loginAs("viewer");
  await page.goto(`/events/${seed.id}/agenda`);
  await expect(items(page)).toHaveCount(agenda.data.length);
  await expect(page.getByText("Bạn chỉ có quyền xem chương trình này.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Chuyển lên/ })).toHaveCount(0);
  await expect(itemNamed(page, speech.title).getByTestId("item-speaker")).toContainText("Nguyễn Hồng Chuyên");
  await page.getByRole("link", { name: "Lời dẫn MC" }).click();
  await expect(page.getByTestId("mc-preview")).toContainText("xin trân trọng kính mời đồng chí Nguyễn Hồng Chuyên");
  await expect(page.getByRole("textbox")).toHaveCount(0);
});

test("agenda API: list, add, cascade, flags, versions, bad input and deletion", async ({ api }) => {
  const organizer = await api("organizer");
  const event = await createCeremony(organizer, "2016-05-15");
  const base = `/api/v1/events/${event.id}/agenda`;

  const empty = await organizer.get(base);
  expect(empty.status()).toBe(200);
  const emptyBody = (await empty.json()) as { data: ItemJson[]; version: string; timeZone: string };
  expect(emptyBody.data).toEqual([]);
  expect(emptyBody.timeZone).toBe("Asia/Ho_Chi_Minh");
  expect(empty.headers()["etag"]).toBe(`"${emptyBody.version}"`);

  const add = async (data: Record<string, unknown>) => {
    const r = await organizer.post(base, { data });
    expect(r.status(), await r.text()).toBe(201);
    const item = (await r.json()) as ItemJson;
    expect(r.headers()["location"]).toBe(`${base}/${item.id}`);
    return item;
  };
  const opening = await add({ title: "Chào cờ, Quốc ca", kind: "opening", durationMinutes: 5 });
  expect(opening).toMatchObject({
    position: 1,
    startsAt: "2016-05-15T14:00:00+07:00",
    endsAt: "2016-05-15T14:05:00+07:00",
    durationMinutes: 5,
    keyPoints: [],
    issues: [],
    speakerInvitationId: null,
  });
  const speech = await add({
    title: "Phát biểu của lãnh đạo 🎤",
    kind: "speech",
    durationMinutes: 20,
    keyPoints: ["Khẳng định sự phối hợp", "Đề nghị xây dựng bộ tiêu chí"],
    place: "Hội trường A",
  });
  expect(speech).toMatchObject({ position: 2, startsAt: "2016-05-15T14:05:00+07:00", keyPoints: ["Khẳng định sự phối hợp", "Đề nghị xây dựng bộ tiêu chí"] });
  // Given a start that overlaps: flagged on both, not refused; past the event's end: flagged.
  const overlapping = await add({ title: "Văn nghệ", kind: "other", durationMinutes: 120, startsAt: "2016-05-15T07:10:00Z" });
  expect(overlapping.startsAt).toBe("2016-05-15T14:10:00+07:00");
  expect(overlapping.issues).toEqual(expect.arrayContaining([{ kind: "overlap", withId: speech.id }, { kind: "pastEventEnd" }]));
  const listed = (await (await organizer.get(base)).json()) as { data: ItemJson[]; version: string };
  expect(listed.data.map((i) => i.title)).toEqual(["Chào cờ, Quốc ca", "Phát biểu của lãnh đạo 🎤", "Văn nghệ"]);
  expect(listed.data[1]!.issues).toEqual([{ kind: "overlap", withId: overlapping.id }]);

  // PATCH a duration: later items cascade; the version moves on.
  const current = listed.data[0]!;
  const patched = await organizer.patch(`${base}/${current.id}`, {
    data: { durationMinutes: 15 },
    headers: { "If-Match": `"${current.version}"` },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  expect(((await patched.json()) as ItemJson).endsAt).toBe("2016-05-15T14:15:00+07:00");
  const after = (await (await organizer.get(base)).json()) as { data: ItemJson[] };
  expect(after.data.map((i) => i.startsAt.slice(11, 16))).toEqual(["14:00", "14:15", "14:35"]);
  // A change based on the old version is refused and changes nothing.
  const stale = await expectError(
    await organizer.patch(`${base}/${current.id}`, { data: { title: "Khác" }, headers: { "If-Match": `"${current.version}"` } }),
    409,
  );
  expect(stale.code).toBe("conflict");
  expect(stale.message).toMatch(/changed meanwhile/);
  // Move by position: the agenda is laid out back to back.
  const moved = await organizer.patch(`${base}/${overlapping.id}`, { data: { position: 1 } });
  expect(moved.status(), await moved.text()).toBe(200);
  expect((await moved.json()) as ItemJson).toMatchObject({ position: 1, startsAt: "2016-05-15T14:00:00+07:00" });

  // Bad input: clear messages per field, nothing saved.
  const bad = await expectError(
    await organizer.post(base, {
      data: { title: "x".repeat(201), durationMinutes: 0, kind: "dance", speakerInvitationId: "not-a-uuid", colour: "red" },
    }),
    422,
  );
  expect(bad.fields).toMatchObject({
    title: "Must be at most 200 characters.",
    durationMinutes: "The duration must be a whole number of minutes from 1 to 1440.",
    kind: expect.stringMatching(/^Unknown kind: use one of arrival, opening/),
    colour: "Unknown field.",
  });
  const negative = await expectError(await organizer.post(base, { data: { title: "x", durationMinutes: -10 } }), 422);
  expect(negative.fields.durationMinutes).toMatch(/whole number of minutes/);
  const notInvited = await expectError(
    await organizer.post(base, { data: { title: "Phát biểu", kind: "speech", durationMinutes: 10, speakerInvitationId: "00000000-0000-4000-8000-000000000000" } }),
    422,
  );
  expect(notInvited.fields).toEqual({ speakerInvitationId: "The speaker must be invited to this event: add them to the guest list first." });
  await expectError(await organizer.post(base, { data: "[]", headers: { "Content-Type": "application/json" } }), 400);
  expect(((await (await organizer.get(base)).json()) as { data: ItemJson[] }).data).toHaveLength(3);

  // Who may: a viewer reads, does not write.
  const viewer = await api("viewer");
  expect((await viewer.get(base)).status()).toBe(200);
  await expectError(await viewer.post(base, { data: { title: "x", durationMinutes: 5 } }), 403);

  // DELETE, then it is gone.
  const deleted = await organizer.delete(`${base}/${speech.id}`);
  expect(deleted.status()).toBe(204);
  await expectError(await organizer.get(`${base}/${speech.id}`), 404);
  await expectError(await organizer.delete(`${base}/${speech.id}`), 404);
  await expectError(await organizer.get(`${base}/nope`), 404);
  const methods = await expectError(await organizer.put(`${base}/${opening.id}`, { data: {} }), 405);
  expect(methods.code).toBe("method_not_allowed");
});
