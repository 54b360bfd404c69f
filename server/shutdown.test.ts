import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { NextFunction, Request, Response } from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createShutdown, type Shutdown } from "./shutdown";

/** A plain HTTP server behind the shutdown middleware; `/slow` answers after `slowMs`. */
async function serve(options: { delayMs?: number; graceMs?: number; slowMs?: number }) {
  const steps: string[] = [];
  let shutdown: Shutdown | null = null;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const answer = () => res.end(shutdown?.stopping ? "stopping" : "ok");
    shutdown!.middleware(req as Request, res as unknown as Response, (() =>
      req.url === "/slow" ? setTimeout(answer, options.slowMs ?? 500) : answer()) as NextFunction);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  shutdown = createShutdown({
    server,
    graceMs: options.graceMs ?? 5_000,
    delayMs: options.delayMs,
    log: (message) => steps.push(message),
    stopWorkers: async () => void steps.push("workers stopped"),
    closeResources: async () => void steps.push("resources closed"),
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, shutdown, url, steps };
}

let open: Server[] = [];
afterEach(async () => {
  for (const server of open) if (server.listening) await new Promise((resolve) => server.close(resolve));
  open = [];
});

const refused = (url: string) =>
  fetch(url).then(
    () => false,
    (error: { cause?: { code?: string } }) => error.cause?.code === "ECONNREFUSED",
  );

describe("graceful stop", () => {
  it("closes the listener at once without a delay, and lets the request in flight finish", async () => {
    const { server, shutdown, url, steps } = await serve({ slowMs: 300 });
    open.push(server);
    const slow = fetch(`${url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = shutdown.run("SIGTERM");
    expect(shutdown.stopping).toBe(true);
    expect(await refused(url)).toBe(true);
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("connection")).toBe("close");
    await stopped;
    expect(steps.slice(-3)).toEqual(["workers stopped", "resources closed", "Stopped."]);
  });

  it("keeps answering for SHUTDOWN_DELAY_MS (each answer closing its connection), then stops accepting", async () => {
    const { server, shutdown, url, steps } = await serve({ delayMs: 400 });
    open.push(server);
    const started = Date.now();
    const stopped = shutdown.run("SIGTERM");
    // Within the delay: a new connection is taken and answered, and told not to come back.
    const during = await fetch(url);
    expect(during.status).toBe(200);
    expect(await during.text()).toBe("stopping");
    expect(during.headers.get("connection")).toBe("close");
    expect(server.listening).toBe(true);
    // The workers stop at once; the resources close only after the listener.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps).toContain("workers stopped");
    expect(steps).not.toContain("resources closed");
    await stopped;
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(server.listening).toBe(false);
    expect(await refused(url)).toBe(true);
    expect(steps.slice(-2)).toEqual(["resources closed", "Stopped."]);
  });

  it("cuts a request still open after the grace period", async () => {
    const { server, shutdown, url, steps } = await serve({ graceMs: 200, slowMs: 5_000 });
    open.push(server);
    const slow = fetch(`${url}/slow`).then(
      () => "answered",
      () => "cut",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await shutdown.run("SIGTERM");
    expect(await slow).toBe("cut");
    expect(steps.some((s) => s.includes("cut off"))).toBe(true);
  });
});
