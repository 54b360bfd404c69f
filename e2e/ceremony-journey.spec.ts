/**
 * Issue 9's "done when", through the UI as an organizer would do it: a three-party ceremony (the province's military
 * command hosting its police and border guard) with the province's leaders above the sides as witnesses, two
 * documents (a regulation of the three, a bilateral memorandum), a group attendance line and a date-only start;
 * then the press draft, the MC script, the seating chart and the place cards read it all.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const shots = process.env.CEREMONY_SHOTS_DIR;
async function shoot(page: Page, name: string) {
  if (!shots) return;
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

const QS = "Bộ Chỉ huy Quân sự tỉnh Thái Bình";
const CA = "Công an tỉnh Thái Bình";
const BP = "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thái Bình";

const people = [
  { honorific: "đồng chí", name: "Phạm Văn Nghiêm", positions: "Phó Bí thư Thường trực Tỉnh ủy", organization: "Tỉnh ủy Thái Bình", side: "lãnh đạo tỉnh", roles: ["Chứng kiến"] },
  { honorific: "đồng chí", name: "Lại Văn Hoàn", positions: "Phó Chủ tịch UBND tỉnh", organization: "Ủy ban nhân dân tỉnh Thái Bình", side: "lãnh đạo tỉnh", roles: ["Chứng kiến"] },
  { honorific: "Đại tá", name: "Nguyễn Văn Hùng", positions: "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", organization: QS, side: QS, roles: ["Chủ trì"] },
  { honorific: "Đại tá", name: "Lê Văn Cường", positions: "Giám đốc Công an tỉnh", organization: CA, side: CA, roles: [] },
  { honorific: "Đại tá", name: "Phạm Minh Đức", positions: "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh", organization: BP, side: BP, roles: [] },
  { honorific: "Thượng tá", name: "Trần Văn Bình", positions: "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", organization: QS, side: QS, roles: [] },
];

test.use({ actionTimeout: 10_000 });

test("an organizer builds a three-party ceremony with two documents and the outputs come out right", async ({ loginAs }) => {
  test.setTimeout(240_000);
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const page = await loginAs("organizer");
  const regulation = `Quy chế phối hợp giữa ba lực lượng giai đoạn 2026 – 2030 (${id})`;
  const memorandum = `Biên bản ghi nhớ về tuần tra chung trên biển (${id})`;

  // The event: only the date of the ceremony is known.
  await page.goto("/events/new");
  await page.getByLabel("Tên sự kiện", { exact: true }).fill(`Lễ ký kết quy chế phối hợp giữa ba lực lượng ${id}`);
  await page.getByLabel("Loại sự kiện").selectOption("signing_ceremony");
  await page.getByLabel("Thời gian đã biết").selectOption("date");
  await expect(page.getByLabel("Ngày bắt đầu")).toHaveAttribute("type", "date");
  await page.getByLabel("Ngày bắt đầu").fill("2026-03-12");
  await expect(page.getByLabel("Ngày kết thúc")).toHaveAttribute("type", "date");
  await page.getByLabel("Ngày kết thúc").fill("2026-03-12");
  await page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/).fill(QS);
  await page.getByLabel(/^Trong khuôn khổ/).first().fill("hội nghị tổng kết công tác phối hợp năm 2025");
  await page.getByRole("button", { name: "Tạo", exact: true }).click();
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("flash-notice")).toHaveText("Đã tạo sự kiện.");
  const eventPath = new URL(page.url()).pathname;
  // Only the date is known: no time of day, neither in the event's zone nor in the visitor's (New York).
  await expect(page.getByTestId("event-when")).toHaveText("Thứ 5, 12/03/2026 (chưa nêu giờ)");
  await expect(page.getByTestId("event-when-local")).toHaveCount(0);

  // The sides, on the new Ceremony tab: the leaders above them first (a wrong entry is refused in place).
  await page.getByRole("link", { name: "Nghi thức", exact: true }).click();
  await page.getByRole("link", { name: "Các bên, văn kiện", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Nghi thức: các bên và văn kiện" })).toBeVisible();
  const addSide = page.getByRole("article", { name: "Thêm bên" });
  await addSide.getByLabel("Loại").selectOption("host");
  await addSide.getByRole("button", { name: "Thêm bên" }).click();
  await expect(addSide.getByRole("alert").last()).toHaveText("Chọn cơ quan hoặc nhập tên của bên.");
  await addSide.getByLabel("Loại").selectOption("leaders");
  await addSide.getByLabel("Tên đoàn", { exact: false }).first().fill("lãnh đạo tỉnh");
  await addSide.getByLabel(/^Tên đoàn \(tiếng Anh\)/).fill("provincial leaders");
  await addSide.getByRole("button", { name: "Thêm bên" }).click();
  await expect(page.getByRole("article", { name: "lãnh đạo tỉnh" })).toContainText("Lãnh đạo (không thuộc bên nào)");
  for (const [kind, organization] of [["host", QS], ["guest", CA], ["guest", BP]] as const) {
    await addSide.getByLabel("Loại").selectOption(kind);
    await addSide.getByLabel(/^Cơ quan \(trong danh bạ\)/).selectOption({ label: organization });
    await addSide.getByRole("button", { name: "Thêm bên" }).click();
    await expect(page.getByRole("article", { name: organization })).toContainText(kind === "host" ? "Bên chủ nhà" : "Bên khách");
  }

  // The documents: the regulation of the three, then a bilateral memorandum.
  const addDocument = page.getByRole("article", { name: "Thêm văn kiện" });
  await addDocument.getByLabel("Loại văn kiện").selectOption("regulation");
  await addDocument.getByLabel("Tên văn kiện", { exact: true }).fill(regulation);
  for (const party of [QS, CA, BP]) await addDocument.getByRole("group", { name: /Các bên ký/ }).getByLabel(party).check();
  await addDocument.getByLabel(/^Thời hạn từ năm/).fill("2030");
  await addDocument.getByLabel(/^Đến năm/).fill("2026");
  await addDocument.getByRole("button", { name: "Thêm văn kiện" }).click();
  await expect(addDocument.getByLabel(/^Đến năm/)).toHaveValue("2026");
  await expect(addDocument.getByLabel("Tên văn kiện", { exact: true })).toHaveValue(regulation);
  await addDocument.getByLabel(/^Thời hạn từ năm/).fill("2026");
  await addDocument.getByLabel(/^Đến năm/).fill("2030");
  await addDocument.getByLabel(/^Số bản gốc/).fill("3");
  await addDocument.getByRole("button", { name: "Thêm văn kiện" }).click();
  await expect(page.getByRole("article", { name: regulation })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Đã thêm văn kiện.");
  await addDocument.getByLabel("Loại văn kiện").selectOption("memorandum");
  await addDocument.getByLabel("Tên văn kiện", { exact: true }).fill(memorandum);
  for (const party of [QS, BP]) await addDocument.getByRole("group", { name: /Các bên ký/ }).getByLabel(party).check();
  await addDocument.getByRole("button", { name: "Thêm văn kiện" }).click();
  const memoParties = page.getByRole("article", { name: memorandum }).getByRole("group", { name: /Các bên ký/ });
  await expect(memoParties.getByLabel(QS)).toBeChecked();
  await expect(memoParties.getByLabel(CA)).not.toBeChecked();
  await expect(memoParties.getByLabel(BP)).toBeChecked();
  await shoot(page, "ceremony");

  // The dignitaries, each with their side and roles.
  for (const p of people) {
    await page.goto(`${eventPath}/dignitaries/new`);
    await page.getByLabel(/^Danh xưng/).fill(p.honorific);
    await page.getByLabel("Họ và tên").fill(p.name);
    await page.getByLabel(/^Chức vụ/).fill(p.positions);
    await page.getByLabel(/^Cơ quan, đơn vị/).fill(p.organization);
    // No coarse host/guest select: the side is chosen once, in the side-and-roles form.
    await expect(page.getByLabel("Thuộc bên")).toHaveCount(0);
    await page.getByRole("button", { name: "Thêm đại biểu" }).click();
    await expect(page.getByRole("status").first()).toContainText(`Đã thêm đại biểu ${p.name}`);
    await page.getByRole("link", { name: new RegExp(p.name) }).click();
    const form = page.getByRole("region", { name: "Bên và vai trò trong buổi lễ" });
    await expect(page.getByLabel("Thuộc bên")).toHaveCount(1);
    await form.getByLabel("Thuộc bên").selectOption({ label: p.side });
    for (const role of p.roles) await form.getByRole("group", { name: /^Vai trò/ }).getByLabel(role, { exact: true }).check();
    if (p.name === "Nguyễn Văn Hùng") await form.getByLabel(`${regulation} — thay mặt ${QS}`).check();
    if (p.name === "Lê Văn Cường") await form.getByLabel(`${regulation} — thay mặt ${CA}`).check();
    if (p.name === "Phạm Minh Đức") {
      // One person signs a document for one party only: refused in place, the choices kept.
      await form.getByLabel(`${regulation} — thay mặt ${BP}`).check();
      await form.getByLabel(`${regulation} — thay mặt ${QS}`).check();
      await form.getByRole("button", { name: "Lưu bên và vai trò" }).click();
      await expect(form.getByRole("alert").first()).toHaveText("Một người chỉ ký một văn kiện cho một bên.");
      await expect(form.getByLabel(`${regulation} — thay mặt ${BP}`)).toBeChecked();
      await form.getByLabel(`${regulation} — thay mặt ${QS}`).uncheck();
    }
    await form.getByRole("button", { name: "Lưu bên và vai trò" }).click();
    // The notice comes with the redirect, at the top of the page; the page scrolls back to the form.
    await expect(page.getByTestId("flash-notice")).toHaveText("Đã lưu bên và vai trò.");
    // What was saved is what the form shows again.
    await expect(form.getByLabel("Thuộc bên")).toHaveValue(/[0-9a-f-]{36}/);
    for (const role of ["Chủ trì", "Đồng chủ trì", "Chứng kiến", "Phát biểu", "Dự"])
      await expect(form.getByRole("group", { name: /^Vai trò/ }).getByLabel(role, { exact: true })).toBeChecked({ checked: p.roles.includes(role) });
    if (p.name === "Nguyễn Văn Hùng") await shoot(page, "dignitary-roles");
    if (p.name === "Nguyễn Văn Hùng") {
      // Saving the person's details keeps the side chosen above.
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await expect(page).toHaveURL(/\/dignitaries$/);
      await expect(page.getByTestId("flash-notice")).toHaveText("Đã lưu thông tin đại biểu.");
      await page.getByRole("link", { name: new RegExp(p.name) }).click();
      await expect(form.getByLabel("Thuộc bên").locator("option:checked")).toHaveText(QS);
    }
  }

  // The memorandum's signatories, chosen on the Ceremony page per party.
  await page.goto(`${eventPath}/ceremony`);
  const memo = page.getByRole("article", { name: memorandum });
  await memo.getByRole("form", { name: `Thay mặt ${QS}` }).getByLabel(/Trần Văn Bình/).check();
  await memo.getByRole("form", { name: `Thay mặt ${QS}` }).getByRole("button", { name: "Lưu người ký" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu người ký.");
  await memo.getByRole("form", { name: `Thay mặt ${BP}` }).getByLabel(/Phạm Minh Đức/).check();
  // The same notice is on the page already: wait for the page to be read again after this save (its notice is taken
  // then), so that it does not come up on the next page.
  const reread = page.waitForResponse((r) => r.request().method() === "GET" && /\/ceremony\.data/.test(r.url()));
  await memo.getByRole("form", { name: `Thay mặt ${BP}` }).getByRole("button", { name: "Lưu người ký" }).click();
  await reread;
  await expect(page.getByRole("status")).toHaveText("Đã lưu người ký.");

  // The unnamed attendance line, after the leaders.
  await page.goto(`${eventPath}/dignitaries`);
  const lines = page.getByRole("region", { name: "Thành phần dự không nêu tên" });
  await lines.getByText("Thêm, sửa dòng").click();
  const newLine = lines.getByRole("form", { name: "Thêm dòng" });
  await newLine.getByRole("button", { name: "Thêm dòng" }).click();
  await expect(newLine.getByRole("alert").last()).toBeVisible();
  await newLine.getByLabel(/^Nội dung$/).fill("đại diện lãnh đạo các sở, ban, ngành của tỉnh");
  await newLine.getByLabel("Thuộc bên").selectOption({ label: "lãnh đạo tỉnh" });
  await newLine.getByRole("button", { name: "Thêm dòng" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã thêm dòng.");
  const merged = page.getByTestId("merged-attendance").locator("li");
  await expect(merged.nth(2)).toHaveText("đại diện lãnh đạo các sở, ban, ngành của tỉnh");
  await expect(page.getByTestId("dignitary-row").filter({ hasText: "Nguyễn Văn Hùng" })).toContainText(`Chủ trì · Ký ${regulation} (thay mặt ${QS})`);
  await shoot(page, "dignitaries");

  // The agenda: the introduction, one signing item per document, and a proceeding without a named speaker.
  await page.goto(`${eventPath}/agenda`);
  const items: { at: string; title: string; kind: string; document?: string; subject?: string; keyPoints?: string }[] = [
    { at: "2026-03-12T08:00", title: "Giới thiệu đại biểu", kind: "introduction" },
    { at: "2026-03-12T08:10", title: "Thông báo kết quả phối hợp", kind: "other", subject: "Ba bên", keyPoints: "thông báo kết quả phối hợp năm 2025\nthống nhất phương hướng phối hợp năm 2026" },
    { at: "2026-03-12T08:30", title: "Ký kết quy chế phối hợp", kind: "signing", document: regulation },
    { at: "2026-03-12T08:40", title: "Ký biên bản ghi nhớ", kind: "signing", document: memorandum },
  ];
  for (const item of items) {
    const add = page.getByRole("form", { name: "Thêm mục vào chương trình" });
    await add.getByLabel("Bắt đầu").fill(item.at);
    await add.getByLabel("Nội dung", { exact: true }).fill(item.title);
    await add.getByLabel("Loại mục").selectOption(item.kind);
    // The form asks what the kind needs: a signing its document, a proceeding its collective subject.
    await expect(add.getByTestId("agenda-document-field")).toBeVisible({ visible: item.kind === "signing" });
    await expect(add.getByTestId("agenda-subject-fields")).toBeVisible({ visible: item.kind !== "signing" });
    if (item.document) await add.getByLabel(/^Văn kiện được ký/).selectOption({ label: item.document });
    if (item.subject) await add.getByLabel(/^Chủ thể \(khi/).fill(item.subject);
    if (item.keyPoints) await add.getByLabel(/^Ý chính/).fill(item.keyPoints);
    await add.getByRole("button", { name: "Thêm mục" }).click();
    await expect(page.getByRole("status").first()).toContainText(`Đã thêm “${item.title}”.`);
  }
  await page.getByRole("link", { name: "Sửa: Ký biên bản ghi nhớ" }).click();
  await expect(page.getByRole("form", { name: "Sửa mục “Ký biên bản ghi nhớ”" }).getByLabel(/^Văn kiện được ký/)).toHaveValue(/[0-9a-f-]{36}/);
  await shoot(page, "agenda");

  // The press draft.
  await page.goto(`${eventPath}/press`);
  await page.getByRole("button", { name: "Soạn bản tin", exact: true }).click();
  await expect(page.getByTestId("flash-notice")).toContainText("Đã soạn bản tin từ dữ liệu sự kiện.");
  const drafted = await page.getByLabel("Nội dung (Markdown)").inputValue();
  const three = `${QS}, ${CA} và ${BP}`;
  const regulationPhrase = `quy chế phối hợp giữa ${three} giai đoạn 2026 – 2030`;
  const memoPhrase = `biên bản ghi nhớ về tuần tra chung trên biển (${id}) giữa ${QS} với ${BP}`;
  // A date-only start: "ngày 12/3", no time of day invented, no leading zero; the context first.
  expect(drafted).toContain(
    `Trong khuôn khổ hội nghị tổng kết công tác phối hợp năm 2025, ngày 12/3, ${QS} tổ chức lễ ký kết ${regulationPhrase} và ${memoPhrase} tại ${QS}.`,
  );
  expect(drafted).not.toMatch(/Sáng|Chiều|Tối|12\/03/);
  // The chair, then the leaders above the sides first, then the group line.
  expect(drafted).toContain(
    "Đại tá Nguyễn Văn Hùng, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh chủ trì buổi lễ. Dự lễ ký kết có đồng chí Phạm Văn Nghiêm, Phó Bí thư Thường trực Tỉnh ủy; đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh; cùng đại diện lãnh đạo các sở, ban, ngành của tỉnh.",
  );
  // Witnesses and who signed each document for whom; second mentions in the short form.
  expect(drafted).toContain(
    `Dưới sự chứng kiến của đồng chí Phạm Văn Nghiêm và đồng chí Lại Văn Hoàn, thay mặt ba bên, Đại tá Nguyễn Văn Hùng, Đại tá Lê Văn Cường, Giám đốc Công an tỉnh, và Đại tá Phạm Minh Đức, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh, đã ký kết ${regulationPhrase}.`,
  );
  expect(drafted).toContain(
    `Thay mặt hai bên, Thượng tá Trần Văn Bình, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, và Đại tá Phạm Minh Đức, đã ký kết ${memoPhrase}.`,
  );
  // The proceeding without a named speaker.
  expect(drafted).toContain("Ba bên đã thông báo kết quả phối hợp năm 2025.");

  // The MC script: every person introduced by name, the chair, the witnesses invited, each document's signing announced.
  await page.goto(`${eventPath}/agenda/mc?lang=vi`);
  const mc = page.getByTestId("mc-preview");
  for (const line of [
    // The host side organizes (the event has no host organization; the guest sides are not organizers).
    `hôm nay ${QS} tổ chức lễ ký kết.`,
    "– Đồng chí Phạm Văn Nghiêm, Phó Bí thư Thường trực Tỉnh ủy;",
    "– Đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh;",
    "– Đại tá Nguyễn Văn Hùng, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh;",
    "– Đại tá Lê Văn Cường, Giám đốc Công an tỉnh;",
    "– Đại tá Phạm Minh Đức, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh;",
    "– Thượng tá Trần Văn Bình, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh;",
    "– Đại diện lãnh đạo các sở, ban, ngành của tỉnh;",
    "Chủ trì buổi lễ: Đại tá Nguyễn Văn Hùng.",
    "Tiếp theo chương trình, xin kính mời ba bên: Thông báo kết quả phối hợp.",
    "Xin trân trọng kính mời đồng chí Phạm Văn Nghiêm, Phó Bí thư Thường trực Tỉnh ủy và đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh lên chứng kiến lễ ký kết.",
    `Xin trân trọng kính mời Đại tá Nguyễn Văn Hùng, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Đại tá Lê Văn Cường, Giám đốc Công an tỉnh và Đại tá Phạm Minh Đức, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh lên ký kết quy chế phối hợp giữa ba lực lượng giai đoạn 2026 – 2030 (${id}).`,
    `Xin trân trọng kính mời Thượng tá Trần Văn Bình, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh và Đại tá Phạm Minh Đức, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh lên ký kết biên bản ghi nhớ về tuần tra chung trên biển (${id}).`,
  ])
    await expect(mc).toContainText(line);

  // Seating: the usual layout, proposed by precedence — the leaders at the centre of the presidium, the signing table
  // holds the regulation's signatories; the place cards carry each person's role.
  await page.goto(`${eventPath}/seating`);
  await page.getByRole("button", { name: "Tạo bố trí thường dùng" }).click();
  const presidium = page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Đoàn chủ tịch" }) });
  await expect(presidium).toBeVisible();
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByRole("status").first()).toContainText("Đã xếp chỗ theo thứ tự lễ tân.");
  await expect(presidium).toContainText("Đồng chí Phạm Văn Nghiêm");
  await expect(presidium).toContainText("Đồng chí Lại Văn Hoàn");
  const signingTable = page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Bàn ký", exact: true }) });
  // The regulation of three: three signing seats side by side, the host at the centre, the second party at its right
  // (the audience's left), the third at its left; its deputy stands behind the host's signatory.
  await expect(signingTable.getByTestId("signing-table-document")).toHaveText(`Ký văn kiện: ${regulation}`);
  const signers = signingTable.locator(".seat.signer");
  await expect(signers).toHaveCount(3);
  await expect(signers.nth(0)).toContainText("Đại tá Lê Văn Cường");
  await expect(signers.nth(0)).toContainText("thay mặt Công an tỉnh");
  await expect(signers.nth(1)).toContainText("Đại tá Nguyễn Văn Hùng");
  await expect(signers.nth(1)).toContainText("thay mặt Bộ CHQS tỉnh");
  await expect(signers.nth(2)).toContainText("Đại tá Phạm Minh Đức");
  await expect(signers.nth(2)).toContainText("thay mặt BĐBP tỉnh");
  await expect(signingTable.locator(".seat-row.behind")).toContainText("Thượng tá Trần Văn Bình");
  // The memorandum has no signing table yet: said, not silently dropped. A second signing table takes it, mirrored.
  await expect(page.getByRole("status").first()).toContainText("1 văn kiện chưa có bàn ký");
  const addTable = page.getByRole("region", { name: "Thêm bàn, hàng ghế" });
  await addTable.getByLabel("Tên", { exact: true }).fill("Bàn ký 2");
  await addTable.getByLabel("Loại", { exact: true }).selectOption("signing");
  await addTable.getByLabel("Số ghế").fill("2");
  await addTable.getByRole("button", { name: "Thêm bàn, hàng ghế" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã thêm Bàn ký 2.");
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByRole("status").first()).toContainText("Đã xếp chỗ theo thứ tự lễ tân.");
  await expect(page.getByRole("status").first()).not.toContainText("chưa có bàn ký");
  const memoTable = page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Bàn ký 2" }) });
  await expect(memoTable.getByTestId("signing-table-document")).toHaveText(`Ký văn kiện: ${memorandum}`);
  await expect(memoTable.locator(".seat.signer").nth(0)).toContainText("Đại tá Phạm Minh Đức");
  await expect(memoTable.locator(".seat.signer").nth(1)).toContainText("Thượng tá Trần Văn Bình");
  await expect(page.getByTestId("conflicts")).toContainText("Không có xung đột");
  await shoot(page, "seating");
  await page.getByRole("link", { name: "In sơ đồ (A4)" }).click();
  await expect(page.getByTestId("print-sheet")).toContainText(regulation);
  await expect(page.getByTestId("print-sheet")).toContainText("Công an tỉnh");
  // A date-only start: the sheet gives the date, never an invented time of day.
  await expect(page.getByTestId("print-sheet").locator(".paper-meta")).toHaveText(/^Thứ \d, \d{2}\/\d{2}\/\d{4} · /);
  await shoot(page, "seating-print");
  await page.goto(`${eventPath}/seating`);

  // The signing panel: one block per document, one select per party, showing the signatories saved on the dignitaries'
  // and the Ceremony pages; each party is offered its own people (and those on no side), not everyone.
  const signingOf = (title: string) => page.getByRole("region", { name: `Ký kết: ${title}` });
  const chosen = (title: string, party: string) => signingOf(title).getByLabel(`Người ký: ${party}`).locator("option:checked");
  await expect(chosen(regulation, QS)).toHaveText(/Đại tá Nguyễn Văn Hùng$/);
  await expect(chosen(regulation, CA)).toHaveText(/Đại tá Lê Văn Cường$/);
  await expect(chosen(regulation, BP)).toHaveText(/Đại tá Phạm Minh Đức$/);
  await expect(chosen(memorandum, QS)).toHaveText(/Thượng tá Trần Văn Bình$/);
  await expect(chosen(memorandum, BP)).toHaveText(/Đại tá Phạm Minh Đức$/);
  await expect(signingOf(memorandum).getByLabel(`Người ký: ${CA}`)).toHaveCount(0);
  const memoQs = signingOf(memorandum).getByLabel(`Người ký: ${QS}`);
  await expect(memoQs.locator("option")).toHaveText(["— Chưa chọn —", /Nguyễn Văn Hùng$/, /Trần Văn Bình$/]);
  // Changed here, it is what the Ceremony page shows.
  await memoQs.selectOption({ label: (await memoQs.locator("option", { hasText: "Nguyễn Văn Hùng" }).textContent()) ?? "" });
  await signingOf(memorandum).getByRole("button", { name: "Lưu thông tin ký kết" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã lưu thông tin ký kết.");
  await expect(chosen(memorandum, QS)).toHaveText(/Đại tá Nguyễn Văn Hùng$/);
  await page.goto(`${eventPath}/ceremony`);
  const memoQsForm = page.getByRole("article", { name: memorandum }).getByRole("form", { name: `Thay mặt ${QS}` });
  await expect(memoQsForm.getByLabel(/Nguyễn Văn Hùng/)).toBeChecked();
  await expect(memoQsForm.getByLabel(/Trần Văn Bình/)).not.toBeChecked();

  await page.goto(`${eventPath}/seating/cards`);
  await expect(page.getByText("Công an tỉnh Thái Bình · Ký").first()).toBeVisible();
  await expect(page.getByText("Chứng kiến").first()).toBeVisible();
  await shoot(page, "cards");
});

test("without JavaScript, sides and documents are added, refused in place with what was typed kept, and removed", async ({ browser, accounts, api, clientIp }) => {
  const organizer = await api("organizer");
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const created = await organizer.post("/api/v1/events", {
    data: { title: `Nghi thức không JS ${id}`, kind: "signing_ceremony", status: "scheduled", startsAt: "2031-05-01T09:00:00+07:00", endsAt: "2031-05-01T11:00:00+07:00" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string };
  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(accounts.organizer.email);
  await page.getByLabel("Mật khẩu").fill(accounts.organizer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events/);
  await page.goto(`/events/${event.id}/ceremony`);

  // A guest side with neither an organization nor a name: refused, the English label typed is kept.
  const addSide = page.getByRole("article", { name: "Thêm bên" });
  await addSide.getByLabel("Loại").selectOption("guest");
  await addSide.getByLabel(/^Tên đoàn \(tiếng Anh\)/).fill("Lào Cai province");
  await addSide.getByRole("button", { name: "Thêm bên" }).click();
  await expect(addSide.getByText("Chọn cơ quan hoặc nhập tên của bên.").first()).toBeVisible();
  await expect(addSide.getByLabel(/^Tên đoàn \(tiếng Anh\)/)).toHaveValue("Lào Cai province");
  await expect(addSide.getByLabel("Loại")).toHaveValue("guest");
  await addSide.getByLabel(/^Tên đoàn \(không/).fill("tỉnh Lào Cai");
  await addSide.getByRole("button", { name: "Thêm bên" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thêm bên.");
  await expect(page.getByRole("article", { name: "tỉnh Lào Cai" })).toContainText("Bên khách");

  // The order of the sides: a second side, moved above the first; the API gives the same order and moves it back.
  await addSide.getByLabel("Loại").selectOption("leaders");
  await addSide.getByLabel(/^Tên đoàn \(không/).fill("lãnh đạo tỉnh");
  await addSide.getByRole("button", { name: "Thêm bên" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thêm bên.");
  // Without JavaScript a click only waits for the next document to start: the status can be parsed before the
  // sides below it, so the order is read until it settles rather than once.
  const sideNames = async () =>
    (await page.locator("section[aria-labelledby=sides] article h4").allInnerTexts())
      .filter((n) => n !== "Thêm bên")
      .map((n) => n.split(" · ")[0]);
  await expect.poll(sideNames).toEqual(["tỉnh Lào Cai", "lãnh đạo tỉnh"]);
  await expect(page.getByRole("button", { name: "Đưa tỉnh Lào Cai lên trước" })).toBeDisabled();
  await page.getByRole("button", { name: "Đưa lãnh đạo tỉnh lên trước" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã đổi thứ tự các bên.");
  await expect.poll(sideNames).toEqual(["lãnh đạo tỉnh", "tỉnh Lào Cai"]);
  const ceremony = async () => (await (await organizer.get(`/api/v1/events/${event.id}/ceremony`)).json()) as { sides: { id: string; labelVi: string; order: number }[] };
  const sides = (await ceremony()).sides;
  expect(sides.map((x) => [x.labelVi, x.order])).toEqual([["lãnh đạo tỉnh", 0], ["tỉnh Lào Cai", 1]]);
  const moved = await organizer.post(`/api/v1/events/${event.id}/ceremony/sides/${sides[0]!.id}/move`, { data: { direction: "down" } });
  expect(moved.status(), await moved.text()).toBe(200);
  expect((await ceremony()).sides.map((x) => x.labelVi)).toEqual(["tỉnh Lào Cai", "lãnh đạo tỉnh"]);
  const wrong = await organizer.post(`/api/v1/events/${event.id}/ceremony/sides/${sides[0]!.id}/move`, { data: { direction: "sideways" } });
  expect(wrong.status()).toBe(422);
  await page.reload();

  // A document with its period the wrong way round: refused in place, then added.
  const addDocument = page.getByRole("article", { name: "Thêm văn kiện" });
  await addDocument.getByLabel("Tên văn kiện", { exact: true }).fill(`Biên bản ghi nhớ ${id}`);
  await addDocument.getByLabel(/^Thời hạn từ năm/).fill("2032");
  await addDocument.getByLabel(/^Đến năm/).fill("2031");
  await addDocument.getByRole("group", { name: /Các bên ký/ }).getByLabel("tỉnh Lào Cai").check();
  await addDocument.getByRole("button", { name: "Thêm văn kiện" }).click();
  await expect(addDocument.getByLabel("Tên văn kiện", { exact: true })).toHaveValue(`Biên bản ghi nhớ ${id}`);
  await expect(addDocument.getByRole("group", { name: /Các bên ký/ }).getByLabel("tỉnh Lào Cai")).toBeChecked();
  await expect(addDocument.locator(".field-invalid")).toHaveCount(1);
  await addDocument.getByLabel(/^Đến năm/).fill("2035");
  await addDocument.getByRole("button", { name: "Thêm văn kiện" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thêm văn kiện.");

  // A position missing from the rank table: flagged, and resolved by confirming the order.
  for (const body of [
    { honorific: "ông", name: "Trần Văn An", positions: ["Giám đốc Sở Y tế"] },
    { honorific: "ông", name: "Vũ Văn Khách", positions: ["Cố vấn đặc biệt của Hiệp hội"] },
  ]) {
    const added = await organizer.post(`/api/v1/events/${event.id}/dignitaries`, { data: body });
    expect(added.status(), await added.text()).toBe(201);
  }
  await page.goto(`/events/${event.id}/dignitaries`);
  await expect(page.getByTestId("rank-unknown-notice")).toContainText("1 đại biểu có chức vụ chưa có trong bảng cấp bậc");
  await expect(page.getByTestId("rank-unknown-notice")).toContainText("Ông Vũ Văn Khách");
  await expect(page.getByTestId("dignitary-row").filter({ hasText: "Vũ Văn Khách" }).getByTestId("rank-unknown")).toHaveText("Chưa rõ cấp bậc");
  await page.getByRole("button", { name: "Xác nhận thứ tự hiện tại" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thứ tự." })).toBeVisible();
  await expect(page.getByTestId("rank-unknown-notice")).toHaveCount(0);
  await page.goto(`/events/${event.id}/ceremony`);

  // Removing asks first.
  const side = page.getByRole("article", { name: "tỉnh Lào Cai" });
  await side.getByRole("link", { name: "Xóa bên" }).click();
  await page.getByRole("article", { name: "tỉnh Lào Cai" }).getByRole("button", { name: "Xác nhận: Xóa bên" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã xóa bên.");
  await expect(page.getByRole("article", { name: "tỉnh Lào Cai" })).toHaveCount(0);
  await context.close();
});
