/**
 * The official invitation letter (Giấy mời, issue 14): an organiser opens the letters page of the demo ceremony,
 * fills in the signer, opens one invitee's letter (the Party's header of the Ban Tuyên giáo Tỉnh ủy, "Số …-GM/…",
 * GIẤY MỜI, Kính gửi, Nơi nhận), downloads the .docx and reads it back, fetches the server's PDF and reads it back
 * with poppler, and prints the letter to a PDF from the browser too.
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { readDocx } from "../server/testing/docx-reader.server";
import { expect, seedEventId, test } from "./fixtures";

test("an organiser prints the Giấy mời of one invitee and downloads it as .docx", async ({ loginAs, api }) => {
  const eventId = await seedEventId(await api("admin"));
  // The demo ceremony is the admin's: its organiser (event:update) saves the letter settings.
  const page = await loginAs("admin");
  await page.goto(`/events/${eventId}/letters`);
  await expect(page.getByRole("heading", { name: /Giấy mời/ }).first()).toBeVisible();

  await page.getByLabel("Thẩm quyền ký").selectOption("KT");
  await page.getByLabel("Thay mặt / ký thay cho").fill("Trưởng ban");
  await page.getByLabel("Chức vụ người ký").fill("Phó Trưởng ban");
  await page.getByLabel("Họ tên người ký").fill("Nguyễn Văn Tuyên");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toContainText("Đã lưu");
  // Saved with the event, not in the URL: a fresh visit shows it.
  await page.goto(`/events/${eventId}/letters`);
  await expect(page.getByLabel("Họ tên người ký")).toHaveValue("Nguyễn Văn Tuyên");
  await expect(page.getByLabel("Thẩm quyền ký")).toHaveValue("KT");
  // A date that is no date (posted without the browser's date picker): a 400 with the message, not a 500.
  const bad = await page.request.post(`/events/${eventId}/letters`, {
    form: { authority: "KT", signerName: "Nguyễn Văn Tuyên", issuedOn: "2017-02-30" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Ngày không hợp lệ.");
  await page.screenshot({ path: "/tmp/letters-page.png", fullPage: true });

  const firstRow = page.getByTestId("letter-invitees").locator("tbody tr").first();
  const who = (await firstRow.locator("td").first().innerText()).split("\n")[0]!.trim();
  const name = who.split(" ").slice(-3).join(" ");
  await firstRow.getByRole("link", { name: /Xem, in \(Tiếng Việt\)/ }).click();
  await expect(page).toHaveURL(/\/letters\/print\?/);
  await expect(page).not.toHaveURL(/signer=/);

  const sheet = page.getByTestId("letter-sheet");
  await expect(sheet).toContainText("ĐẢNG CỘNG SẢN VIỆT NAM");
  await expect(sheet).toContainText("TỈNH ỦY THÁI BÌNH");
  await expect(sheet).toContainText("BAN TUYÊN GIÁO");
  await expect(sheet).toContainText(/Số …-GM\/BTG/);
  await expect(sheet.getByRole("heading", { name: "GIẤY MỜI" })).toBeVisible();
  await expect(sheet).toContainText(`Kính gửi:`);
  await expect(sheet.locator(".addressee")).toContainText(name);
  await expect(sheet).toContainText("Nơi nhận:");
  await expect(sheet).toContainText("KT. TRƯỞNG BAN");
  await expect(sheet).toContainText("Nguyễn Văn Tuyên");
  // The event has a time of day: it is written; the letter has no e-mail or phone.
  await expect(sheet).toContainText("14:00 – 16:00");
  await expect(sheet).not.toContainText("@");

  await page.screenshot({ path: "/tmp/letter-desktop.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: "/tmp/letter.pdf", preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: "screen" });

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải .docx" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Giấy mời - .+\.docx$/);
  const docx = readDocx(await readFile((await download.path())!));
  for (const text of ["ĐẢNG CỘNG SẢN VIỆT NAM", "GIẤY MỜI", "Kính gửi:", "Nơi nhận:", "KT. TRƯỞNG BAN", "Nguyễn Văn Tuyên"]) {
    expect(docx.text).toContain(text);
  }
  expect(docx.text).toMatch(/Số …-GM\/BTG/);
  expect(docx.text).toContain(name);

  // The PDF made on the server: A4, the serif embedded, the parts in order; page 1 rendered to look at.
  const pdfHref = await page.getByRole("link", { name: "PDF", exact: true }).getAttribute("href");
  const pdfResponse = await page.request.get(pdfHref!);
  expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  const pdfPath = "/tmp/letter-server.pdf";
  await writeFile(pdfPath, await pdfResponse.body());
  expect(execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/u);
  const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", pdfPath, "-"], { encoding: "utf8" }).replace(/[ \t]+/gu, " ");
  let at = 0;
  for (const part of ["ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO", "GIẤY MỜI", "Kính gửi:", name.split(" ").at(-1)!, "Nơi nhận:", "KT. TRƯỞNG BAN", "Nguyễn Văn Tuyên"]) {
    const i = pdfText.indexOf(part, at);
    expect(i, `${part} in order in the PDF`).toBeGreaterThanOrEqual(0);
    at = i;
  }
  execFileSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "1", pdfPath, "/tmp/letter-server-pdf"]);

  // The English letter beside it.
  await page.getByRole("link", { name: "Tiếng Anh" }).click();
  await expect(sheet).toContainText("COMMUNIST PARTY OF VIET NAM");
  await expect(sheet.getByRole("heading", { name: "LETTER OF INVITATION" })).toBeVisible();
  await expect(sheet).toContainText("Recipients:");
  await page.screenshot({ path: "/tmp/letter-en.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goBack();
  await expect(sheet).toContainText("GIẤY MỜI");
  await page.screenshot({ path: "/tmp/letter-390.png", fullPage: true });
  await page.goto(`/events/${eventId}/letters`);
  await expect(page.getByTestId("letter-invitees")).toBeVisible();
  await page.screenshot({ path: "/tmp/letters-page-390.png", fullPage: true });
});

test("an unknown invitee is a 404 page, not a 500", async ({ loginAs, api }) => {
  const eventId = await seedEventId(await api("admin"));
  const page = await loginAs("viewer");
  const response = await page.goto(`/events/${eventId}/letters/print?to=00000000-0000-0000-0000-000000000000`);
  expect(response?.status()).toBe(404);
  const docx = await page.request.get(`/events/${eventId}/letters/docx?to=nope`);
  expect(docx.status()).toBe(404);
  const pdf = await page.request.get(`/events/${eventId}/letters/pdf?to=nope`);
  expect(pdf.status()).toBe(404);
  // A viewer sees the saved details but cannot change them.
  await page.goto(`/events/${eventId}/letters`);
  await expect(page.getByText("Chỉ người tổ chức sửa được thông tin này.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu" })).toHaveCount(0);
  const post = await page.request.post(`/events/${eventId}/letters`, { form: { authority: "", signerName: "X" }, headers: { Origin: new URL(page.url()).origin } });
  expect(post.status()).toBe(403);
});

test("one letter to many: 'Kính gửi: Các đại biểu theo danh sách kèm theo' and the list on a second A4 page", async ({ loginAs, api }) => {
  const eventId = await seedEventId(await api("admin"));
  const page = await loginAs("viewer");
  await page.goto(`/events/${eventId}/letters`);
  await page.getByRole("link", { name: `Xem, in (Tiếng Việt) — Một giấy mời gửi nhiều đại biểu` }).click();
  await expect(page.getByTestId("letter-sheet")).toContainText("Kính gửi: Các đại biểu theo danh sách kèm theo");
  const list = page.getByTestId("letter-attached-list");
  await expect(list.getByRole("heading", { name: "DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI" })).toBeVisible();
  await expect(list.locator("li")).not.toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: "/tmp/letter-many.pdf", preferCSSPageSize: true });
});
