/**
 * postgres.js 3.4.9 (the latest release) can throw outside any promise when PostgreSQL goes away: a write it
 * scheduled with setImmediate runs after the connection closed and dereferences the null socket —
 * "TypeError: Cannot read properties of null (reading 'write')" at nextWrite (porsager/postgres#1154, #1208;
 * the fixes #1168 and #1209 are not released). Uncaught, it ends the whole server the moment the database
 * restarts. The query that write belonged to has already been rejected with CONNECTION_CLOSED, so nothing is
 * lost by dropping it: server/index.ts logs this one error and keeps running (faults/postgres-restart.fault.test.ts).
 * Any other uncaught exception still stops the process. Remove once postgres.js ships the guard.
 */
export function isPostgresClosedSocketWrite(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  if (!/^Cannot read properties of null \(reading 'write'\)$/.test(error.message)) return false;
  return /\bnextWrite\b[^\n]*[\\/]postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "");
}
