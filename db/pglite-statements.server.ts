/**
 * PGlite with a statement cache: what postgres.js does for PostgreSQL (a named prepared statement per query text,
 * per connection), done for the embedded database (issue 12, docs/decisions/035-pglite-statement-cache.md).
 *
 * PGlite's own `query(text, params)` sends each statement unnamed, as six protocol messages that each enter the
 * WebAssembly Postgres on their own (Parse, Describe, Bind, Describe, Execute, Sync), and plans it anew every time;
 * its result parser then copies its whole table of type parsers (≈ 400 entries) whenever a query brings its own, as
 * drizzle's does. On the one thread that serves every request, that was most of a check-in's time.
 *
 * Here a query's text is parsed once as a named statement (Parse + Describe + Sync, one call), and every later run
 * is one call of Bind + Execute + Sync with its parameters bound — never written into the text — parsed with the
 * row description kept from that Describe. Behaviour is PGlite's own: the same locks (the transaction lock outside a
 * transaction, the query lock within), the same parameter serializers and row parsers, the same errors (with the
 * query attached as PGlite attaches it), the same file sync after a statement outside a transaction.
 *
 * Only SELECT, INSERT, UPDATE, DELETE and WITH statements are kept; anything else (DDL, BEGIN, SET, COPY with a
 * blob, a text of several statements) goes to PGlite's own path. At most `max` statements are kept per database,
 * the least recently used closed first. A statement the server no longer has, or whose plan can no longer give the
 * same columns (after a migration), is prepared again once.
 */
import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";

type BackendMessage = { name: string } & Record<string, unknown>;
type Parser = (value: string, typeId?: number) => unknown;
type Serializer = (value: unknown) => string;

/** The members of PGlite 0.5 this uses beyond its typings (checked at wrap time: without them, no cache). */
interface PgliteInternals {
  _checkReady(): Promise<void>;
  _runExclusiveQuery<T>(f: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(f: () => Promise<T>): Promise<T>;
  execProtocolStream(message: Uint8Array, options?: { syncToFs?: boolean }): Promise<BackendMessage[]>;
  syncToFs(): Promise<void>;
  parsers: Record<number, Parser>;
  serializers: Record<number, Serializer>;
}

interface Statement {
  name: string;
  paramTypes: number[];
  /** The statement's RowDescription (null: it returns no rows), put before each run's rows for the parser. */
  rowDescription: BackendMessage | null;
}

/** Kept: what the planner can reuse. Everything else goes to PGlite's own path. */
const CACHEABLE = /^\s*\(?\s*(select|insert|update|delete|with)\b/i;
/** A prepared statement that no longer exists (26000), or whose plan's columns changed under it (0A000). */
const isStale = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  return e?.code === "26000" || (e?.code === "0A000" && /cached plan must not change result type/.test(e.message ?? ""));
};

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function hasInternals(client: PGlite): client is PGlite & PgliteInternals {
  const c = client as unknown as Partial<PgliteInternals>;
  return (
    typeof c._checkReady === "function" &&
    typeof c._runExclusiveQuery === "function" &&
    typeof c._runExclusiveTransaction === "function" &&
    typeof c.execProtocolStream === "function" &&
    typeof c.syncToFs === "function" &&
    typeof c.parsers === "object" &&
    typeof c.serializers === "object" &&
    typeof parse?.parseResults === "function" &&
    typeof protocol?.serialize?.bind === "function"
  );
}

export interface StatementCacheStats {
  prepared: number;
  executed: number;
  closed: number;
}

/**
 * The client to give drizzle: the same PGlite, whose `query` (and a transaction's) runs through the statement cache.
 * A PGlite without the members this needs (another major version) is returned as it is.
 */
export function withStatementCache(client: PGlite, max = 500): PGlite {
  if (!hasInternals(client)) return client;
  const pg = client;
  const { serialize } = protocol;
  const statements = new Map<string, Statement>();
  /** Evicted statements, closed in the next call that enters the database. */
  let toClose: string[] = [];
  let counter = 0;
  const stats: StatementCacheStats = { prepared: 0, executed: 0, closed: 0 };
  const mergedParsers = new WeakMap<object, Record<number, Parser>>();

  /** PGlite's parsers with the query's own on top (without copying the whole table: its prototype is PGlite's). */
  function parsersFor(options?: QueryOptions): Record<number, Parser> {
    const own = options?.parsers as Record<number, Parser> | undefined;
    if (!own) return pg.parsers;
    let merged = mergedParsers.get(own);
    if (!merged) {
      merged = Object.assign(Object.create(pg.parsers) as Record<number, Parser>, own);
      mergedParsers.set(own, merged);
    }
    return merged;
  }

  function closing(): Uint8Array[] {
    if (toClose.length === 0) return [];
    const messages = toClose.map((name) => serialize.close({ type: "S", name }));
    stats.closed += toClose.length;
    toClose = [];
    return messages;
  }

  async function prepare(text: string): Promise<Statement> {
    const name = `signet_cached_${++counter}`;
    const messages = await pg.execProtocolStream(concat([...closing(), serialize.parse({ name, text }), serialize.describe({ type: "S", name }), serialize.sync()]), {
      syncToFs: false,
    });
    const description = messages.find((m) => m.name === "parameterDescription") as { dataTypeIDs?: number[] } | undefined;
    const rowDescription = messages.find((m) => m.name === "rowDescription") ?? null;
    const statement = { name, paramTypes: description?.dataTypeIDs ?? [], rowDescription };
    statements.set(text, statement);
    stats.prepared += 1;
    while (statements.size > max) {
      const [oldest, evicted] = statements.entries().next().value as [string, Statement];
      statements.delete(oldest);
      toClose.push(evicted.name);
    }
    return statement;
  }

  async function run(statement: Statement, params: unknown[], options?: QueryOptions): Promise<Results> {
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const oid = statement.paramTypes[i]!;
      const serializer = (options?.serializers as Record<number, Serializer> | undefined)?.[oid] ?? pg.serializers[oid];
      return serializer ? serializer(value) : String(value);
    });
    const messages = await pg.execProtocolStream(
      concat([...closing(), serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    stats.executed += 1;
    const all = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
    const { parsers: _own, ...rest } = options ?? {};
    return parse.parseResults(all as never, parsersFor(options), rest as QueryOptions)[0] as Results;
  }

  /** One query through the cache, with the locks already held that PGlite's own path would hold. */
  async function cachedQuery(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results> {
    let statement = statements.get(text);
    if (statement) {
      // Most recently used last: the first entry is the one to evict.
      statements.delete(text);
      statements.set(text, statement);
    } else {
      statement = await prepare(text);
    }
    try {
      return await run(statement, params, options);
    } catch (error) {
      if (!isStale(error)) throw error;
      statements.delete(text);
      toClose.push(statement.name);
      return await run(await prepare(text), params, options);
    }
  }

  const attach = (error: unknown, text: string, params: unknown[], options?: QueryOptions) => {
    const e = error as { query?: string; params?: unknown[]; queryOptions?: QueryOptions };
    if (e && typeof e === "object" && "code" in e) Object.assign(e, { query: text, params, queryOptions: options });
    return error;
  };

  async function query<T>(text: string, params: unknown[] = [], options?: QueryOptions, inTransaction?: Transaction): Promise<Results<T>> {
    const own = inTransaction ?? pg;
    if (!CACHEABLE.test(text) || options?.blob || options?.paramTypes) return own.query<T>(text, params, options);
    if (inTransaction) {
      if (inTransaction.closed) throw new Error("Transaction is closed");
      return pg._runExclusiveQuery(() => cachedQuery(text, params, options)).catch((error: unknown) => {
        throw attach(error, text, params, options);
      }) as Promise<Results<T>>;
    }
    await pg._checkReady();
    return pg._runExclusiveTransaction(() =>
      pg._runExclusiveQuery(async () => {
        try {
          const result = await cachedQuery(text, params, options);
          await pg.syncToFs();
          return result;
        } catch (error) {
          throw attach(error, text, params, options);
        }
      }),
    ) as Promise<Results<T>>;
  }

  const wrapTransaction = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === "query") return <T>(text: string, params?: unknown[], options?: QueryOptions) => query<T>(text, params, options, target);
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });

  return new Proxy(pg, {
    get(target, prop) {
      if (prop === "query") return <T>(text: string, params?: unknown[], options?: QueryOptions) => query<T>(text, params, options);
      if (prop === "transaction")
        return <T>(callback: (tx: Transaction) => Promise<T>) => target.transaction((tx) => callback(wrapTransaction(tx)));
      if (prop === statementCacheStats) return stats;
      const value = Reflect.get(target, prop, target) as unknown;
      // PGlite's methods use private fields: they must run on the instance itself, not on this proxy.
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const statementCacheStats = Symbol("signet.statementCacheStats");

/** What the cache did on this client (tests, benches); null for a client without it. */
export function statementCacheStatsOf(client: unknown): StatementCacheStats | null {
  return ((client as Record<symbol, StatementCacheStats | undefined> | null)?.[statementCacheStats] ?? null) as StatementCacheStats | null;
}
