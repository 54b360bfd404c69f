/**
 * The embedded database's own thread (db/pglite-thread.server.ts starts it): one PGlite, with the statement cache
 * (db/pglite-statements.server.ts), answering the app's queries and transactions posted to it. What it answers is
 * what the same PGlite answers in the app's thread; only its CPU time is spent here instead.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import { newPGlite } from "./client.server";
import { withStatementCache } from "./pglite-statements.server";
import type { ThreadReply, ThreadRequest, WireError, WireOptions } from "./pglite-thread.server";

const port = parentPort;
if (!port) throw new Error("db/pglite-thread.worker.ts runs as a worker thread (db/pglite-thread.server.ts)");
const { dataDir } = workerData as { dataDir?: string };

const pg = withStatementCache(newPGlite(dataDir));

/** Parsers that give a type's text as it is (what drizzle asks for dates, times and intervals), by type list. */
const rawParsers = new Map<string, Record<number, (value: string) => string>>();
function options(wire: WireOptions | undefined): QueryOptions | undefined {
  if (!wire) return undefined;
  const out: QueryOptions = {};
  if (wire.rowMode) out.rowMode = wire.rowMode;
  if (wire.paramTypes) out.paramTypes = wire.paramTypes;
  if (wire.rawTypes) {
    const key = wire.rawTypes.join(",");
    let parsers = rawParsers.get(key);
    if (!parsers) {
      parsers = Object.fromEntries(wire.rawTypes.map((oid) => [oid, (value: string) => value]));
      rawParsers.set(key, parsers);
    }
    out.parsers = parsers;
  }
  return out;
}

/** An error as plain data: its message, name, stack and every own property that can cross (code, detail, …). */
function wireError(error: unknown): WireError {
  if (typeof error !== "object" || error === null) return { message: String(error), name: "Error", props: {} };
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === "queryOptions") continue;
    try {
      props[key] = structuredClone(value);
    } catch {
      // A value that cannot be copied (a function) stays behind.
    }
  }
  if (error instanceof Error) return { message: error.message, name: error.name, stack: error.stack, props };
  // Not an Error: what WebAssembly's file system throws ({ name: "ErrnoError", errno }), named by what it has.
  const { name, errno } = error as { name?: unknown; errno?: unknown };
  const label = typeof name === "string" ? name : "Error";
  return { message: errno === undefined ? label : `${label} (errno ${String(errno)})`, name: label, props };
}

interface OpenTransaction {
  tx: Transaction;
  finish(commit: boolean): void;
  /** Settles when PGlite has committed or rolled back. */
  done: Promise<unknown>;
}
const transactions = new Map<number, OpenTransaction>();
const ROLLBACK = Symbol("rollback");

function client(tx: number | undefined) {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error("Transaction is closed");
  return open.tx;
}

async function begin(tx: number): Promise<void> {
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const open = {} as OpenTransaction;
  open.done = pg.transaction(
    (t) =>
      new Promise<void>((resolve, reject) => {
        open.tx = t;
        open.finish = (commit) => (commit ? resolve() : reject(ROLLBACK));
        entered();
      }),
  );
  // BEGIN itself can fail: then `done` rejects before the callback is entered.
  await Promise.race([inside, open.done]);
  transactions.set(tx, open);
}

async function end(tx: number, commit: boolean): Promise<void> {
  const open = transactions.get(tx);
  if (!open) return;
  transactions.delete(tx);
  open.finish(commit);
  try {
    await open.done;
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case "query":
      return (await client(request.tx).query(request.text, request.params, options(request.options))) satisfies Results;
    case "exec":
      return await client(request.tx).exec(request.text, options(request.options));
    case "begin":
      return await begin(request.tx);
    case "end":
      return await end(request.tx, request.commit);
    case "close":
      await pg.close();
      return undefined;
  }
}

port.on("message", (request: ThreadRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: wireError(error) } satisfies ThreadReply),
  );
});

pg.waitReady.then(
  () => port.postMessage({ id: 0, ok: true, value: "ready" } satisfies ThreadReply),
  (error: unknown) => port.postMessage({ id: 0, ok: false, error: wireError(error) } satisfies ThreadReply),
);
