import { expect, test } from "./fixtures";

test("an admin adds a glossary term; a mistake keeps what they typed", async ({ loginAs }) => {
  const page = await loginAs("admin");
  await page.goto("/admin/glossary");
  await expect(page.getByRole("heading", { name: "Bảng thuật ngữ Việt – Anh" })).toBeVisible();
  // English left empty: the error is shown in place and the Vietnamese stays.
  await page.getByLabel("Loại").selectOption("body");
  await page.getByLabel("Tiếng Việt").fill("Học viện Kỹ thuật Quân sự");
  await page.getByRole("button", { name: "Lưu thuật ngữ" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByLabel("Tiếng Việt")).toHaveValue("Học viện Kỹ thuật Quân sự");
  await page.getByLabel("Tiếng Anh").fill("Military Technical Academy");
  await page.getByRole("button", { name: "Lưu thuật ngữ" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thuật ngữ.");
  await expect(page.getByRole("cell", { name: "Military Technical Academy" })).toBeVisible();
  await page.screenshot({ path: "/tmp/glossary-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/glossary-mobile.png", fullPage: true });
});
