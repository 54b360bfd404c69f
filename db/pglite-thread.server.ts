/**
 * The embedded database on a thread of its own (issue 12, docs/decisions/037-pglite-thread.md).
 *
 * PGlite is PostgreSQL compiled to WebAssembly: in the app's thread, every query's planning and execution runs on
 * the one thread that also renders every page — a fifth of the server's CPU on the invitee page, more on a
 * check-in. The server (server/index.ts) runs it in a worker thread instead (db/pglite-thread.worker.ts), as a
 * PostgreSQL server runs in processes of its own, and this is the client drizzle is given there: the members of
 * PGlite drizzle and the app call (`query`, `exec`, `transaction`, `close`, `waitReady`), each a message to the
 * worker and its answer back.
 *
 * What crosses is plain data: the query's text and parameters, the rows, an error's fields (`code`, `detail`,
 * `constraint`, …, which the app and drizzle read). Functions cannot cross, so of a query's options only the row
 * mode, parameter types and parsers that give a type's text as it is (drizzle's, for dates and intervals) are
 * taken; any other option is refused rather than silently dropped. A transaction is opened in the worker and held
 * there until its callback here settles: committed when it resolves, rolled back when it throws — the same lock,
 * so the same order, as PGlite's own `transaction`.
 *
 * The integration tests keep PGlite in their own thread (db/testing.ts); db/pglite-thread.server.test.ts holds
 * this client to what the same PGlite answers directly, and the browser tests run the server through it.
 */
import { Worker } from "node:worker_threads";
import type { QueryOptions, Results, Transaction } from "@electric-sql/pglite";

export interface WireOptions {
  rowMode?: "array" | "object";
  paramTypes?: number[];
  /** Type OIDs whose values come back as the text PostgreSQL sent. */
  rawTypes?: number[];
}

export type ThreadRequest = { id: number } & (
  | { op: "query"; text: string; params?: unknown[]; options?: WireOptions; tx?: number }
  | { op: "exec"; text: string; options?: WireOptions; tx?: number }
  | { op: "begin"; tx: number }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" }
);

export interface WireError {
  message: string;
  name: string;
  stack?: string;
  props: Record<string, unknown>;
}

export type ThreadReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: WireError });

type Payload = ThreadRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

const SUPPORTED = new Set(["rowMode", "parsers", "paramTypes"]);
const rawTypesOf = new WeakMap<object, number[]>();

/** The options as they cross; an option the worker cannot honour is an error here, before anything runs. */
function wireOptions(options: QueryOptions | undefined): WireOptions | undefined {
  if (!options) return undefined;
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !SUPPORTED.has(key)) throw new Error(`PGlite thread: the query option "${key}" cannot cross to the database's thread`);
  }
  const out: WireOptions = {};
  if (options.rowMode) out.rowMode = options.rowMode;
  if (options.paramTypes) out.paramTypes = options.paramTypes;
  const parsers = options.parsers as Record<number, (value: string, typeId?: number) => unknown> | undefined;
  if (parsers) {
    let raw = rawTypesOf.get(parsers);
    if (!raw) {
      raw = Object.entries(parsers).map(([oid, parse]) => {
        // Only a parser that gives the text back unchanged can be run on the other side (as the identity).
        if (parse("2017-10-19 14:00:00+07", Number(oid)) !== "2017-10-19 14:00:00+07" || parse("", Number(oid)) !== "")
          throw new Error(`PGlite thread: the parser for type ${oid} does more than return the text, and cannot cross`);
        return Number(oid);
      });
      rawTypesOf.set(parsers, raw);
    }
    out.rawTypes = raw;
  }
  return out;
}

function fromWire(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return Object.assign(error, wire.props);
}

/** The worker's entry: it registers tsx in that thread (a worker does not inherit it), then loads the .ts worker. */
const WORKER_URL = new URL("./pglite-thread.worker.mjs", import.meta.url);

export class PGliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #next = 1;
  #transactions = 0;
  #failed: Error | null = null;
  #closed = false;
  readonly waitReady: Promise<void>;

  constructor(dataDir?: string) {
    this.#worker = new Worker(WORKER_URL, { workerData: { dataDir } });
    // A database that could not start answers every later call with the reason (the worker stays, closed by close()).
    this.waitReady = new Promise<void>((resolve, reject) =>
      this.#pending.set(0, {
        resolve: () => resolve(),
        reject: (error) => {
          this.#failed ??= error;
          reject(error);
        },
      }),
    );
    // A start that fails is reported by waitReady and by every query; no unhandled rejection besides.
    this.waitReady.catch(() => {});
    this.#worker.on("message", (reply: ThreadReply) => {
      const waiting = this.#pending.get(reply.id);
      if (!waiting) return;
      this.#pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(fromWire(reply.error));
    });
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`PGlite thread: the database's thread stopped (exit code ${code})`)));
  }

  #fail(error: Error) {
    this.#failed ??= error;
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }

  #call<T>(payload: Payload): Promise<T> {
    if (this.#closed) return Promise.reject(new Error("PGlite is closed"));
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ ...payload, id });
    });
  }

  query<T>(text: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    let wire: WireOptions | undefined;
    try {
      wire = wireOptions(options);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.#call({ op: "query", text, params, options: wire, tx });
  }

  exec(text: string, options?: QueryOptions, tx?: number): Promise<Results[]> {
    let wire: WireOptions | undefined;
    try {
      wire = wireOptions(options);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.#call({ op: "exec", text, options: wire, tx });
  }

  /** PGlite's `transaction`: the callback's queries run in one transaction, committed if it resolves. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = ++this.#transactions;
    await this.#call({ op: "begin", tx: id });
    let closed = false;
    const end = async (commit: boolean) => {
      if (closed) return;
      closed = true;
      await this.#call({ op: "end", tx: id, commit });
    };
    const tx = {
      query: <R>(text: string, params?: unknown[], options?: QueryOptions) =>
        closed ? Promise.reject(new Error("Transaction is closed")) : this.query<R>(text, params, options, id),
      sql: () => Promise.reject(new Error("PGlite thread: tx.sql is not available; use query")),
      exec: (text: string, options?: QueryOptions) => (closed ? Promise.reject(new Error("Transaction is closed")) : this.exec(text, options, id)),
      rollback: () => end(false),
      listen: () => Promise.reject(new Error("PGlite thread: listen is not available")),
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await end(false).catch(() => {});
      throw error;
    }
    await end(true);
    return result;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    if (!this.#failed) await this.#call({ op: "close" }).catch(() => {});
    this.#closed = true;
    this.#fail(new Error("PGlite is closed"));
    await this.#worker.terminate();
  }

  /** The mark app/models/rsvp.server.ts knows PGlite by across bundles (the Remix build has its own module copies). */
  get [Symbol.for("signet.pglite-thread")](): true {
    return true;
  }

  get closed(): boolean {
    return this.#closed;
  }
}
