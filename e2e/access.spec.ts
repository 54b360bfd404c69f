import { test, expect } from "./fixtures";

test("signing in: the same answer for a wrong email and a wrong password, then 429 after five failures", async ({ page, accounts }) => {
  const email = accounts.lockout.email;
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@signet.test");
  await page.getByLabel("Mật khẩu").fill("wrong-password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const message = page.getByRole("alert").filter({ hasText: "Email hoặc mật khẩu không đúng." });
  await expect(message).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    if (i < 4) await expect(message).toBeVisible();
  }
  // Five failures from this address: even the right password now waits.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(accounts.lockout.password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
    page.getByRole("button", { name: "Đăng nhập" }).click(),
  ]);
  expect(response.status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText("Quá nhiều lần đăng nhập sai");
  await expect(page.getByLabel("Email")).toHaveValue(email);
});

test("the login form posted directly answers 429 with Retry-After", async ({ request }) => {
  // An address of its own and an email nobody has: the limit applies to unknown accounts too.
  const headers = { "X-Forwarded-For": "10.250.1.1" };
  const email = `ghost-${Date.now()}@signet.test`;
  for (let i = 0; i < 5; i++) {
    const r = await request.post("/login", { form: { email, password: "nope" }, headers, maxRedirects: 0 });
    expect(r.status()).toBe(401);
  }
  const r = await request.post("/login", { form: { email, password: "nope" }, headers, maxRedirects: 0 });
  expect(r.status()).toBe(429);
  expect(Number(r.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(r.headers()["retry-after"])).toBeLessThanOrEqual(900);
});

test("pages need a session; forbidden is a 403 page and a missing record a 404 page", async ({ page, loginAs }) => {
  const anonymous = await page.request.get("/events", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers().location).toContain("/login?redirectTo=%2Fevents");

  await loginAs("viewer");
  const forbidden = await page.goto("/events/new");
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Không có quyền" })).toBeVisible();
  expect(await page.content()).not.toMatch(/at .*\.(js|ts):\d+/);

  const missing = await page.goto("/events/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  expect((await page.goto("/events/not-a-uuid"))?.status()).toBe(404);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
  // An address no page serves: the same 404 page, for a form posted there too.
  expect((await page.goto("/khong-co-trang-nay/con"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  const posted = await page.request.post("/khong-co-trang-nay", { form: { a: "1" }, headers: { Origin: new URL(page.url()).origin } });
  expect(posted.status()).toBe(404);
});

test("viewers read the seed ceremony without edit controls", async ({ loginAs }) => {
  const page = await loginAs("viewer");
  await page.goto("/events?tab=past&q=2017");
  await page.getByRole("link", { name: /Lễ ký kết chương trình phối hợp công tác/ }).click();
  await expect(page.getByTestId("event-when")).toHaveText("14:00 – 16:00, Thứ 5, 19/10/2017");
  await expect(page.getByText("Ban Tuyên giáo Tỉnh ủy", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sửa" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Hủy sự kiện" })).toHaveCount(0);
});

test("state-changing requests from another origin are refused", async ({ request }) => {
  const r = await request.post("/login", {
    form: { email: "a@b.c", password: "x" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(403);
  const api = await request.post("/api/v1/events", { data: {}, headers: { Origin: "https://evil.example" } });
  expect(api.status()).toBe(403);
});

test("deactivating a user ends their session and their API token at once", async ({ browser, loginAs, clientIp }) => {
  const admin = await loginAs("admin");
  const id = `${Date.now().toString(36)}`;
  const email = `temp-${id}@signet.test`;
  await admin.goto("/admin/users");
  await admin.getByLabel("Họ và tên").fill(`Tạm thời ${id}`);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Vai trò", { exact: true }).selectOption("viewer");
  await admin.getByRole("button", { name: "Tạo", exact: true }).click();
  const notice = await admin.getByRole("status").textContent();
  const password = /: (\S+)$/.exec(notice ?? "")?.[1];
  expect(password).toBeTruthy();

  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const other = await context.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Mật khẩu").fill(password ?? "");
  await other.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(other).toHaveURL(/\/events/);

  await admin.getByRole("link", { name: `Khóa tài khoản: Tạm thời ${id}` }).click();
  await admin.getByRole("button", { name: "Xác nhận: Khóa tài khoản" }).click();
  await expect(admin.getByRole("row", { name: new RegExp(email) })).toContainText("Đã khóa");

  await other.goto("/events");
  await expect(other).toHaveURL(/\/login/);
  await context.close();
});

test("logout ends the session", async ({ loginAs }) => {
  const page = await loginAs("communications");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/events");
  await expect(page).toHaveURL(/\/login/);
});

test("health check reports the database", async ({ request }) => {
  const r = await request.get("/healthz");
  expect(r.status()).toBe(200);
  const body = await r.json();
  expect(body.ok).toBe(true);
  expect(["pglite", "postgres"]).toContain(body.db);
});

test("the session cookie is HttpOnly, SameSite=Lax and Secure, and a new one is issued at each login", async ({ request, accounts }) => {
  const login = () =>
    request.post("/login", {
      form: { email: accounts.viewer.email, password: accounts.viewer.password },
      maxRedirects: 0,
      headers: { "X-Forwarded-For": "10.251.0.1" },
    });
  const first = await login();
  expect(first.status()).toBe(302);
  const cookie = first.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/^signet_session=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Secure/i);
  const second = await login();
  expect(second.headers()["set-cookie"]?.split(";")[0]).not.toBe(cookie.split(";")[0]);
});

test("page titles follow the interface language", async ({ page, loginAs }) => {
  await loginAs("viewer");
  await expect(page).toHaveTitle("Sự kiện — Signet");
  await page.goto("/organizations");
  await expect(page).toHaveTitle("Cơ quan, đơn vị — Signet");
});

test("an organizer adds a colleague to the event's team; viewers see the team but cannot change it", async ({ loginAs, api, accounts, browser, clientIp }) => {
  const organizer = await api("organizer");
  const created = await organizer.post("/api/v1/events", {
    data: { title: `Họp nhóm ${Date.now()}`, kind: "meeting", startsAt: "2031-01-10T09:00:00+07:00", endsAt: "2031-01-10T10:00:00+07:00" },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const page = await loginAs("organizer");
  await page.goto(`/events/${id}/team`);
  await page.getByLabel("Email").fill("nobody@signet.test");
  await page.getByRole("button", { name: "Thêm thành viên" }).click();
  await expect(page.getByText("Không có tài khoản đang hoạt động với email này.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("nobody@signet.test");
  await page.getByLabel("Email").fill(accounts.communications.email);
  await page.getByLabel("Vai trò").selectOption("communications");
  await page.getByRole("button", { name: "Thêm thành viên" }).click();
  await expect(page.getByRole("status")).toContainText(accounts.communications.name);
  await expect(page.getByRole("row", { name: new RegExp(accounts.communications.email) })).toContainText("Truyền thông");

  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const viewer = await context.newPage();
  await viewer.goto("/login");
  await viewer.getByLabel("Email").fill(accounts.viewer.email);
  await viewer.getByLabel("Mật khẩu").fill(accounts.viewer.password);
  await viewer.getByRole("button", { name: "Đăng nhập" }).click();
  await viewer.waitForURL(/\/events/);
  await viewer.goto(`/events/${id}/team`);
  await expect(viewer.getByRole("row", { name: new RegExp(accounts.communications.email) })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Thêm thành viên" })).toHaveCount(0);
  const forbidden = await viewer.request.post(`/events/${id}/team`, { form: { intent: "add", email: accounts.viewer.email, role: "organizer" } });
  expect(forbidden.status()).toBe(403);
  await context.close();
});
