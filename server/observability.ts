/**
 * Logs, request ids and metrics for server/index.ts (docs/decisions/029-scaling.md).
 *
 *  - Logs: one JSON object per line (pino) when LOG_FORMAT=json — the default when stdout is not a terminal
 *    (containers, systemd, the tests) — or the plain text of before (LOG_FORMAT=text, the default on a terminal).
 *    In JSON, every console.log/warn/error of the app becomes a log line too, with the request id of the
 *    request it belongs to. A request's line holds its id, method, route label (server/route-label.ts: no ids,
 *    tokens or slugs), status, duration and size: never an address, a query string, a name or an email.
 *  - X-Request-Id: taken from the request when it is a plain token (a proxy's id), else made here; sent back.
 *  - Metrics (prom-client) at /metrics, only with METRICS_TOKEN set, for a bearer of that token: request
 *    latency by route, the outbox's depth and age, mail send results, check-ins, Node's own.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { format } from "node:util";
import type { NextFunction, Request, Response } from "express";
import pino, { type Logger } from "pino";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { routeLabel } from "./route-label";

export type LogFormat = "json" | "text";

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** The JSON logger; in text mode null (console stays as it is). */
export function createLogger(logFormat: LogFormat, base: Record<string, unknown>): Logger | null {
  if (logFormat === "text") return null;
  // LOG_LEVEL: pino's levels (fatal, error, warn, info, debug, trace); an unknown one is "info".
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase() ?? "";
  const level = ["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(wanted) ? wanted : "info";
  const logger = pino({
    level,
    base,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  });
  // The app's own messages (start-up, workers, warnings) become log lines of the same stream.
  console.log = (...args: unknown[]) => logger.info(format(...args));
  console.info = console.log;
  console.warn = (...args: unknown[]) => logger.warn(format(...args));
  console.error = (...args: unknown[]) => {
    const error = args.find((a): a is Error => a instanceof Error);
    if (error) logger.error({ err: error }, format(...args.filter((a) => a !== error)));
    else logger.error(format(...args));
  };
  return logger;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  mailResults: Counter<"result">;
  checkIns: Counter<"outcome">;
}

export function createMetrics(options: {
  instance: string;
  /** Read at each scrape: the outbox as the database has it now. */
  outbox: () => Promise<{ queued: number; sending: number; failed: number; oldestQueuedSeconds: number }>;
  /** Whether this instance holds the scheduler lease. */
  scheduler: () => boolean;
}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: options.instance });
  collectDefaultMetrics({ register: registry, prefix: "signet_" });
  const httpDuration = new Histogram({
    name: "signet_http_request_duration_seconds",
    help: "Time from the request's arrival to the end of its answer, by route label.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const mailResults = new Counter({
    name: "signet_mail_send_total",
    help: "Outbox sends by this instance: sent, retried (failed, tried again later), failed (gave up), lost (claim taken over).",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const checkIns = new Counter({
    name: "signet_check_ins_total",
    help: "Check-ins at the door through this instance, by outcome (checkedIn, already, refused).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  let last: Awaited<ReturnType<typeof options.outbox>> | null = null;
  let pending: Promise<void> | null = null;
  // One database query per scrape for all the outbox gauges.
  const refresh = () =>
    (pending ??= options
      .outbox()
      .then((value) => void (last = value))
      .catch(() => void (last = null))
      .finally(() => (pending = null)));
  const outboxGauge = (name: string, help: string, pick: (v: NonNullable<typeof last>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        await refresh();
        if (last) this.set(pick(last));
      },
    });
  outboxGauge("signet_outbox_queued", "Messages waiting in the outbox (all instances).", (v) => v.queued);
  outboxGauge("signet_outbox_sending", "Messages claimed and being sent (all instances).", (v) => v.sending);
  outboxGauge("signet_outbox_failed", "Messages that gave up (shown in the Mailbox).", (v) => v.failed);
  outboxGauge("signet_outbox_oldest_age_seconds", "Age of the oldest message due and still queued; 0 when none.", (v) => v.oldestQueuedSeconds);
  new Gauge({
    name: "signet_scheduler_lease_held",
    help: "1 when this instance holds the scheduler lease (scheduled reminders, retention).",
    registers: [registry],
    collect() {
      this.set(options.scheduler() ? 1 : 0);
    },
  });
  return { registry, httpDuration, mailResults, checkIns };
}

/** X-Request-Id in and out, the request's log line and its latency observation. */
export function requestObservation(logger: Logger | null, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req.path, res.statusCode);
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (logger && route !== "/build/*" && req.path !== "/livez")
        logger.info(
          {
            requestId,
            method: req.method,
            route,
            status: res.statusCode,
            ms: Math.round(seconds * 10_000) / 10,
            bytes: Number(res.getHeader("Content-Length")) || undefined,
          },
          "request",
        );
    });
    requestContext.run({ requestId }, next);
  };
}

function sameSecret(a: string, b: string): boolean {
  const hash = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(hash(a), hash(b));
}

/** GET /metrics for a bearer of METRICS_TOKEN (401 otherwise). Mounted only when the token is set. */
export function metricsRoute(metrics: Metrics, token: string) {
  return async (req: Request, res: Response) => {
    const header = req.headers.authorization ?? "";
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? "";
    res.setHeader("Cache-Control", "no-store");
    if (!given || !sameSecret(given, token)) {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain; charset=utf-8").send("401 Unauthorized");
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
