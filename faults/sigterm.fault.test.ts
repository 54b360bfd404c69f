/**
 * SIGTERM drains before exit: the real server (server/index.ts on PGlite) is sent SIGTERM
 *  - while a request is in flight (its body still arriving): new connections are refused, the request
 *    finishes and its write is in the database; the process exits 0 and releases the data directory;
 *  - while the mail worker is in the middle of a send: that message is acknowledged by the SMTP server and
 *    marked sent before the database closes; the worker claims nothing more.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mailMessages } from "#db/schema/index";
import { FaultySmtpSink, killChildren, migratedPgliteDir, startAppServer, waitFor } from "./support";
import { newPGlite } from "#db/client.server";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "signet-faults-term-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  killChildren();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Everything the socket receives until the server closes it. */
function collect(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.once("error", reject);
    socket.once("close", () => resolve(text));
  });
}

function connectTo(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

describe("SIGTERM", () => {
  it("lets the request in flight finish and keep its write, refuses new connections, then exits 0", async () => {
    const dataDir = tempDir();
    await (await migratedPgliteDir(path.join(dataDir, "pglite"))).close();
    const server = await startAppServer({ DATA_DIR: dataDir, METRICS_TOKEN: undefined });
    // Liveness answers without the database; without METRICS_TOKEN there is no /metrics at all.
    const live = await fetch(`${server.url}/livez`);
    expect(live.status).toBe(200);
    expect(live.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(live.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    const body = new URLSearchParams({ name: "Quản trị viên", email: "admin@signet.test", password: "mot-mat-khau-dai" }).toString();
    const socket = await connectTo(server.url);
    const answer = collect(socket);
    // The headers and half the body now; the rest after the signal.
    socket.write(
      `POST /setup HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`,
    );
    // Give the server the moment it needs to read those bytes (not an assertion: the wait only orders events).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    server.process.kill("SIGTERM");
    await waitFor("the server to start stopping", () => (server.output().includes("SIGTERM: finishing") ? true : undefined));

    // No longer accepting.
    await expect(connectTo(server.url)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    socket.write(body.slice(20));
    const response = await answer;
    expect(response).toMatch(/^HTTP\/1\.1 30[23] /);
    expect(response).toMatch(/^Location: \/events\r$/im);
    expect(response).toMatch(/^Connection: close\r$/im);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("Stopped.");

    // The acknowledged write is in the database, which opens cleanly; the data directory's lock is released.
    const pglite = newPGlite(path.join(dataDir, "pglite"));
    try {
      const users = await pglite.query<{ email: string; role: string }>("select email, role from users");
      expect(users.rows).toEqual([{ email: "admin@signet.test", role: "admin" }]);
    } finally {
      await pglite.close();
    }
    expect(existsSync(path.join(dataDir, "signet.pid"))).toBe(false);
  });

  it("lets the mail worker finish the message it is sending, then claims nothing more", async () => {
    const dataDir = tempDir();
    // Three messages waiting in the outbox before the server starts.
    const database = await migratedPgliteDir(path.join(dataDir, "pglite"));
    await database.db.insert(mailMessages).values(
      [1, 2, 3].map((i) => ({
        idempotencyKey: `term-${i}`,
        kind: "invitation" as const,
        eventId: null,
        invitationId: null,
        to: `guest-${i}@example.org`,
        subject: `Thư mời ${i}`,
        text: "Kính gửi",
        html: "<p>Kính gửi</p>",
        icsMethod: null,
        icsContent: null,
        meta: { toName: null, language: "vi" },
        status: "queued" as const,
        nextAttemptAt: new Date(Date.now() - 60_000),
      })),
    );
    await database.close();

    const sink = new FaultySmtpSink();
    let release: () => void = () => {};
    sink.gate = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => {};
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    sink.onMessage = arrived;
    const port = await sink.start();
    try {
      const server = await startAppServer({ DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${port}/?ignoreTLS=true` });
      await firstArrived; // The worker is now waiting for the SMTP server's answer to message 1.
      server.process.kill("SIGTERM");
      await waitFor("the server to start stopping", () => (server.output().includes("SIGTERM: finishing") ? true : undefined));
      release();
      expect(await server.exited).toBe(0);
      expect(sink.delivered).toHaveLength(1);

      const pglite = newPGlite(path.join(dataDir, "pglite"));
      try {
        const rows = await pglite.query<{ status: string; attempts: number }>(
          "select status, attempts from mail_messages order by idempotency_key",
        );
        expect(rows.rows.filter((r) => r.status === "sent")).toHaveLength(1);
        expect(rows.rows.filter((r) => r.status === "queued" && r.attempts === 0)).toHaveLength(2);
      } finally {
        await pglite.close();
      }
    } finally {
      await sink.stop();
    }
  });
});
