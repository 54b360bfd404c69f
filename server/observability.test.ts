import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, metricsRoute, requestObservation } from "./observability";

const TOKEN = "a-metrics-token-of-some-length";
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

describe("request ids, request log lines and /metrics", () => {
  let base = "";
  let close: () => void = () => {};
  beforeAll(async () => {
    const metrics = createMetrics({
      instance: "test",
      outbox: () => Promise.resolve({ queued: 7, sending: 1, failed: 2, oldestQueuedSeconds: 42 }),
      scheduler: () => true,
    });
    const app = express();
    app.use(requestObservation(pino({ base: null }, sink), metrics));
    app.get("/metrics", metricsRoute(metrics, TOKEN));
    app.get("/i/:token", (_req, res) => res.send("ok"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("keeps a proxy's request id, makes one when there is none or it is not a plain token, and sends it back", async () => {
    expect((await fetch(`${base}/i/x`, { headers: { "X-Request-Id": "nginx-4f2a9c" } })).headers.get("X-Request-Id")).toBe("nginx-4f2a9c");
    const made = (await fetch(`${base}/i/x`)).headers.get("X-Request-Id");
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = (await fetch(`${base}/i/x`, { headers: { "X-Request-Id": "<script>alert(1)</script>" } })).headers.get("X-Request-Id");
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs a request with its id and route label, never the personal link's token or the query", async () => {
    lines.length = 0;
    await fetch(`${base}/i/SecretPersonalToken123?email=guest@example.org`, { headers: { "X-Request-Id": "req-1" } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines.find((l) => l.requestId === "req-1");
    expect(line).toMatchObject({ msg: "request", method: "GET", route: "/i/:token", status: 200 });
    expect(JSON.stringify(lines)).not.toMatch(/SecretPersonalToken123|guest@example\.org/);
  });

  it("answers /metrics to the bearer of METRICS_TOKEN only", async () => {
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toBe('Bearer realm="metrics"');
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: "Bearer wrong-token" } })).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toMatch(/^signet_http_request_duration_seconds_count\{instance_id="test",method="GET",route="\/i\/:token",status="200"\} [1-9]/m);
    expect(text).toMatch(/^signet_outbox_queued\{instance_id="test"\} 7$/m);
    expect(text).toMatch(/^signet_outbox_oldest_age_seconds\{instance_id="test"\} 42$/m);
    expect(text).toMatch(/^signet_scheduler_lease_held\{instance_id="test"\} 1$/m);
    expect(text).not.toContain("SecretPersonalToken123");
  });
});
