import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// Tests run in parallel against one server: every event carries a suffix no other test uses.
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const CHUYEN_POSITIONS = ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"];
const CHUYEN_FULL = "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy";

interface DignitaryJson {
  id: string;
  invitationId: string;
  name: string;
  positions: string[];
  precedence: number;
  proposedPrecedence: number;
  fullAddress: string;
  shortAddress: string;
  englishAddress: string;
  reason: { kind: string; position: string | null; rank: number | null; text: string };
}
interface ListJson {
  data: DignitaryJson[];
  version: string;
  manual: boolean;
}

async function createEvent(api: APIRequestContext, title: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-05-01T09:00:00+07:00",
      endsAt: "2031-05-01T11:00:00+07:00",
      documents: [{ title: `Chương trình phối hợp ${title}` }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

async function addDignitary(api: APIRequestContext, eventId: string, body: Record<string, unknown>): Promise<DignitaryJson> {
  const response = await api.post(`/api/v1/events/${eventId}/dignitaries`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as DignitaryJson;
}

async function list(api: APIRequestContext, eventId: string): Promise<ListJson> {
  const response = await api.get(`/api/v1/events/${eventId}/dignitaries`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ListJson;
}

/** A JSON error in the API's format (never HTML, never a stack trace). */
async function expectError(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<!DOCTYPE|\n\s+at /i);
  return (JSON.parse(text) as { error: { code: string; message: string; fields: Record<string, string> } }).error;
}

/** Fails the test on any browser console error or uncaught exception. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

const rows = (page: Page) => page.getByTestId("dignitary-row");

test("an organizer adds two dignitaries, sees the Bí thư first with reasons, moves one with the keyboard, and prints the list", async ({
  loginAs,
  api,
}) => {
  const id = suffix();
  const event = await createEvent(await api("organizer"), `Lễ ký kết đại biểu ${id}`);
  const page = await loginAs("organizer");
  const errors = watchConsole(page);
  await page.goto(`/events/${event.id}/dignitaries`);
  await expect(page.getByText("Chưa có đại biểu nào.", { exact: false })).toBeVisible();

  // Comrade Nguyễn Hồng Chuyên, with both positions, one per line.
  await page.getByRole("link", { name: "Thêm đại biểu" }).click();
  await expect(page).toHaveURL(/\/dignitaries\/new$/);
  await page.getByLabel(/^Danh xưng/).fill("đồng chí");
  await page.getByLabel("Họ và tên").fill("Nguyễn Hồng Chuyên");
  await page.getByLabel(/^Chức vụ/).fill(CHUYEN_POSITIONS.join("\n"));
  await page.getByLabel(/^Cơ quan, đơn vị/).fill("Ban Tuyên giáo Tỉnh ủy");
  await page.getByLabel(/^Đoàn/).fill("Về phía Tỉnh ủy");
  await page.getByLabel(/^Giờ đến/).fill("2031-05-01T08:30");
  // The generated forms of address follow what was typed.
  await expect(page.getByLabel(/^Đầy đủ/)).toHaveAttribute("placeholder", CHUYEN_FULL);
  await expect(page.getByLabel(/^Ngắn/)).toHaveAttribute("placeholder", "Đồng chí Nguyễn Hồng Chuyên");
  await page.getByRole("button", { name: "Thêm đại biểu" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã thêm đại biểu Nguyễn Hồng Chuyên.");

  // A Bí thư Tỉnh ủy, entered second, is proposed first.
  await page.getByRole("link", { name: "Thêm đại biểu" }).click();
  await page.getByLabel(/^Danh xưng/).fill("đồng chí");
  await page.getByLabel("Họ và tên").fill(`Ngô Đức Bí ${id}`);
  await page.getByLabel(/^Chức vụ/).fill("Bí thư Tỉnh ủy");
  await page.getByRole("button", { name: "Thêm đại biểu" }).click();
  await expect(page.getByRole("status").first()).toContainText("Đã thêm đại biểu");

  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText(`Đồng chí Ngô Đức Bí ${id}, Bí thư Tỉnh ủy`);
  await expect(rows(page).nth(0).getByTestId("reason")).toHaveText("Bí thư Tỉnh ủy — hạng 100");
  await expect(rows(page).nth(1)).toContainText(CHUYEN_FULL);
  await expect(rows(page).nth(1).getByTestId("reason")).toHaveText("Ủy viên Ban Thường vụ Tỉnh ủy — hạng 130");
  await expect(rows(page).nth(1)).toContainText("08:30");
  await expect(page.getByText("Thứ tự theo đề xuất từ bảng chức vụ.")).toBeVisible();

  // The keyboard: focus Chuyên's "up" button, press Enter, then save with the keyboard too.
  const up = page.getByRole("button", { name: "Chuyển Đồng chí Nguyễn Hồng Chuyên lên một bậc" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(rows(page).nth(0)).toContainText(CHUYEN_FULL);
  await expect(page.getByText("Thứ tự đã thay đổi nhưng chưa lưu.")).toBeVisible();
  await expect(up).toBeFocused();
  const save = page.getByRole("button", { name: "Lưu thứ tự" });
  await save.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").first()).toHaveText("Đã lưu thứ tự.");
  await page.reload();
  await expect(rows(page).nth(0)).toContainText(CHUYEN_FULL);
  await expect(rows(page).nth(0).getByTestId("reason")).toHaveText(
    "điều chỉnh thủ công (đề xuất: thứ 2) · Ủy viên Ban Thường vụ Tỉnh ủy — hạng 130",
  );
  await expect(page.getByText("Thứ tự đang theo điều chỉnh thủ công.")).toBeVisible();

  // Among equal ranks, and back to the proposal.
  await page.getByRole("button", { name: "Trở về thứ tự đề xuất" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã trở về thứ tự đề xuất.");
  await expect(rows(page).nth(0)).toContainText("Bí thư Tỉnh ủy");
  // Drag and drop does the same as the buttons: Chuyên's row onto the top half of the first row.
  await rows(page).nth(1).dragTo(rows(page).nth(0), { targetPosition: { x: 60, y: 4 } });
  await expect(rows(page).nth(0)).toContainText(CHUYEN_FULL);
  await expect(page.getByText("Thứ tự đã thay đổi nhưng chưa lưu.")).toBeVisible();
  await page.reload();
  await expect(rows(page).nth(0)).toContainText("Bí thư Tỉnh ủy");

  // The A4 list with arrival times and escorts.
  await page.getByRole("link", { name: "In danh sách (A4)" }).click();
  const sheet = page.getByTestId("print-sheet");
  await expect(sheet).toContainText("Danh sách đại biểu");
  await expect(sheet).toContainText(CHUYEN_FULL);
  await expect(sheet).toContainText("08:30");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: `Lễ ký kết đại biểu ${id}` })).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("dignitary-list-print.png"), fullPage: true });
  await page.pdf({ path: test.info().outputPath("dignitary-list.pdf"), preferCSSPageSize: true, printBackground: true });
  expect(errors).toEqual([]);
});

for (const javaScriptEnabled of [true, false]) {
  test(`bad input on the form (${javaScriptEnabled ? "with" : "without"} JavaScript): an empty name is flagged with every other error at once`, async ({
    browser,
    accounts,
    api,
    clientIp,
  }) => {
    const event = await createEvent(await api("organizer"), `Lễ ký kết lỗi ${suffix()}`);
    const context = await browser.newContext({ javaScriptEnabled, locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel(/^Email/).fill(accounts.organizer.email);
    await page.getByLabel(/^Mật khẩu/).fill(accounts.organizer.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/events/);
    await page.goto(`/events/${event.id}/dignitaries/new`);
    await page.getByLabel(/^Chức vụ/).fill("Bí thư Tỉnh ủy\nPhó\u0007 Chủ tịch");
    await page.getByLabel(/^Email/).fill("khong-phai-email");
    await page.getByRole("button", { name: "Thêm đại biểu" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary.getByRole("listitem")).toHaveText([
      "Họ và tên: Vui lòng nhập thông tin này.",
      "Chức vụ: Chức vụ ở dòng 2 chứa ký tự điều khiển; hãy gõ lại dòng này.",
      "Email: Địa chỉ email không hợp lệ.",
    ]);
    await expect(page.locator("#field-name .field-error")).toHaveText("Vui lòng nhập thông tin này.");
    await expect(page.locator("#field-positions .field-error")).toHaveText("Chức vụ ở dòng 2 chứa ký tự điều khiển; hãy gõ lại dòng này.");
    await expect(page.getByLabel(/^Email/)).toHaveValue("khong-phai-email");
    await expect(page).toHaveURL(/\/dignitaries\/new$/);
    await expect(page.getByLabel(/^Họ và tên/)).toHaveAttribute("maxlength", "200");
    await context.close();
  });
}

test("edit: the generated forms of address are shown and can be overridden; remove asks first", async ({ loginAs, api }) => {
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Lễ ký kết sửa ${suffix()}`);
  const d = await addDignitary(organizer, event.id, { honorific: "Thiếu tướng", name: "Trần Quốc Phòng", positions: ["Phó Chủ tịch UBND tỉnh"] });
  const page = await loginAs("organizer");
  await page.goto(`/events/${event.id}/dignitaries`);
  await page.getByRole("link", { name: "Thiếu tướng Trần Quốc Phòng, Phó Chủ tịch UBND tỉnh" }).click();
  await expect(page).toHaveURL(new RegExp(`/dignitaries/${d.id}$`));
  await expect(page.getByLabel(/^Ngắn/)).toHaveAttribute("placeholder", "Thiếu tướng Trần Quốc Phòng");
  await expect(page.getByLabel(/^Tiếng Anh/)).toHaveAttribute("placeholder", "Major General Trần Quốc Phòng, Vice Chairman of the Provincial People's Committee");
  await page.getByLabel(/^Tiếng Anh/).fill("Major General Tran Quoc Phong, Vice Chairman of the Provincial People's Committee");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã lưu thông tin đại biểu.");
  const saved = await organizer.get(`/api/v1/events/${event.id}/dignitaries/${d.id}`);
  expect(((await saved.json()) as DignitaryJson).englishAddress).toBe(
    "Major General Tran Quoc Phong, Vice Chairman of the Provincial People's Committee",
  );
  await page.getByRole("link", { name: "Thiếu tướng Trần Quốc Phòng, Phó Chủ tịch UBND tỉnh" }).click();
  await page.getByRole("link", { name: "Xóa khỏi danh sách đại biểu" }).click();
  await expect(page.getByText("Xóa Thiếu tướng Trần Quốc Phòng khỏi danh sách đại biểu? Lời mời vẫn được giữ.")).toBeVisible();
  await page.getByRole("button", { name: "Xác nhận: Xóa khỏi danh sách đại biểu" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã xóa Trần Quốc Phòng khỏi danh sách đại biểu.");
  await expect(rows(page)).toHaveCount(0);
});

test("contradictory precedence edits: a save made from an outdated list is refused and shows the current order", async ({ loginAs, api }) => {
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Lễ ký kết mâu thuẫn ${suffix()}`);
  const a = await addDignitary(organizer, event.id, { honorific: "ông", name: "Trần Văn An", positions: ["Giám đốc Sở Y tế"] });
  await addDignitary(organizer, event.id, { honorific: "bà", name: "Lê Thị Bình", positions: ["Phó Giám đốc Sở Y tế"] });
  const c = await addDignitary(organizer, event.id, { honorific: "ông", name: "Phạm Công", positions: ["Hiệu trưởng"] });

  const page = await loginAs("organizer");
  await page.goto(`/events/${event.id}/dignitaries`);
  await expect(rows(page).nth(0)).toContainText("Trần Văn An");
  // Someone else moves Phạm Công to the top meanwhile.
  const moved = await organizer.patch(`/api/v1/events/${event.id}/dignitaries/${c.id}`, { data: { precedence: 1 } });
  expect(moved.status()).toBe(200);
  // This person, on the list they loaded, moves Trần Văn An down and saves.
  await page.getByRole("button", { name: "Chuyển Ông Trần Văn An xuống một bậc" }).click();
  await page.getByRole("button", { name: "Lưu thứ tự" }).click();
  await expect(page.getByRole("alert")).toContainText("Chỉnh sửa thứ tự mâu thuẫn");
  await expect(rows(page).nth(0)).toContainText("Phạm Công");
  await expect(rows(page).nth(1)).toContainText("Trần Văn An");
  const after = await list(organizer, event.id);
  expect(after.data.map((d) => d.id).slice(0, 2)).toEqual([c.id, a.id]);
});

test("without JavaScript, the Up/Down buttons move a dignitary and the server saves the order", async ({ browser, accounts, api, clientIp }) => {
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Thứ tự không JS ${suffix()}`);
  const a = await addDignitary(organizer, event.id, { honorific: "ông", name: "Trần Văn An", positions: ["Giám đốc Sở Y tế"] });
  const b = await addDignitary(organizer, event.id, { honorific: "bà", name: "Lê Thị Bình", positions: ["Phó Giám đốc Sở Y tế"] });
  expect((await list(organizer, event.id)).data.map((d) => d.id)).toEqual([a.id, b.id]);

  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(accounts.organizer.email);
  await page.getByLabel("Mật khẩu").fill(accounts.organizer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events/);
  await page.goto(`/events/${event.id}/dignitaries`);
  await page.getByRole("button", { name: `Chuyển ${b.shortAddress} lên một bậc` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thứ tự." })).toBeVisible();
  const after = await list(organizer, event.id);
  expect(after.data.map((d) => d.id)).toEqual([b.id, a.id]);
  expect(after.manual).toBe(true);
  // Already first (the button says so with aria-disabled, but a click still submits): nothing moves.
  await page.getByRole("button", { name: `Chuyển ${b.shortAddress} lên một bậc` }).click({ force: true });
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thứ tự." })).toHaveCount(0);
  expect((await list(organizer, event.id)).data.map((d) => d.id)).toEqual([b.id, a.id]);
  await context.close();
});

test.describe("API: /api/v1/events/{id}/dignitaries", () => {
  test("adds, orders, places explicitly, changes and removes dignitaries", async ({ api }) => {
    const organizer = await api("organizer");
    const event = await createEvent(organizer, `Lễ ký kết API ${suffix()}`);
    const chuyen = await addDignitary(organizer, event.id, {
      honorific: "đồng chí",
      name: "Nguyễn Hồng Chuyên",
      positions: CHUYEN_POSITIONS,
      organization: "Ban Tuyên giáo Tỉnh ủy",
      delegation: "Về phía Tỉnh ủy",
    });
    expect(chuyen).toMatchObject({ precedence: 1, fullAddress: CHUYEN_FULL, shortAddress: "Đồng chí Nguyễn Hồng Chuyên", positions: CHUYEN_POSITIONS });
    expect(chuyen.englishAddress).toBe(
      "Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department of the Provincial Party Committee",
    );
    const bi = await addDignitary(organizer, event.id, { honorific: "đồng chí", name: "Ngô Đức Bí", positions: ["Bí thư Tỉnh ủy"] });
    expect(bi.precedence).toBe(1);

    const first = await list(organizer, event.id);
    expect(first.manual).toBe(false);
    expect(first.data.map((d) => [d.name, d.precedence, d.reason.kind, d.reason.rank])).toEqual([
      ["Ngô Đức Bí", 1, "rank", 100],
      ["Nguyễn Hồng Chuyên", 2, "rank", 130],
    ]);
    expect(first.data[1]!.reason.text).toBe("Ủy viên Ban Thường vụ Tỉnh ủy — rank 130");
    expect(first.data[0]!.invitationId).toMatch(/^[0-9a-f-]{36}$/);

    // An explicit precedence puts them there and moves the others down; the order is manual from then on.
    const guest = await addDignitary(organizer, event.id, { honorific: "ông", name: "John Smith", positions: ["Consul General"], precedence: 1 });
    expect(guest.precedence).toBe(1);
    const second = await list(organizer, event.id);
    expect(second.manual).toBe(true);
    expect(second.data.map((d) => d.name)).toEqual(["John Smith", "Ngô Đức Bí", "Nguyễn Hồng Chuyên"]);

    // If-Match: a change made from an outdated list is a contradictory edit (409), from the current one it applies.
    const stale = await organizer.patch(`/api/v1/events/${event.id}/dignitaries/${chuyen.id}`, {
      data: { precedence: 1 },
      headers: { "If-Match": `"${first.version}"` },
    });
    const conflict = await expectError(stale, 409);
    expect(conflict.message).toMatch(/^Contradictory precedence edits/);
    const current = await organizer.get(`/api/v1/events/${event.id}/dignitaries`);
    const patched = await organizer.patch(`/api/v1/events/${event.id}/dignitaries/${chuyen.id}`, {
      data: { precedence: 1, notes: "Phát biểu chính", addressOverrides: { short: "Trưởng ban Nguyễn Hồng Chuyên" } },
      headers: { "If-Match": current.headers().etag! },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    expect(await patched.json()).toMatchObject({ precedence: 1, shortAddress: "Trưởng ban Nguyễn Hồng Chuyên", reason: { kind: "manual" } });

    const removed = await organizer.delete(`/api/v1/events/${event.id}/dignitaries/${guest.id}`);
    expect(removed.status()).toBe(204);
    await expectError(await organizer.get(`/api/v1/events/${event.id}/dignitaries/${guest.id}`), 404);
    expect((await list(organizer, event.id)).data.map((d) => [d.name, d.precedence])).toEqual([
      ["Nguyễn Hồng Chuyên", 1],
      ["Ngô Đức Bí", 2],
    ]);

    // The same person again is a conflict.
    await expectError(
      await organizer.post(`/api/v1/events/${event.id}/dignitaries`, {
        data: { name: "Nguyễn Hồng Chuyên", organization: "Ban Tuyên giáo Tỉnh ủy", positions: [] },
      }),
      409,
    );
  });

  test("answers bad input with the JSON error format, never a 5xx", async ({ api }) => {
    const organizer = await api("organizer");
    const event = await createEvent(organizer, `Lễ ký kết API lỗi ${suffix()}`);
    const url = `/api/v1/events/${event.id}/dignitaries`;
    const empty = await expectError(await organizer.post(url, { data: { name: "  ", positions: ["Bí thư Tỉnh ủy"] } }), 422);
    expect(empty.fields.name).toBe("This field is required.");
    const control = await expectError(await organizer.post(url, { data: { name: "A", positions: ["Bí thư", "Phó\u0007Chủ tịch"] } }), 422);
    expect(control.fields.positions).toBe("The position on line 2 contains a control character; retype that line.");
    // NUL and lone surrogates: the text rule of the JSON reader (docs/decisions/024-bad-input.md), by dotted path.
    const nul = await expectError(await organizer.post(url, { data: { name: "A", positions: ["Bí thư", "Phó\u0000Chủ tịch"] } }), 422);
    expect(nul.fields["positions.1"]).toMatch(/NUL character/);
    const notArray = await expectError(await organizer.post(url, { data: { name: "A", positions: "Bí thư Tỉnh ủy" } }), 422);
    expect(notArray.fields.positions).toBe("positions must be an array of strings.");
    const unknown = await expectError(await organizer.post(url, { data: { name: "A", rank: 1 } }), 422);
    expect(unknown.fields.rank).toBe("Unknown field.");
    const range = await expectError(await organizer.post(url, { data: { name: "A", precedence: 5 } }), 422);
    expect(range.fields.precedence).toBe("precedence must be between 1 and 1.");
    const long = await expectError(await organizer.post(url, { data: { name: "Nguyễn ".repeat(40) } }), 422);
    expect(long.fields.name).toBe("Must be at most 200 characters.");
    await expectError(await organizer.post(url, { data: { name: "A" }, headers: { "If-Match": '"nope"' } }), 400);
    await expectError(await organizer.post(url, { data: "not json", headers: { "Content-Type": "application/json" } }), 400);

    await expectError(await organizer.get(`${url}/not-a-uuid`), 404);
    await expectError(await organizer.patch(`${url}/00000000-0000-4000-8000-000000000000`, { data: { notes: "x" } }), 404);
    await expectError(await organizer.get(`/api/v1/events/00000000-0000-4000-8000-000000000000/dignitaries`), 404);

    const viewer = await api("viewer");
    expect((await viewer.get(url)).status()).toBe(200);
    await expectError(await viewer.post(url, { data: { name: "A" } }), 403);
    await expectError(await organizer.put(url, { data: {} }), 405);
  });
});
