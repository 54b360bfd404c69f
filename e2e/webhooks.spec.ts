/**
 * Integrations end to end: real API answers validated against /api/v1/openapi.json; a webhook registered by an
 * organizer, delivered (signed, checked by hand) to a real receiver on loopback, logged, redelivered; the
 * webhooks page; API tokens with scopes, last use and revocation on the account page.
 * The e2e server runs with WEBHOOK_ALLOW_PRIVATE=1 (the receiver is on 127.0.0.1); SSRF refusals are tested in
 * app/services/webhooks.server.test.ts without it.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "./fixtures";
import { loadContract } from "./openapi-contract";

function unique(label: string) {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

const eventBody = (title: string) => ({
  title,
  kind: "meeting",
  startsAt: "2031-06-02T09:00:00+07:00",
  endsAt: "2031-06-02T11:00:00+07:00",
  timeZone: "Asia/Ho_Chi_Minh",
});

type Answer = (res: http.ServerResponse) => void;

/** A real HTTP receiver on loopback; `answer` decides the reply (200 by default) and can be changed meanwhile. */
async function receiver(initial: Answer = (res) => res.writeHead(200).end("ok")) {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let answer = initial;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signet`,
    received,
    answer: (next: Answer) => (answer = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function signed(secret: string, r: { headers: http.IncomingHttpHeaders; body: string }) {
  const mac = createHmac("sha256", Buffer.from(secret.slice("whsec_".length), "base64"))
    .update(`${String(r.headers["webhook-id"])}.${String(r.headers["webhook-timestamp"])}.${r.body}`)
    .digest("base64");
  return String(r.headers["webhook-signature"]).split(" ").includes(`v1,${mac}`);
}

test("real answers match the OpenAPI document", async ({ api }) => {
  const organizer = await api("organizer");
  const expectContract = await loadContract(organizer);
  const created = await organizer.post("/api/v1/events", { data: eventBody(unique("Hợp đồng API")) });
  await expectContract("POST", "/api/v1/events", created);
  const { id } = (await created.json()) as { id: string };
  await expectContract("GET", "/api/v1/events", await organizer.get("/api/v1/events?limit=3"));
  await expectContract("GET", "/api/v1/events/{eventId}", await organizer.get(`/api/v1/events/${id}`));
  await expectContract("PATCH", "/api/v1/events/{eventId}", await organizer.patch(`/api/v1/events/${id}`, { data: { description: "Đổi 🤝" } }));
  await expectContract("PATCH", "/api/v1/events/{eventId}", await organizer.patch(`/api/v1/events/${id}`, { data: { endsAt: "2031-06-01T09:00:00+07:00" } }));
  await expectContract("GET", "/api/v1/events/{eventId}", await organizer.get("/api/v1/events/00000000-0000-4000-8000-000000000000"));
  await expectContract("GET", "/api/v1/organizations", await organizer.get("/api/v1/organizations"));
  await expectContract("GET", "/api/v1/events/{eventId}/invitations", await organizer.get(`/api/v1/events/${id}/invitations`));
  await expectContract("GET", "/api/v1/events/{eventId}/agenda", await organizer.get(`/api/v1/events/${id}/agenda`));
  await expectContract("GET", "/api/v1/people", await organizer.get("/api/v1/people?limit=2"));
  const hook = await organizer.post("/api/v1/webhooks", { data: { url: "https://hooks.example.org/x", events: ["event.updated"], eventId: id } });
  // example.org resolves to a public address; where DNS is unavailable the refusal is a documented 422.
  await expectContract("POST", "/api/v1/webhooks", hook);
  await expectContract("POST", "/api/v1/webhooks", await organizer.post("/api/v1/webhooks", { data: { url: "ftp://x", events: [] } }));
  await expectContract("GET", "/api/v1/webhooks", await organizer.get(`/api/v1/webhooks?eventId=${id}`));
  await expectContract("POST", "/api/v1/events/{eventId}/cancel", await organizer.post(`/api/v1/events/${id}/cancel`));
  const anonymous = await organizer.get("/api/v1/events", { headers: { Authorization: "" } });
  await expectContract("GET", "/api/v1/events", anonymous);
});

test("an organizer's webhook is delivered signed, logged, redelivered, and shown on the event's page", async ({ api, loginAs, page }) => {
  const hooks = await receiver();
  try {
    const organizer = await api("organizer");
    const expectContract = await loadContract(organizer);
    const created = await organizer.post("/api/v1/events", { data: eventBody(unique("Sự kiện webhook")) });
    const event = (await created.json()) as { id: string; title: string };

    // A viewer may not register one; an organizer needs an event (every event is for admins).
    expect((await (await api("viewer")).post("/api/v1/webhooks", { data: { url: hooks.url, events: ["event.cancelled"], eventId: event.id } })).status()).toBe(403);
    expect((await organizer.post("/api/v1/webhooks", { data: { url: hooks.url, events: ["event.cancelled"] } })).status()).toBe(403);

    const registered = await organizer.post("/api/v1/webhooks", { data: { url: hooks.url, events: ["event.updated", "event.cancelled"], eventId: event.id } });
    expect(registered.status()).toBe(201);
    await expectContract("POST", "/api/v1/webhooks", registered);
    const { id: hookId, secret } = (await registered.json()) as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await (await organizer.get(`/api/v1/webhooks/${hookId}`)).json())).not.toContain(secret);

    await organizer.post(`/api/v1/events/${event.id}/cancel`);
    await expect.poll(() => hooks.received.length, { timeout: 20_000 }).toBe(1);
    const first = hooks.received[0]!;
    expect(signed(secret, first)).toBe(true);
    expect(JSON.parse(first.body)).toMatchObject({ type: "event.cancelled", data: { eventId: event.id } });

    await expect
      .poll(async () => ((await (await organizer.get(`/api/v1/webhooks/${hookId}/deliveries`)).json()) as { data: { status: string }[] }).data[0]?.status, { timeout: 10_000 })
      .toBe("delivered");
    const log = await organizer.get(`/api/v1/webhooks/${hookId}/deliveries`);
    await expectContract("GET", "/api/v1/webhooks/{webhookId}/deliveries", log);
    const [delivery] = ((await log.json()) as { data: { id: string; messageId: string; lastStatusCode: number }[] }).data;
    expect(delivery).toMatchObject({ lastStatusCode: 200, messageId: first.headers["webhook-id"] });

    const again = await organizer.post(`/api/v1/webhooks/${hookId}/deliveries/${delivery!.id}/redeliver`);
    await expectContract("POST", "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", again);
    await expect.poll(() => hooks.received.length, { timeout: 20_000 }).toBe(2);
    expect(hooks.received[1]!.headers["webhook-id"]).toBe(first.headers["webhook-id"]);

    const rotated = await organizer.post(`/api/v1/webhooks/${hookId}/rotate-secret`);
    await expectContract("POST", "/api/v1/webhooks/{webhookId}/rotate-secret", rotated);

    // The page under the event's Manage group: the endpoint, its log; a bad URL refused in place.
    await loginAs("organizer");
    await page.goto(`/events/${event.id}/webhooks`);
    // A cancelled event keeps the tab (the cancellation's delivery is in the log).
    await expect(page.getByRole("navigation", { name: "Quản lý" }).getByRole("link", { name: "Webhook", exact: true })).toBeVisible();
    const card = page.getByTestId("webhook-endpoint").filter({ hasText: hooks.url });
    await expect(card.getByTestId("webhook-delivery")).toHaveCount(1);
    await expect(card.getByTestId("webhook-delivery")).toContainText("200");
    await page.screenshot({ path: "/tmp/hooks-event-webhooks.png", fullPage: true });
    await page.getByLabel(/^Địa chỉ nhận/).fill("ftp://hethong.example.vn/signet");
    await page.getByRole("checkbox", { name: /Sự kiện bị hủy/ }).check();
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
    await expect(page.getByText("Chỉ nhận địa chỉ http:// hoặc https://.")).toBeVisible();
    await expect(page.getByLabel(/^Địa chỉ nhận/)).toHaveValue("ftp://hethong.example.vn/signet");
    await expect(page.getByRole("checkbox", { name: /Sự kiện bị hủy/ })).toBeChecked();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/events/${event.id}/webhooks`);
    await page.screenshot({ path: "/tmp/hooks-event-webhooks-mobile.png", fullPage: true });

    // A forged intent: refused (400) on the endpoint's own event page; on another event's page the endpoint is not
    // there at all (404), whatever the intent.
    const other = (await (await organizer.post("/api/v1/events", { data: eventBody(unique("Sự kiện khác")) })).json()) as { id: string };
    const forge = (eventId: string, intent: string) => page.request.post(`/events/${eventId}/webhooks`, { form: { intent, endpointId: hookId } });
    expect((await forge(event.id, "nope")).status()).toBe(400);
    expect((await forge(other.id, "nope")).status()).toBe(404);
    expect((await forge(other.id, "disable")).status()).toBe(404);
  } finally {
    await hooks.close();
  }
});

test("API tokens: a read-only token reads, cannot write, shows its last use, and stops once revoked", async ({ loginAs, page, playwright }) => {
  await loginAs("viewer");
  await page.goto("/account/tokens");
  const name = unique("Cổng thông tin");
  await page.getByLabel(/^Tên gợi nhớ/).fill(name);
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  const token = await page.getByTestId("token-created").getByRole("textbox").inputValue();
  expect(token).toMatch(/^sgt_/);

  const client = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    expect((await client.get("/api/v1/organizations")).status()).toBe(200);
    const write = await client.post("/api/v1/organizations", { data: { nameVi: unique("Không được ghi") } });
    expect(write.status()).toBe(403);
    expect(((await write.json()) as { error: { message: string } }).error.message).toContain('"write" scope');

    await page.goto("/account/tokens");
    const row = page.getByTestId("token-row").filter({ hasText: name });
    await expect(row.getByTestId("token-last-used")).not.toHaveText("Chưa dùng");
    await page.screenshot({ path: "/tmp/hooks-tokens.png", fullPage: true });
    await row.getByRole("button", { name: "Thu hồi" }).click();
    await expect(page.getByText("Đã thu hồi khóa.")).toBeVisible();
    expect((await client.get("/api/v1/organizations")).status()).toBe(401);
  } finally {
    await client.dispose();
  }
});

test("receivers that answer 500, redirect, are down or too slow: logged with their codes; redelivered by hand once fixed", async ({ api, loginAs, page }) => {
  const failing = await receiver((res) => res.writeHead(500).end("boom"));
  const target = await receiver();
  const redirecting = await receiver((res) => res.writeHead(302, { Location: target.url }).end());
  const slow = await receiver((res) => setTimeout(() => res.writeHead(200).end("late"), 5_000));
  const gone = await receiver();
  const downUrl = gone.url;
  await gone.close();
  try {
    const organizer = await api("organizer");
    const event = (await (await organizer.post("/api/v1/events", { data: eventBody(unique("Nơi nhận lỗi")) })).json()) as { id: string };

    // Registered through the page's form, as an organizer does.
    await loginAs("organizer");
    await page.goto(`/events/${event.id}/webhooks`);
    for (const url of [failing.url, redirecting.url, downUrl, slow.url]) {
      await page.getByLabel(/^Địa chỉ nhận/).fill(url);
      await page.getByRole("checkbox", { name: /Sự kiện thay đổi/ }).check();
      await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
      await expect(page.getByTestId("webhook-secret")).toBeVisible();
      await expect(page.getByTestId("webhook-endpoint").filter({ hasText: url })).toHaveCount(1);
    }

    await organizer.patch(`/api/v1/events/${event.id}`, { data: { description: "Đổi để gửi webhook" } });
    const hooks = (await (await organizer.get(`/api/v1/webhooks?eventId=${event.id}`)).json()) as { data: { id: string; url: string }[] };
    const idOf = (url: string) => hooks.data.find((h) => h.url === url)!.id;
    const firstDelivery = async (url: string) =>
      ((await (await organizer.get(`/api/v1/webhooks/${idOf(url)}/deliveries`)).json()) as {
        data: { id: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null }[];
      }).data[0];
    // An attempt counts from its start ("sending"); wait until each first attempt is over and the retry queued.
    for (const url of [failing.url, redirecting.url, downUrl, slow.url])
      await expect
        .poll(async () => {
          const d = await firstDelivery(url);
          return d && d.attempts > 0 && d.status !== "sending" ? d.status : "pending";
        }, { timeout: 30_000 })
        .toBe("queued");

    expect(await firstDelivery(failing.url)).toMatchObject({ status: "queued", lastStatusCode: 500 });
    expect(await firstDelivery(redirecting.url)).toMatchObject({ status: "queued", lastStatusCode: 302 });
    expect(target.received).toHaveLength(0); // the redirect was not followed
    expect(await firstDelivery(downUrl)).toMatchObject({ status: "queued", lastStatusCode: null, lastError: expect.any(String) });
    expect(await firstDelivery(slow.url)).toMatchObject({ status: "queued", lastStatusCode: null, lastError: expect.any(String) });

    await page.reload();
    const card = (url: string) => page.getByTestId("webhook-endpoint").filter({ hasText: url });
    await expect(card(failing.url).getByTestId("webhook-delivery")).toContainText("500");
    await expect(card(redirecting.url).getByTestId("webhook-delivery")).toContainText("302");
    await expect(card(downUrl).getByTestId("webhook-delivery")).toContainText("không trả lời");
    await expect(card(slow.url).getByTestId("webhook-delivery")).toContainText("không trả lời");
    await card(failing.url).getByTestId("webhook-attempts").locator("summary").click();
    await expect(card(failing.url).getByTestId("webhook-attempts")).toContainText("Lần 1");
    await page.screenshot({ path: "/tmp/hooks-failing.png", fullPage: true });

    // The receiver is fixed; a person redelivers without waiting for the next retry.
    failing.answer((res) => res.writeHead(204).end());
    await card(failing.url).getByRole("button", { name: "Gửi lại" }).click();
    await expect(page.getByText("Đã xếp hàng gửi lại (cùng webhook-id).")).toBeVisible();
    await expect.poll(async () => (await firstDelivery(failing.url))?.status, { timeout: 20_000 }).toBe("delivered");
    expect((await firstDelivery(failing.url))?.lastStatusCode).toBe(204);
    const ids = new Set(failing.received.map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);
  } finally {
    await Promise.all([failing.close(), target.close(), redirecting.close(), slow.close()]);
  }
});

test("the webhooks overview: admins see every endpoint with its event, organizers those of their events", async ({ api, loginAs, page }) => {
  const admin = await api("admin");
  const organizer = await api("organizer");
  const title = unique("Sự kiện tổng quan webhook");
  const event = (await (await organizer.post("/api/v1/events", { data: eventBody(title) })).json()) as { id: string };
  // Loopback addresses (the e2e server allows them); nothing is sent here: the event is not changed afterwards, and
  // the every-event endpoint listens to nothing and is removed at the end.
  const tag = Date.now().toString(36);
  const perEvent = `http://127.0.0.1:9/${tag}/event`;
  const everyEvent = `http://127.0.0.1:9/${tag}/every`;
  const a = await organizer.post("/api/v1/webhooks", { data: { url: perEvent, events: ["event.cancelled"], eventId: event.id } });
  const b = await admin.post("/api/v1/webhooks", { data: { url: everyEvent, events: ["press.published"] } });
  expect([a.status(), b.status()]).toEqual([201, 201]);
  const everyId = ((await b.json()) as { id: string }).id;
  await admin.patch(`/api/v1/webhooks/${everyId}`, { data: { enabled: false } });

  await loginAs("admin");
  await page.goto("/admin/webhooks");
  await expect(page).toHaveURL(/\/webhooks$/);
  await expect(page.getByRole("heading", { name: "Webhook", exact: true, level: 1 })).toBeVisible();
  const group = page.getByTestId("webhook-group").filter({ has: page.getByRole("link", { name: `Sự kiện: ${title}` }) });
  await expect(group.getByTestId("webhook-endpoint").filter({ hasText: perEvent })).toHaveCount(1);
  const every = page.getByTestId("webhook-group").filter({ has: page.getByRole("heading", { name: "Mọi sự kiện" }) });
  await expect(every.getByTestId("webhook-endpoint").filter({ hasText: everyEvent })).toHaveCount(1);
  // The registration form (every event) checks in the browser, with the shared schema's messages.
  await page.getByLabel(/^Địa chỉ nhận/).fill("hethong.example.vn/signet");
  await page.getByRole("button", { name: "Đăng ký", exact: true }).click();
  await expect(page.getByText("Địa chỉ không hợp lệ (ví dụ https://hethong.example.vn/signet).")).toBeVisible();
  await expect(page.getByText("Chọn ít nhất một loại sự kiện.")).toBeVisible();
  await expect(page.getByLabel(/^Địa chỉ nhận/)).toHaveValue("hethong.example.vn/signet");
  await page.screenshot({ path: "/tmp/hooks-api-admin.png", fullPage: true });

  await page.context().clearCookies();
  await loginAs("organizer");
  await page.goto("/webhooks");
  await expect(page.getByTestId("webhook-endpoint").filter({ hasText: perEvent })).toHaveCount(1);
  await expect(page.getByTestId("webhook-endpoint").filter({ hasText: everyEvent })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Đăng ký", exact: true })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/hooks-api-organizer.png", fullPage: true });
  expect((await admin.delete(`/api/v1/webhooks/${everyId}`)).status()).toBe(204);
});

test("the API token form checks in the browser and keeps what was typed", async ({ loginAs, page }) => {
  await loginAs("viewer");
  await page.goto("/account/tokens");
  const name = page.getByLabel(/^Tên gợi nhớ/);
  await name.fill("   ");
  await page.getByRole("checkbox", { name: "Đọc (GET)" }).uncheck();
  await page.getByLabel(/^Hết hạn sau/).selectOption({ label: "30 ngày" });
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  await expect(page.getByText("Nhập tên gợi nhớ (tối đa 100 ký tự).")).toBeVisible();
  await expect(page.getByText("Chọn ít nhất một quyền.")).toBeVisible();
  await expect(page.getByTestId("token-created")).toHaveCount(0);
  await expect(page.getByLabel(/^Hết hạn sau/)).toHaveValue("30");
  await page.screenshot({ path: "/tmp/hooks-tokens-errors.png", fullPage: true });
  await name.fill(unique("Bot nhắn tin"));
  await page.getByRole("checkbox", { name: /^Ghi/ }).check();
  await page.getByRole("button", { name: "Tạo khóa" }).click();
  await expect(page.getByTestId("token-created").getByRole("textbox")).toHaveValue(/^sgt_/);
});
