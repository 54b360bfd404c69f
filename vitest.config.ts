import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * Three projects:
 *  - unit:     pure *.test.ts (domain, i18n, utils, server), TZ=UTC, no database.
 *  - pglite:   *.server.test.ts against PGlite; globalSetup migrates one database and dumps it, each test
 *              file loads its own copy through `testDatabase()` (db/testing.ts).
 *  - postgres: the same files against the PostgreSQL server at TEST_DATABASE_URL; globalSetup migrates a
 *              template database, each test file gets `CREATE DATABASE … TEMPLATE …`. Only when the URL is set.
 *  - faults:   faults/*.fault.test.ts, the injected failures of docs/decisions/018-fault-tests.md (SMTP gone,
 *              PostgreSQL restarted, SIGKILL, disk full, SIGTERM); they start their own servers, clusters and
 *              child processes, so they run once, not once per database project.
 * A console.error during a test fails it (vitest.setup.ts).
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const serverTests = ["app/**/*.server.test.ts", "server/**/*.server.test.ts", "db/**/*.server.test.ts"];

const databaseProject = (name: "pglite" | "postgres"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: serverTests,
    environment: "node",
    env: { SIGNET_TEST_DRIVER: name },
    globalSetup: ["./db/testing.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts", "./db/testing.setup.ts"],
    // scrypt hashes and database start-up make these slower than pure tests; two cores share the work.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "~": here("./app"),
      "#db": here("./db"),
    },
  },
  test: {
    // Two cores here and in CI: one worker per core (PGlite and scrypt are CPU-bound).
    maxWorkers: 2,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "server/**/*.test.ts", "db/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "**/*.server.test.ts"],
          environment: "node",
          env: { TZ: "UTC" },
          setupFiles: ["./vitest.setup.ts"],
        },
      },
      databaseProject("pglite"),
      {
        extends: true,
        test: {
          name: "faults",
          include: ["faults/**/*.fault.test.ts"],
          environment: "node",
          env: { SIGNET_TEST_DRIVER: "pglite" },
          globalSetup: ["./db/testing.global-setup.ts", "./faults/global-setup.ts"],
          setupFiles: ["./vitest.setup.ts", "./db/testing.setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL ? [databaseProject("postgres")] : []),
    ],
  },
});
