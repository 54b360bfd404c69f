/**
 * What the benches share: a scratch database of either kind, a Signet server started on it, and the result row.
 * Everything stays on loopback; every loop is bounded by a count or a duration.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { newPGlite, openDatabase, type Database } from "#db/client.server";
import { SERVER_NODE_FLAGS } from "../server/node-flags";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type Kind = "pglite" | "postgres";

/** One line of the final table: the measured ratio against its goal. */
export interface Row {
  kind: Kind;
  scenario: string;
  baseline: string;
  measured: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  details?: Record<string, unknown>;
}

/** A fresh, migrated scratch database: PGlite in a temp dir, or a new database on TEST_DATABASE_URL's server. */
export interface Scratch {
  kind: Kind;
  database: Database;
  /** For a server process: DATABASE_URL (postgres) or DATA_DIR (pglite). */
  serverEnv: Record<string, string>;
  /** Closes the bench's own connection (a PGlite dir must be closed before the server opens it). */
  close: () => Promise<void>;
  reopen: () => Database;
  drop: () => Promise<void>;
  /** COPY a CSV (with a header) into a plain table of text columns `table` (created here): the import's floor. */
  copyCsv: (table: string, columns: string[], csv: string) => Promise<void>;
}

export async function scratchDatabase(kind: Kind, name: string): Promise<Scratch> {
  if (kind === "postgres") {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DATABASE_URL is not set");
    const dbName = `signet_bench_${name}_${process.pid}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${dbName}`;
    const open = () => openDatabase({ url: url.toString(), max: 4 });
    let database = open();
    await database.migrate();
    return {
      kind,
      get database() {
        return database;
      },
      serverEnv: { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(path.join(tmpdir(), "signet-bench-")) },
      close: () => database.close(),
      reopen: () => (database = open()),
      drop: async () => {
        const a = postgres(base, { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
        await a.end();
      },
      copyCsv: async (table, columns, csv) => {
        const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
        try {
          await client.unsafe(`create table ${table} (${columns.map((c) => `${c} text`).join(", ")})`);
          const stream = await client.unsafe(`copy ${table} from stdin with (format csv, header true)`).writable();
          await new Promise<void>((resolve, reject) => {
            stream.on("error", reject);
            stream.on("finish", () => resolve());
            stream.end(csv);
          });
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "signet-bench-"));
  let pglite = newPGlite(path.join(dataDir, "pglite"));
  const open = () => {
    if (pglite.closed) pglite = newPGlite(path.join(dataDir, "pglite"));
    return openDatabase({ pglite });
  };
  let database = open();
  await database.migrate();
  return {
    kind,
    get database() {
      return database;
    },
    serverEnv: { DATA_DIR: dataDir },
    close: () => database.close(),
    reopen: () => (database = open()),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    copyCsv: async (table, columns, csv) => {
      await pglite.exec(`create table ${table} (${columns.map((c) => `${c} text`).join(", ")})`);
      await pglite.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], { blob: new Blob([csv]) });
    },
  };
}

export interface Server {
  url: string;
  child: ChildProcess;
  rssMb: () => number;
  stop: () => Promise<void>;
}

/** Starts server/index.ts (production build) on `port` with the scratch database; resolves once /healthz answers. */
export async function startServer(scratch: Scratch, port: number, extraEnv: Record<string, string> = {}): Promise<Server> {
  // BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, "--import", "tsx", path.join(root, "server", "index.ts")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...scratch.serverEnv,
      ...extraEnv,
      PORT: String(port),
      SIGNET_DEMO: "0",
      SESSION_SECRET: "bench-session-secret-0123456789abcdef",
      APP_URL: `http://localhost:${port}`,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error("server did not answer /healthz within 120 s");
    }
    await sleep(250);
  }
  return {
    url,
    child,
    rssMb: () => rssOf(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
