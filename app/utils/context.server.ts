import type { Db, DbKind } from "#db/client.server";
import type { ObjectStorage } from "./object-storage";
import type { SecretBox } from "./secret-box.server";

export interface SignetContext {
  /** This request's Content-Security-Policy nonce (server/security-headers.ts): every inline <script>/<style> carries it. Set by the server for every request; absent only in tests and benches that call loaders directly. */
  cspNonce?: string;
  db: Db;
  dbKind: DbKind;
  /** Checks the database answers (for /readyz and /healthz). */
  pingDb: () => Promise<void>;
  /** True once the server has begun to stop (SIGTERM): /readyz answers 503 so a proxy sends no more. */
  isDraining?: () => boolean;
  /** Counters of this instance's metrics that routes feed (server/observability.ts); absent in tests. */
  metrics?: { checkIn(outcome: "checkedIn" | "already" | "refused"): void };
  /** The client's address (X-Forwarded-For only when TRUST_PROXY=1). */
  clientIp: string;
  /** Secrets that sign the session cookie (first signs, all verify). */
  cookieSecrets: string[];
  secureCookies: boolean;
  /** The public base URL without a trailing slash (APP_URL, else http://localhost:PORT). */
  appUrl: string;
  /** Uploaded files (photos): STORAGE_URL — the file system under DATA_DIR/media by default, or an S3 bucket. */
  storage: ObjectStorage;
  /** Seals secrets the server must read back (two-step verification seeds): ENCRYPTION_KEY, else a generated key. */
  secretBox: SecretBox;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends SignetContext {}
}
