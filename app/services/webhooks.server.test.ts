/**
 * Webhook delivery against a real HTTP receiver on loopback (so these tests allow private addresses, except
 * the SSRF ones): signatures verified by hand, exactly once per endpoint and message, retries, the delivery
 * log, redirects not followed, a receiver that is down or slow, disabling after 24 h with an email.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createAttendee, createEvent, createUser } from "#db/factories";
import { mailMessages, webhookDeliveries, webhookEndpoints } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { getEndpoint, listDeliveryLog } from "~/models/webhooks.server";
import { secretBox } from "~/utils/secret-box.server";
import type { Actor } from "~/domain/access/permissions";
import { cancelEvent } from "./events.server";
import { withdrawInvitation } from "./invitations.server";
import { ServiceError } from "~/utils/errors";
import {
  createWebhookEndpoint,
  drainWebhooks,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "./webhooks.server";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  path: string;
}

type Behaviour = "ok" | "500" | "redirect" | "slow";

/** A receiver whose answer the test chooses; it records every request. */
async function startReceiver() {
  const received: Received[] = [];
  let behaviour: Behaviour = "ok";
  const held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body, path: req.url ?? "" });
      if (behaviour === "ok") res.writeHead(204).end();
      else if (behaviour === "500") res.writeHead(500, { "content-type": "text/plain" }).end("boom");
      else if (behaviour === "redirect") res.writeHead(302, { location: "/elsewhere" }).end();
      else held.push(res); // slow: never answers while the test runs
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    set(next: Behaviour) {
      behaviour = next;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A hand-written Standard Webhooks check, independent of the code under test. */
function signatureValid(secret: string, r: Received): boolean {
  const id = String(r.headers["webhook-id"]);
  const ts = String(r.headers["webhook-timestamp"]);
  const mac = createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64")).update(`${id}.${ts}.${r.body}`).digest("base64");
  return String(r.headers["webhook-signature"]).split(" ").includes(`v1,${mac}`);
}

const box = secretBox("test-key-material-for-webhooks-0123456789");
const allow = { allowPrivate: true, timeoutMs: 2_000, appUrl: "https://signet.example" };
const T0 = new Date("2031-05-01T08:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

describe("webhooks", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  let ownerId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db, { role: "admin", email: "hooks-owner@signet.test" });
    actor = { id: user.id, name: user.name };
    ownerId = user.id;
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await database.close();
  });
  beforeEach(async () => {
    await db.delete(webhookEndpoints);
    await db.delete(mailMessages);
    receiver.received.length = 0;
    receiver.set("ok");
  });

  async function endpoint(input: Partial<Parameters<typeof createWebhookEndpoint>[3]> = {}) {
    return createWebhookEndpoint(db, box, { id: ownerId }, { url: receiver.url, events: ["event.cancelled"], ...input }, allow);
  }

  it("delivers a signed event once per endpoint and message id, and logs the response code", async () => {
    const { endpoint: hook, secret } = await endpoint();
    const event = await createEvent(db, actor);
    await cancelEvent(db, actor, event.id);

    expect(await drainWebhooks(db, box, allow, T0)).toMatchObject({ delivered: 1, retried: 0 });
    expect(receiver.received).toHaveLength(1);
    const [r] = receiver.received;
    expect(signatureValid(secret, r!)).toBe(true);
    expect(r!.headers["webhook-timestamp"]).toBe(String(T0.getTime() / 1000));
    expect(r!.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(r!.body);
    expect(body).toMatchObject({ type: "event.cancelled", data: { eventId: event.id } });

    // Nothing is sent twice: the next rounds find nothing due.
    expect(await drainWebhooks(db, box, allow, later(60_000))).toMatchObject({ delivered: 0 });
    expect(receiver.received).toHaveLength(1);

    const [log] = await listDeliveryLog(db, hook.id, 10);
    expect(log).toMatchObject({ status: "delivered", lastStatusCode: 204, attempts: 1 });
    expect(log!.log.map((a) => a.statusCode)).toEqual([204]);
    expect(log!.messageId).toBe(r!.headers["webhook-id"]);
  });

  it("sends only the subscribed types, and an event's endpoint only that event's", async () => {
    const event = await createEvent(db, actor);
    const other = await createEvent(db, actor);
    await endpoint({ events: ["invitation.answered"] });
    await endpoint({ eventId: other.id });
    await cancelEvent(db, actor, event.id);
    expect(await drainWebhooks(db, box, allow, T0)).toMatchObject({ delivered: 0 });
    await cancelEvent(db, actor, other.id);
    expect(await drainWebhooks(db, box, allow, T0)).toMatchObject({ delivered: 1 });
  });

  it("adds names and emails only for endpoints allowed personal data", async () => {
    await endpoint({ events: ["invitation.withdrawn"] });
    await endpoint({ events: ["invitation.withdrawn"], includePersonalData: true });
    const event = await createEvent(db, actor);
    const invitation = await createAttendee(db, actor, event.id, { fullName: "Nguyễn Thị Hạnh", email: "hanh@example.vn" });
    await withdrawInvitation(db, actor, invitation.id);
    await drainWebhooks(db, box, allow, T0);
    const bodies = receiver.received.map((r) => r.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.filter((b) => b.includes("hanh@example.vn"))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes("Nguyễn Thị Hạnh"))).toHaveLength(1);
    for (const b of bodies) expect(JSON.parse(b).data.invitationId).toBe(invitation.id);
  });

  it("retries a 500 with backoff under the same webhook-id, then succeeds", async () => {
    const { endpoint: hook, secret } = await endpoint();
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    receiver.set("500");
    expect(await drainWebhooks(db, box, allow, T0)).toMatchObject({ retried: 1 });
    // Not due again before the backoff has passed.
    expect(await drainWebhooks(db, box, allow, later(10_000))).toMatchObject({ retried: 0, delivered: 0 });
    receiver.set("ok");
    expect(await drainWebhooks(db, box, allow, later(31_000))).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.headers["webhook-id"]).toBe(receiver.received[1]!.headers["webhook-id"]);
    expect(receiver.received.every((r) => signatureValid(secret, r))).toBe(true);
    const [log] = await listDeliveryLog(db, hook.id, 10);
    expect(log!.log.map((a) => a.statusCode)).toEqual([204, 500]);
    expect((await getEndpoint(db, hook.id))!.failingSince).toBeNull();
  });

  it("does not follow a redirect: the 302 is a failed attempt and the target is never asked", async () => {
    const { endpoint: hook } = await endpoint();
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    receiver.set("redirect");
    expect(await drainWebhooks(db, box, allow, T0)).toMatchObject({ retried: 1, delivered: 0 });
    expect(receiver.received.map((r) => r.path)).toEqual(["/hook"]);
    const [log] = await listDeliveryLog(db, hook.id, 10);
    expect(log).toMatchObject({ status: "queued", lastStatusCode: 302 });
    expect(log!.lastError).toMatch(/not followed/);
  });

  it("records a receiver that is down (no status code) and one that is too slow", async () => {
    const down = await startReceiver();
    const downUrl = down.url;
    await down.close();
    const { endpoint: dead } = await endpoint({ url: downUrl });
    const { endpoint: slow } = await endpoint();
    receiver.set("slow");
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    expect(await drainWebhooks(db, box, { ...allow, timeoutMs: 300 }, T0)).toMatchObject({ retried: 2 });
    const [deadLog] = await listDeliveryLog(db, dead.id, 10);
    expect(deadLog).toMatchObject({ status: "queued", lastStatusCode: null });
    expect(deadLog!.lastError).toMatch(/Could not connect \(ECONNREFUSED\)/);
    const [slowLog] = await listDeliveryLog(db, slow.id, 10);
    expect(slowLog).toMatchObject({ status: "queued", lastStatusCode: null });
    expect(slowLog!.lastError).toMatch(/No answer within/);
  });

  it("disables an endpoint after 24 hours of failures and emails its owner", async () => {
    const { endpoint: hook } = await endpoint();
    receiver.set("500");
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    await drainWebhooks(db, box, allow, T0);
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    // 23 h later: still failing, still on.
    await drainWebhooks(db, box, allow, later(23 * 3600_000));
    expect((await getEndpoint(db, hook.id))!.enabled).toBe(true);
    const result = await drainWebhooks(db, box, allow, later(24 * 3600_000 + 1000));
    expect(result.disabled).toBe(1);
    const after = (await getEndpoint(db, hook.id))!;
    expect(after).toMatchObject({ enabled: false, disabledReason: "failing" });
    const statuses = (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, hook.id))).map((d) => d.status);
    expect(statuses.every((s) => s === "failed")).toBe(true);
    const mail = await db.select().from(mailMessages);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: "hooks-owner@signet.test", status: "queued" });
    expect(mail[0]!.text).toContain(receiver.url);
    // A disabled endpoint gets nothing, even when due.
    const seen = receiver.received.length;
    await drainWebhooks(db, box, allow, later(48 * 3600_000));
    expect(receiver.received).toHaveLength(seen);
    // Switched on again by its owner, a redelivery goes out.
    await updateWebhookEndpoint(db, hook.id, { enabled: true });
    receiver.set("ok");
    const [first] = await listDeliveryLog(db, hook.id, 10);
    await redeliverWebhook(db, hook.id, first!.id, later(48 * 3600_000));
    expect(await drainWebhooks(db, box, allow, later(48 * 3600_000))).toMatchObject({ delivered: 1 });
  });

  it("redelivers by hand with the same webhook-id", async () => {
    const { endpoint: hook } = await endpoint();
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    await drainWebhooks(db, box, allow, T0);
    const [delivery] = await listDeliveryLog(db, hook.id, 10);
    await redeliverWebhook(db, hook.id, delivery!.id, later(1000));
    await drainWebhooks(db, box, allow, later(1000));
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
    await expect(redeliverWebhook(db, hook.id, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(ServiceError);
  });

  it("signs with both secrets during a rotation's overlap, then with the new one only", async () => {
    const { endpoint: hook, secret: old } = await endpoint();
    const { secret: next } = await rotateWebhookSecret(db, box, hook.id, T0);
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    await drainWebhooks(db, box, allow, later(1000));
    const [during] = receiver.received;
    expect(signatureValid(old, during!)).toBe(true);
    expect(signatureValid(next, during!)).toBe(true);
    await cancelEvent(db, actor, (await createEvent(db, actor)).id);
    await drainWebhooks(db, box, allow, later(25 * 3600_000));
    const after = receiver.received[1]!;
    expect(signatureValid(next, after)).toBe(true);
    expect(signatureValid(old, after)).toBe(false);
  });

  describe("SSRF: without WEBHOOK_ALLOW_PRIVATE", () => {
    const strict = { allowPrivate: false, timeoutMs: 2_000, appUrl: "https://signet.example" };

    it.each([
      ["loopback IPv4", (port: number) => `http://127.0.0.1:${port}/hook`],
      ["localhost by name (resolved)", (port: number) => `http://localhost:${port}/hook`],
      ["loopback IPv6", (port: number) => `http://[::1]:${port}/hook`],
      ["IPv4-mapped loopback", (port: number) => `http://[::ffff:127.0.0.1]:${port}/hook`],
      ["private 10/8", () => "http://10.0.0.1/hook"],
      ["private 192.168/16", () => "http://192.168.1.20/hook"],
      ["link-local (metadata)", () => "http://169.254.169.254/latest/meta-data/"],
      ["unique-local IPv6", () => "http://[fd00::1]/hook"],
    ])("refuses to register %s", async (_label, url) => {
      await expect(
        createWebhookEndpoint(db, box, { id: ownerId }, { url: url(receiver.port), events: ["event.cancelled"] }, strict),
      ).rejects.toMatchObject({ code: "invalid", fields: { url: "webhooks.url.private" } });
    });

    it.each(["ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)"])("refuses the non-http URL %s", async (url) => {
      await expect(
        createWebhookEndpoint(db, box, { id: ownerId }, { url, events: ["event.cancelled"] }, strict),
      ).rejects.toMatchObject({ code: "invalid", fields: { url: "webhooks.url.scheme" } });
    });

    it("checks again at send time: an endpoint registered while allowed is not reached once refused", async () => {
      const { endpoint: hook } = await endpoint({ url: `http://localhost:${receiver.port}/hook` });
      await cancelEvent(db, actor, (await createEvent(db, actor)).id);
      expect(await drainWebhooks(db, box, strict, T0)).toMatchObject({ delivered: 0, retried: 1 });
      expect(receiver.received).toHaveLength(0);
      const [log] = await listDeliveryLog(db, hook.id, 10);
      expect(log!.lastError).toMatch(/private, loopback or link-local/);
    });
  });
});
