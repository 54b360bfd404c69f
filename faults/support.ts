/**
 * Shared pieces of the fault suite (faults/*.fault.test.ts, docs/decisions/018-fault-tests.md): free ports,
 * bounded waiting, the real server as a child process, and a throwaway PostgreSQL cluster of the test's own.
 * Nothing here touches the shared PostgreSQL on 127.0.0.1:5432.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { inject } from "vitest";
import { newPGlite, openDatabase, type Database } from "#db/client.server";
import { SERVER_NODE_FLAGS } from "../server/node-flags";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined; throws after `timeoutMs` (every loop is bounded). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 30_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** A child process with its output collected, for assertions and for the message when something fails. */
export interface Child {
  process: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

const children = new Set<ChildProcess>();

/** SIGKILLs every child this file started that is still running (afterAll: a failed test leaves none behind). */
export function killChildren(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
}

/** `tsx <args>` from the project root, with this environment plus `env` (an undefined value removes a variable). */
export function spawnChild(args: string[], env: Record<string, string | undefined> = {}): Child {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  return { process: child, output: () => output, exited };
}

export interface AppServer extends Child {
  url: string;
  /** GET /healthz's status, or 0 when nothing answers. */
  health(): Promise<number>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | string>;
}

/** server/index.ts as in production (`npm start`), on a free port. The build is made once by faults/global-setup.ts. */
export async function startAppServer(env: Record<string, string | undefined>): Promise<AppServer> {
  const port = await freePort();
  const child = spawnChild([...SERVER_NODE_FLAGS, path.join(root, "server", "index.ts")], {
    PORT: String(port),
    SIGNET_DEMO: "0",
    SMTP_URL: undefined,
    DATABASE_URL: undefined,
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  const health = async () => {
    try {
      return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch {
      return 0;
    }
  };
  const server: AppServer = {
    ...child,
    url,
    health,
    async stop() {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGTERM");
      return child.exited;
    },
  };
  try {
    await waitFor("the server to answer /healthz", async () => {
      if (child.process.exitCode !== null) throw new Error(`the server exited:\n${child.output()}`);
      return (await health()) === 200 ? true : undefined;
    }, { timeoutMs: 150_000, intervalMs: 200 });
  } catch (error) {
    child.process.kill("SIGKILL");
    throw error;
  }
  return server;
}

/**
 * A PGlite data directory with the migrations already applied, from the dump db/testing.global-setup.ts made
 * (a fresh migrate costs seconds; the server then starts at once). Returns the open database.
 */
export async function migratedPgliteDir(dataDir: string): Promise<Database> {
  const dump = inject("signetPgliteDump");
  if (!dump) throw new Error("no PGlite dump: run the fault tests in the vitest project 'faults'");
  mkdirSync(dataDir, { recursive: true });
  const pglite = newPGlite(dataDir, { loadDataDir: new Blob([await readFile(dump)]) });
  await pglite.waitReady;
  return openDatabase({ pglite });
}

const PG_BIN = "/usr/lib/postgresql/15/bin";

/** Whether initdb and pg_ctl are installed (the PostgreSQL fault test is skipped, with a message, when not). */
export function postgresBinariesMissing(): string | null {
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    if (!existsSync(path.join(PG_BIN, tool))) return `${path.join(PG_BIN, tool)} is missing`;
  }
  return null;
}

/** A PostgreSQL cluster of the test's own, in a temporary directory, on a free port. */
export interface PgCluster {
  url: string;
  start(): Promise<void>;
  /** pg_ctl stop -m fast: connections are cut, the server is gone until start(). */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

export async function createPgCluster(settings: { maxConnections?: number } = {}): Promise<PgCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "signet-faults-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  // initdb refuses to run as root: run the cluster as the "postgres" system user then.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dir, 0o777);
  // Asynchronous, so the test's own load keeps running while the cluster stops and starts.
  const run = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const command = [path.join(PG_BIN, tool), ...args];
      const [file, ...rest] = asRoot ? ["runuser", "-u", "postgres", "--", ...command] : command;
      execFile(file!, rest, { cwd: os.tmpdir(), timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${tool} ${args.join(" ")} failed:\n${stdout}\n${stderr}`));
        else resolve();
      });
    });
  await run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c shared_buffers=16MB -c max_connections=${settings.maxConnections ?? 40}`;
  const start = () => run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", options, "-w", "-t", "30", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await start();
      running = true;
    },
    async stop() {
      await stop();
      running = false;
    },
    async destroy() {
      try {
        if (running) await stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** What the SMTP sink does with the next connections and messages. */
export type SinkBehaviour =
  | { kind: "accept" }
  /** Refuses at the greeting: 421 (busy, try later) or a 5xx (no service for anyone). */
  | { kind: "refuse-connection"; code: number }
  /** Greets, then answers this code to every RCPT TO (451: try later). */
  | { kind: "refuse-recipient"; code: number }
  /** Accepts this many more messages, then vanishes in the middle of the next one's DATA (no reply). */
  | { kind: "vanish-after"; messages: number };

/**
 * An SMTP server (npm smtp-server, as in app/services/mail-smtp.server.test.ts) that records each message it
 * acknowledged with 250 — by Message-ID — and can refuse or vanish on demand. `start(port)` again brings it
 * back on the address the app knows.
 */
export class FaultySmtpSink {
  /** Message-IDs in the order they were acknowledged; a duplicate delivery shows up twice. */
  delivered: string[] = [];
  behaviour: SinkBehaviour = { kind: "accept" };
  port = 0;
  /** Resolves when the sink has vanished (after a vanish-after). */
  vanished: Promise<void> = Promise.resolve();
  /** While set, a message whose data has arrived waits for this before it is acknowledged (a slow send). */
  gate: Promise<void> | null = null;
  /** Called when a message's data has arrived, before it is acknowledged. */
  onMessage: (() => void) | null = null;
  private server: SMTPServer | null = null;
  private sockets = new Set<Socket>();

  async start(port = 0): Promise<number> {
    let vanish: () => void = () => {};
    this.vanished = new Promise<void>((resolve) => (vanish = resolve));
    const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      disableReverseLookup: true,
      onConnect: (_session, callback) => {
        const b = this.behaviour;
        callback(b.kind === "refuse-connection" ? refusal(b.code, "Service not available (fault test)") : undefined);
      },
      onRcptTo: (_address, _session, callback) => {
        const b = this.behaviour;
        callback(b.kind === "refuse-recipient" ? refusal(b.code, "Try again later (fault test)") : undefined);
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          this.onMessage?.();
          const b = this.behaviour;
          if (b.kind === "vanish-after" && b.messages <= 0) {
            // Gone mid-send: no reply to this message, every connection cut, nothing listening any more.
            void this.stop().then(vanish);
            return;
          }
          if (b.kind === "vanish-after") b.messages -= 1;
          const head = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/)[0] ?? "";
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? "(none)";
          const acknowledge = () => {
            this.delivered.push(messageId);
            callback();
          };
          if (this.gate) void this.gate.then(acknowledge);
          else acknowledge();
        });
      },
    });
    server.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    const address = server.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
    return this.port;
  }

  /** Cuts the connections open now (a pooled client must connect again and meet the new behaviour). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
