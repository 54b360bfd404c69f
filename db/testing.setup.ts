/** Per test file in the pglite/postgres projects: whatever database the file left open is closed (and dropped). */
import { afterAll } from "vitest";
import { closeOpenTestDatabases } from "./testing";

afterAll(() => closeOpenTestDatabases());
