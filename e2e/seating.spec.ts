import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// A long name with a long rank before it, and one "word" longer than a card is wide: both must wrap.
const LONG_NAME = "Tôn Nữ Thị Huyền Trang Công Tằng Tôn Nữ Diệu Huyền Bảo Châu Ngọc Khánh";
const LONG_WORD = "Nguyễn-Lê-Trần-Phạm-Hoàng-Huỳnh-Phan-Vũ-Võ-Đặng-Bùi-Đỗ-Hồ-Ngô-Dương-Lý";

async function organizationIds(api: APIRequestContext) {
  const response = await api.get("/api/v1/organizations");
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { id: string; nameVi: string }[] };
  const byName = (name: string) => data.find((o) => o.nameVi === name)!.id;
  return { tuyenGiao: byName("Ban Tuyên giáo Tỉnh ủy"), giaoDuc: byName("Sở Giáo dục và Đào tạo") };
}

async function signingCeremony(api: APIRequestContext, title: string) {
  const orgs = await organizationIds(api);
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-06-01T14:00:00+07:00",
      endsAt: "2031-06-01T16:00:00+07:00",
      hostOrganizationId: orgs.tuyenGiao,
      partnerOrganizationIds: [orgs.giaoDuc],
      documents: [{ title: `Chương trình phối hợp ${title}`, partyIds: [orgs.tuyenGiao, orgs.giaoDuc], originals: 4 }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const event = (await response.json()) as { id: string };
  const add = async (body: Record<string, unknown>) => {
    const r = await api.post(`/api/v1/events/${event.id}/dignitaries`, { data: body });
    expect(r.status(), await r.text()).toBe(201);
    return (await r.json()) as { id: string; side: string | null; shortAddress: string };
  };
  const chuyen = await add({
    honorific: "đồng chí",
    name: "Nguyễn Hồng Chuyên",
    positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
    organization: "Ban Tuyên giáo Tỉnh ủy",
  });
  const bi = await add({ honorific: "đồng chí", name: "Ngô Đức Bí", positions: ["Bí thư Tỉnh ủy"], organization: "Tỉnh ủy Thái Bình" });
  const giamDoc = await add({ honorific: "ông", name: "Phạm Văn Giám", positions: ["Giám đốc Sở Giáo dục và Đào tạo"], organization: "Sở Giáo dục và Đào tạo" });
  const pho = await add({ honorific: "bà", name: "Lê Thị Phó", positions: ["Phó Trưởng ban Tuyên giáo Tỉnh ủy"], organization: "Ban Tuyên giáo Tỉnh ủy" });
  const long = await add({ honorific: "PGS.TS.", name: LONG_NAME, positions: ["Cố vấn khoa học danh dự của Hội đồng tư vấn"] });
  const word = await add({ honorific: "ông", name: LONG_WORD, positions: [] });
  return { event, chuyen, bi, giamDoc, pho, long, word };
}

// Tall enough that a drag from the list to the guest rows needs no scrolling.
test.use({ viewport: { width: 1280, height: 1500 } });

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

test("an organizer proposes the seating from precedence, sees a conflict when seating someone twice, and prints place cards that do not overflow", async ({
  loginAs,
  api,
}) => {
  const organizer = await api("organizer");
  const { event, chuyen, giamDoc } = await signingCeremony(organizer, `Lễ ký kết xếp chỗ ${suffix()}`);
  // The side follows the organization: the host's people are "host", the partner's "guest".
  expect([chuyen.side, giamDoc.side]).toEqual(["host", "guest"]);
  const page = await loginAs("organizer");
  const errors = watchConsole(page);
  await page.goto(`/events/${event.id}/seating`);
  await expect(page.getByText("Chưa có bàn, hàng ghế nào.")).toBeVisible();
  await page.getByRole("button", { name: "Tạo bố trí thường dùng" }).click();
  await expect(page.getByTestId("seating-table")).toHaveCount(4);

  // The signing arrangements: the head of each party signs; by default the guest stands at the host's right.
  await page.getByLabel("Người ký: Ban Tuyên giáo Tỉnh ủy").selectOption({ label: "2. Đồng chí Nguyễn Hồng Chuyên" });
  await page.getByLabel("Người ký: Sở Giáo dục và Đào tạo").selectOption({ label: "3. Ông Phạm Văn Giám" });
  await page.getByRole("button", { name: "Lưu thông tin ký kết" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã lưu thông tin ký kết.");

  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByRole("status").first()).toContainText("Đã xếp chỗ theo thứ tự lễ tân.");
  await expect(page.getByTestId("conflicts")).toHaveText("Không có xung đột.");

  const presidium = page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Đoàn chủ tịch" }) });
  // Five seats, centre-out, number 2 on the table's right (the audience's left): [4, 2, 1, 3, 5].
  const presidiumSeats = presidium.getByTestId("seat");
  await expect(presidiumSeats.nth(2)).toContainText("Đồng chí Ngô Đức Bí");
  await expect(presidiumSeats.nth(2)).toContainText("thứ 1");
  await expect(presidiumSeats.nth(1)).toContainText("Đồng chí Nguyễn Hồng Chuyên");
  await expect(presidiumSeats.nth(3)).toContainText("Ông Phạm Văn Giám");
  const signing = page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Bàn ký" }) });
  // The row behind is drawn above the two signing seats; the guest at the host's own right, the audience's left.
  const signers = signing.locator(".seat.signer");
  await expect(signers.nth(0)).toContainText("Ông Phạm Văn Giám");
  await expect(signers.nth(0)).toContainText("thay mặt Sở GD&ĐT");
  await expect(signers.nth(1)).toContainText("Đồng chí Nguyễn Hồng Chuyên");
  await expect(signers.nth(1)).toContainText("thay mặt Ban Tuyên giáo");
  await expect(signing).toContainText("Bà Lê Thị Phó");

  // With the keyboard: choose the Bí thư in the list, then an empty seat in the first guest row.
  const row1 = page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Hàng ghế 1" }) });
  await page.getByTestId("person").filter({ hasText: "Đồng chí Ngô Đức Bí" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Đã chọn Đồng chí Ngô Đức Bí. Hãy chọn một ghế.")).toBeVisible();
  const target = row1.getByRole("button", { name: "Xếp Đồng chí Ngô Đức Bí vào Hàng ghế 1, ghế 10" });
  await target.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("conflicts")).toContainText(
    "Đồng chí Ngô Đức Bí được xếp nhiều chỗ: Đoàn chủ tịch, ghế 3; Hàng ghế 1, ghế 10.",
  );
  await expect(row1.getByTestId("seat").nth(9)).toHaveClass(/conflict/);
  // Clearing the extra seat resolves it.
  await row1.getByRole("button", { name: "Bỏ trống Hàng ghế 1, ghế 10" }).click();
  await expect(page.getByTestId("conflicts")).toHaveText("Không có xung đột.");
  // Drag and drop: Bà Lê Thị Phó from the list onto seat 1 of the first row adds a seat (she now sits twice) …
  await page.getByTestId("person").filter({ hasText: "Bà Lê Thị Phó" }).dragTo(row1.getByTestId("seat").nth(0));
  await expect(page.getByTestId("conflicts")).toContainText("Bà Lê Thị Phó được xếp nhiều chỗ: Đoàn chủ tịch, ghế 1; Hàng ghế 1, ghế 1.");
  // … and from that seat onto the next one moves her.
  await row1.getByTestId("seat").nth(0).dragTo(row1.getByTestId("seat").nth(1));
  await expect(page.getByTestId("conflicts")).toContainText("Bà Lê Thị Phó được xếp nhiều chỗ: Đoàn chủ tịch, ghế 1; Hàng ghế 1, ghế 2.");
  await row1.getByRole("button", { name: "Bỏ trống Hàng ghế 1, ghế 2" }).click();
  await expect(page.getByTestId("conflicts")).toHaveText("Không có xung đột.");

  // The seating chart on A4 landscape.
  await page.getByRole("link", { name: "In sơ đồ (A4)" }).click();
  await expect(page.getByTestId("print-sheet")).toContainText("Sơ đồ chỗ ngồi");
  await expect(page.getByTestId("print-sheet")).toContainText("Đồng chí Ngô Đức Bí");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: test.info().outputPath("seating-chart.pdf"), preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: "screen" });

  // Place cards: one per dignitary, in precedence order, short form, diacritics intact, nothing overflowing.
  await page.goto(`/events/${event.id}/seating/cards`);
  const names = page.getByTestId("card-name");
  await expect(names).toHaveCount(6);
  await expect(names.nth(0)).toHaveText("Đồng chí Ngô Đức Bí");
  await expect(names.nth(1)).toHaveText("Đồng chí Nguyễn Hồng Chuyên");
  await expect(page.getByTestId("card-sheet")).toHaveCount(3);
  await expect(names.filter({ hasText: LONG_NAME })).toHaveText(`PGS.TS. ${LONG_NAME}`);
  for (const media of ["screen", "print"] as const) {
    await page.emulateMedia({ media });
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".card-name, .card-face")]
        .filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight)
        .map((el) => `${el.className}: ${el.textContent} (${el.scrollWidth}/${el.clientWidth}, ${el.scrollHeight}/${el.clientHeight})`),
    );
    expect(overflow, media).toEqual([]);
  }
  await page.screenshot({ path: test.info().outputPath("place-cards.png"), fullPage: true });
  await page.pdf({ path: test.info().outputPath("place-cards.pdf"), preferCSSPageSize: true, printBackground: true });
  expect(errors).toEqual([]);
});

test("more dignitaries than seats is shown as a conflict, not refused; the seating API shows the plan", async ({ loginAs, api }) => {
  const organizer = await api("organizer");
  const { event } = await signingCeremony(organizer, `Lễ ký kết thiếu ghế ${suffix()}`);
  const page = await loginAs("organizer");
  await page.goto(`/events/${event.id}/seating`);
  // A presidium of 3 for 6 dignitaries, added with the table form.
  await page.getByLabel("Tên", { exact: true }).last().fill("Đoàn chủ tịch nhỏ");
  await page.getByLabel("Loại", { exact: true }).last().selectOption("presidium");
  await page.getByLabel("Số ghế").last().fill("3");
  await page.getByRole("button", { name: "Thêm bàn, hàng ghế" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã thêm Đoàn chủ tịch nhỏ.");
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByRole("status").first()).toContainText("3 đại biểu chưa có chỗ");
  await expect(page.getByTestId("conflicts")).toContainText("6 đại biểu nhưng đoàn chủ tịch và các hàng ghế chỉ có 3 ghế.");

  // A bad seat count is a message on the field, not an error page.
  await page.getByLabel("Số ghế").last().fill("0");
  await page.getByRole("button", { name: "Thêm bàn, hàng ghế" }).click();
  await expect(page.getByText("Số ghế phải từ 1 đến 200.")).toBeVisible();

  const response = await organizer.get(`/api/v1/events/${event.id}/seating`);
  expect(response.status()).toBe(200);
  const seating = (await response.json()) as {
    tables: { name: string; kind: string; seats: { index: number; rank: number; name: string | null; dignitaryId: string | null }[] }[];
    conflicts: { kind: string; message: string }[];
    signing: { originals: number; hostSide: string; parties: { name: string; isHost: boolean }[] };
    unseated: string[];
  };
  expect(seating.tables).toHaveLength(1);
  expect(seating.tables[0]!.seats.map((s) => [s.index, s.rank, s.name])).toEqual([
    [0, 2, "Đồng chí Nguyễn Hồng Chuyên"],
    [1, 1, "Đồng chí Ngô Đức Bí"],
    [2, 3, "Ông Phạm Văn Giám"],
  ]);
  // The three without a seat are counted and named.
  expect(seating.unseated).toHaveLength(3);
  expect(seating.conflicts).toEqual([
    { kind: "notEnoughSeats", people: 6, seats: 3, message: "6 dignitaries, but the presidium and rows have only 3 seats." },
    { kind: "unseated", personIds: seating.unseated, message: expect.stringMatching(/^3 attending without a seat: /) },
  ]);
  expect(seating.signing).toMatchObject({ originals: 4, hostSide: "left" });
  expect(seating.signing.parties.map((p) => [p.name, p.isHost])).toEqual([
    ["Ban Tuyên giáo Tỉnh ủy", true],
    ["Sở Giáo dục và Đào tạo", false],
  ]);
  const viewer = await api("viewer");
  expect((await viewer.get(`/api/v1/events/${event.id}/seating`)).status()).toBe(200);
  expect((await viewer.post(`/api/v1/events/${event.id}/seating`, { data: {} })).status()).toBe(405);
});

test("a withdrawn dignitary leaves the plan: a notice names them until one click proposes it again", async ({ loginAs, api }) => {
  const organizer = await api("organizer");
  const { event } = await signingCeremony(organizer, `Lễ ký kết rút lời mời ${suffix()}`);
  const page = await loginAs("organizer");
  const errors = watchConsole(page);
  await page.goto(`/events/${event.id}/seating`);
  await page.getByLabel("Tên", { exact: true }).last().fill("Đoàn chủ tịch");
  await page.getByLabel("Loại", { exact: true }).last().selectOption("presidium");
  await page.getByLabel("Số ghế").last().fill("3");
  await page.getByRole("button", { name: "Thêm bàn, hàng ghế" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã thêm Đoàn chủ tịch.");
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByRole("status").first()).toContainText("3 đại biểu chưa có chỗ");
  await expect(page.getByTestId("unavailable-seated")).toHaveCount(0);

  // The Party secretary (first in precedence, in the centre seat) is withdrawn from the guest list.
  await page.goto(`/events/${event.id}/attendees`);
  await page.getByRole("link", { name: "Sửa: Ngô Đức Bí" }).click();
  await page.getByRole("link", { name: "Rút lời mời", exact: true }).click();
  await page.getByRole("button", { name: "Xác nhận: Rút lời mời" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã rút lời mời của Ngô Đức Bí.");

  await page.goto(`/events/${event.id}/seating`);
  const notice = page.getByTestId("unavailable-seated");
  await expect(notice).toContainText("1 người đã từ chối hoặc được rút lời mời vẫn còn giữ chỗ:");
  await expect(notice).toContainText("Ngô Đức Bí");
  await expect(page.getByTestId("conflicts")).toContainText("Ngô Đức Bí đã được rút lời mời nhưng vẫn được xếp chỗ");
  await page.screenshot({ path: "/tmp/b-seating-withdrawn.png", fullPage: true });
  await notice.getByRole("button", { name: "Đề xuất lại sơ đồ (giải phóng các chỗ này)" }).click();
  await expect(page.getByTestId("unavailable-seated")).toHaveCount(0);
  await expect(page.getByTestId("conflicts")).not.toContainText("Ngô Đức Bí");
  // The others move up; those still without a seat are counted and named.
  await expect(page.getByTestId("conflicts")).toContainText("2 người tham dự chưa có chỗ ngồi:");
  await page.screenshot({ path: "/tmp/b-seating-reproposed.png", fullPage: true });
  const seating = (await (await organizer.get(`/api/v1/events/${event.id}/seating`)).json()) as {
    tables: { seats: { name: string | null }[] }[];
    unavailableSeated: unknown[];
  };
  expect(seating.tables[0]!.seats.map((s) => s.name)).not.toContain("Đồng chí Ngô Đức Bí");
  expect(seating.unavailableSeated).toEqual([]);

  // Place cards carry the delegation and the ceremony roles under the name.
  const { chuyen } = await (async () => {
    const list = (await (await organizer.get(`/api/v1/events/${event.id}/dignitaries`)).json()) as { data: { id: string; name: string }[] };
    return { chuyen: list.data.find((d) => d.name === "Nguyễn Hồng Chuyên")! };
  })();
  const put = await organizer.put(`/api/v1/events/${event.id}/ceremony/people/${chuyen.id}`, { data: { roles: [{ kind: "chair" }, { kind: "speaker" }] } });
  expect(put.status(), await put.text()).toBe(200);
  await page.goto(`/events/${event.id}/seating/cards`);
  const card = page.getByTestId("place-card").filter({ hasText: "Đồng chí Nguyễn Hồng Chuyên" });
  await expect(card.getByTestId("card-detail")).toHaveText("Ban Tuyên giáo Tỉnh ủy · Chủ trì · Phát biểu");
  await page.screenshot({ path: "/tmp/b-cards.png", fullPage: false });
  expect(errors).toEqual([]);
});

test("without JavaScript, the signing panel saves a document's signatories and shows a refusal in place", async ({ browser, accounts, api, clientIp }) => {
  const organizer = await api("organizer");
  const title = `Lễ ký kết không JS ${suffix()}`;
  const { event } = await signingCeremony(organizer, title);
  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(accounts.organizer.email);
  await page.getByLabel("Mật khẩu").fill(accounts.organizer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events/);
  await page.goto(`/events/${event.id}/seating`);
  const panel = page.getByRole("region", { name: `Ký kết: Chương trình phối hợp ${title}` });
  // Each party is offered its own people and those on no side: the host's Chuyên is not offered to the Sở.
  await expect(panel.getByLabel("Người ký: Sở Giáo dục và Đào tạo").locator("option", { hasText: "Nguyễn Hồng Chuyên" })).toHaveCount(0);
  // The same person for both parties: refused in place, the choices kept.
  await panel.getByLabel("Người ký: Ban Tuyên giáo Tỉnh ủy").selectOption({ label: "1. Đồng chí Ngô Đức Bí" });
  await panel.getByLabel("Người ký: Sở Giáo dục và Đào tạo").selectOption({ label: "1. Đồng chí Ngô Đức Bí" });
  await panel.getByRole("button", { name: "Lưu thông tin ký kết" }).click();
  await expect(panel.locator(".field-error")).toHaveText(["Một người không thể ký cho hai bên."]);
  await expect(panel.getByLabel("Người ký: Sở Giáo dục và Đào tạo").locator("option:checked")).toHaveText("1. Đồng chí Ngô Đức Bí");
  await panel.getByLabel("Người ký: Ban Tuyên giáo Tỉnh ủy").selectOption({ label: "2. Đồng chí Nguyễn Hồng Chuyên" });
  await panel.getByLabel("Người ký: Sở Giáo dục và Đào tạo").selectOption({ label: "3. Ông Phạm Văn Giám" });
  await panel.getByRole("button", { name: "Lưu thông tin ký kết" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã lưu thông tin ký kết.");
  await expect(panel.getByLabel("Người ký: Ban Tuyên giáo Tỉnh ủy").locator("option:checked")).toHaveText("2. Đồng chí Nguyễn Hồng Chuyên");
  await expect(panel.getByLabel("Người ký: Sở Giáo dục và Đào tạo").locator("option:checked")).toHaveText("3. Ông Phạm Văn Giám");
  // The ceremony page reads the same signatory roles.
  await page.goto(`/events/${event.id}/ceremony`);
  await expect(page.getByRole("form", { name: "Thay mặt Sở Giáo dục và Đào tạo" }).getByLabel(/Phạm Văn Giám/)).toBeChecked();
  await context.close();
});
