// First, before the app allocates: how far V8 lets the heap grow between full collections (server/heap-growth.ts).
import "./heap-growth";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { openDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed";
import { storageFromUrl } from "~/services/storage.server";
import { lease, SCHEDULER_LEASE } from "~/services/leases.server";
import { outboxStats } from "~/models/mail.server";
import { inboundSettings, readEnv } from "~/utils/env.server";
import { startImapPoller } from "~/services/inbound-imap.server";
import { readTlsFiles, startInboundSmtp } from "~/services/inbound-smtp.server";
import { positionRanks } from "~/utils/position-ranks.server";
import { countUsers } from "~/models/users.server";
import { getOrCreateSetting } from "~/models/settings.server";
import { randomToken } from "~/utils/crypto.server";
import { secretBox } from "~/utils/secret-box.server";
import { createTransportFromEnv, readMailSettings } from "~/services/mail-transport.server";
import { startOutboxWorker } from "~/services/outbox-worker.server";
import { startRetentionSchedule } from "~/services/retention-schedule.server";
import { startWebhookWorker } from "~/services/webhooks.server";
import "~/utils/context.server";
import { buildDirectories, ensureBuild } from "./build";
import { acquire, release } from "./data-dir-lock";
import { isPostgresClosedSocketWrite } from "./driver-faults";
import { isCrossOriginWrite } from "./origin";
import { badAddressJson, badAddressText, isWellFormedTarget } from "./request-guards";
import { createLogger, createMetrics, metricsRoute, requestObservation } from "./observability";
import { securityHeaders } from "./security-headers";
import { publicFilePaths } from "./public-files";
import { createShutdown } from "./shutdown";

// One known driver bug must not end the server when PostgreSQL restarts (server/driver-faults.ts); any other
// uncaught exception still does, as without this handler.
process.on("uncaughtException", (error) => {
  if (isPostgresClosedSocketWrite(error)) {
    console.warn("PostgreSQL connection lost while writing to it; the query was already answered with an error.");
    return;
  }
  console.error("Uncaught exception:", error);
  process.exit(1);
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = readEnv();
process.env.NODE_ENV = "production";

// This process among the app instances sharing the database: in logs, metrics and the scheduler lease.
const instanceId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
// JSON lines for containers and log collectors; plain text on a terminal (server/observability.ts).
const logger = createLogger(env.LOG_FORMAT ?? (process.stdout.isTTY ? "text" : "json"), { instance: instanceId });

// Build first, so a failed build never leaves a half-initialised data directory behind.
const build = (await import(pathToFileURL(ensureBuild(root)).href)) as ServerBuild;

// A broken POSITION_RANKS_FILE stops the start with a message, not the first dignitaries page.
positionRanks();

const dataDir = path.resolve(env.DATA_DIR);
if (!env.DATABASE_URL) acquire(dataDir);
const database = openDatabase(
  // PGlite in a thread of its own: its queries no longer take the thread that renders the pages (decision 037).
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: path.join(dataDir, "pglite"), thread: true },
);
await database.migrate();
const db = database.db;
const storage = storageFromUrl(env.STORAGE_URL, { dataDir, region: process.env.AWS_REGION });
console.log(`Photos: stored in ${storage.location}.`);
if (database.kind === "pglite")
  console.log("Database: PGlite, embedded — one app process only. For several instances, set DATABASE_URL to a PostgreSQL server.");
// PGlite never runs autovacuum/ANALYZE by itself: give the planner statistics once per start.
if (database.kind === "pglite") await db.execute(sql`analyze`);

const cookieSecrets = env.SESSION_SECRET
  ? [env.SESSION_SECRET]
  : [await getOrCreateSetting(db, "session_secret", () => randomToken(32))];

// Two-step verification seeds are sealed with this key (docs/decisions/014-accounts-security.md).
const box = secretBox(env.ENCRYPTION_KEY ?? (await getOrCreateSetting(db, "encryption_key", () => randomToken(32))));

if ((await countUsers(db)) === 0) {
  if (env.SIGNET_DEMO === "1") {
    const accounts = await seedDemo(db, { storage });
    console.log("\nDemo data loaded: the signing ceremony of 19/10/2017 in Thái Bình.");
    console.log("Demo accounts (passwords are generated and shown only now):");
    for (const a of accounts) console.log(`  ${a.role.padEnd(14)} ${a.email.padEnd(28)} ${a.password}`);
    console.log("");
  } else {
    console.log(`\nThe database is empty: open http://localhost:${env.PORT}/setup to create the first administrator.\n`);
  }
}

// Cookies are Secure in production. Browsers accept Secure cookies from http://localhost, so the
// two-command start works as is; COOKIE_SECURE=0 is for plain-HTTP access from another host.
const secureCookies = env.COOKIE_SECURE !== "0";

const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");

// Scheduled work (reminders, retention) runs on one instance at a time: the holder of this lease.
const schedulerLease = lease(db, SCHEDULER_LEASE, instanceId);

const metrics = createMetrics({
  instance: instanceId,
  outbox: () => outboxStats(db),
  scheduler: () => schedulerLease.held,
});

// The mail outbox: queued invitations, updates and reminders go out through SMTP_URL, or into /admin/mailbox.
// Every instance sends (claims keep them apart); only the lease holder turns scheduled reminders into mail.
const mailTransport = createTransportFromEnv(env);
const outboxWorker = startOutboxWorker(db, {
  transport: mailTransport,
  settings: { ...readMailSettings(env), appUrl },
  isScheduler: () => schedulerLease.acquire(),
  onDrain: (result) => {
    for (const key of ["sent", "retried", "failed", "lost"] as const) if (result[key]) metrics.mailResults.inc({ result: key }, result[key]);
  },
});
console.log(env.SMTP_URL ? "Mail: sent through SMTP_URL." : "Mail: no SMTP_URL — messages are kept in the Mailbox (/admin/mailbox).");

// Calendar replies and bounces (docs/decisions/027-calendar-replies.md): the SMTP listener and/or the IMAP poller.
const inbound = inboundSettings(env);
const inboundSmtp =
  inbound.domain && inbound.smtp
    ? await startInboundSmtp(db, {
        domain: inbound.domain,
        port: inbound.smtp.port,
        host: inbound.smtp.host,
        maxBytes: inbound.smtp.maxBytes,
        tls: readTlsFiles(inbound.smtp.tls),
      })
    : null;
const imapPoller =
  inbound.domain && inbound.imap
    ? startImapPoller(db, { url: inbound.imap.url, domain: inbound.domain, intervalMs: inbound.imap.intervalMs })
    : null;
if (inbound.domain) {
  const channels = [
    inboundSmtp ? `SMTP on port ${inboundSmtp.port}${inbound.smtp?.tls ? " (STARTTLS)" : ""}` : null,
    imapPoller ? "IMAP polling of INBOUND_IMAP_URL" : null,
  ].filter(Boolean);
  console.log(
    channels.length
      ? `Calendar replies: rsvp+…@${inbound.domain}, taken by ${channels.join(" and ")}.`
      : `Calendar replies: INBOUND_DOMAIN is set but neither INBOUND_SMTP_PORT nor INBOUND_IMAP_URL — replies to rsvp+…@${inbound.domain} are not read.`,
  );
}

// Retention: once a day, contact details and needs of events that ended RETENTION_DAYS ago are erased.
const retention = startRetentionSchedule(db, { days: env.RETENTION_DAYS, isScheduler: () => schedulerLease.acquire() });

// Webhooks: signed deliveries from the webhook outbox (docs/decisions/021-integrations.md).
const webhookWorker = startWebhookWorker(db, {
  box,
  settings: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === "1", timeoutMs: env.WEBHOOK_TIMEOUT_MS, appUrl },
});
if (env.WEBHOOK_ALLOW_PRIVATE === "1") console.log("Webhooks: WEBHOOK_ALLOW_PRIVATE=1 — private and loopback addresses are allowed.");

const app = express();
app.disable("x-powered-by");
// First: every answer, even a refusal below, carries X-Request-Id and is logged and timed.
app.use(requestObservation(logger, metrics));
if (env.TRUST_PROXY === "1") app.set("trust proxy", true);
else {
  // Not behind a trusted proxy: nobody may claim another host or scheme (Remix builds request.url from them).
  app.use((req: Request, _res: Response, next: NextFunction) => {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-for"];
    next();
  });
}
// While stopping (SIGTERM), each answer closes its connection: see server/shutdown.ts.
app.use((req: Request, res: Response, next: NextFunction) => shutdown.middleware(req, res, next));

// One nonce per request for the Content-Security-Policy; Remix's scripts get it through the load context. The
// headers are added just before the response's head is written, each only when the route did not set its own
// (the photos' stricter "default-src 'none'; sandbox"): one copy of each, never two.
app.use((req: Request, res: Response, next: NextFunction) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const policy = securityHeaders({ path: req.path, nonce, https: req.secure });
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    for (const [name, value] of Object.entries(policy)) if (!this.hasHeader(name)) this.setHeader(name, value);
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
});

// Methods the web's Request object refuses (TRACE, CONNECT, …) never reach Remix: answer them here.
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
app.use((req: Request, res: Response, next: NextFunction) => {
  if (METHODS.has(req.method)) return next();
  res.status(405).set("Allow", [...METHODS].join(", ")).type("text/plain; charset=utf-8").send("405 Method Not Allowed");
});

// An address with bad percent-encoding, bytes that are not UTF-8, or a NUL is refused before Remix decodes it
// (server/request-guards.ts): a 400, never a 500 from PostgreSQL or a replacement character in a search.
app.use((req: Request, res: Response, next: NextFunction) => {
  if (isWellFormedTarget(req.originalUrl)) return next();
  res.status(400).set("Cache-Control", "no-store");
  if (req.path.startsWith("/api/")) res.json(badAddressJson);
  else res.type("text/plain; charset=utf-8").send(badAddressText);
});

app.use((req: Request, res: Response, next: NextFunction) => {
  if (!isCrossOriginWrite(req.method, req.headers, { trustProxy: env.TRUST_PROXY === "1" })) return next();
  res.status(403);
  if (req.path.startsWith("/api/")) {
    res.json({ error: { message: "Cross-origin request refused.", fields: {} } });
  } else {
    res.type("text/plain; charset=utf-8").send("403 — Yêu cầu từ trang khác bị từ chối. / Requests from another site are refused.");
  }
});

// Liveness: the process is up and answering (no database): restart it when this fails. Readiness is /readyz
// (alias /healthz): the database answers and the server is not stopping; send it traffic only then.
app.get("/livez", (_req: Request, res: Response) => {
  res.set("Cache-Control", "no-store").json({ ok: true });
});
// Prometheus metrics, for a bearer of METRICS_TOKEN; without the token set, /metrics does not exist (404).
if (env.METRICS_TOKEN) app.get("/metrics", metricsRoute(metrics, env.METRICS_TOKEN));

// HTML, JSON, CSS and JavaScript go out compressed (gzip/deflate/br as the browser asks; small bodies as they are).
// Images and other already-compressed types are left alone by the filter.
app.use(compression());

// Fingerprinted bundles never change: cache them for a year. Everything else in public/ for an hour.
app.use("/build", express.static(buildDirectories(root).assets, { immutable: true, maxAge: "1y" }));
// The rest of public/ (the favicon, the door's service worker and icon), by the list of its files read at start: a
// page's request goes straight to Remix instead of looking for a file of its name first.
const publicDir = path.join(root, "public");
const publicFiles = publicFilePaths(publicDir, path.relative(publicDir, buildDirectories(root).assets).split(path.sep).slice(0, 1));
const servePublic = express.static(publicDir, { maxAge: "1h" });
app.use((req: Request, res: Response, next: NextFunction) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: "production",
    getLoadContext: (req, res): AppLoadContext => ({
      cspNonce: String(res.locals.cspNonce),
      db,
      dbKind: database.kind,
      pingDb: database.ping,
      isDraining: () => shutdown.stopping,
      metrics: { checkIn: (outcome) => metrics.checkIns.inc({ outcome }) },
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      cookieSecrets,
      secureCookies,
      appUrl,
      storage,
      secretBox: box,
    }),
  }),
);

const server = app.listen(env.PORT, () => {
  console.log(`Signet is running on http://localhost:${env.PORT} (database: ${database.kind}, instance ${instanceId})`);
});

// SIGTERM / Ctrl-C: /readyz fails at once; after SHUTDOWN_DELAY_MS (default 0) stop accepting, let in-flight
// requests finish (at most 20 s) and the mail worker finish the message it is sending, then close the database. A second signal stops at once.
const shutdown = createShutdown({
  server,
  graceMs: 20_000,
  delayMs: env.SHUTDOWN_DELAY_MS,
  stopWorkers: async () => {
    retention.stop();
    await Promise.all([outboxWorker.stop(), webhookWorker.stop(), imapPoller?.stop(), inboundSmtp?.close()]);
    // Another instance takes the scheduled work on its next tick, not after the lease has run out.
    await schedulerLease.release();
  },
  closeResources: async () => {
    await database.close().catch((error: unknown) => console.error("closing the database:", error));
    if (!env.DATABASE_URL) release(dataDir);
  },
});
function onSignal(signal: string) {
  if (shutdown.stopping) {
    console.log(`${signal} again: stopping now.`);
    process.exit(1);
  }
  shutdown.run(signal).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("shutdown failed:", error);
      process.exit(1);
    },
  );
}
process.on("SIGTERM", () => onSignal("SIGTERM"));
process.on("SIGINT", () => onSignal("SIGINT"));
